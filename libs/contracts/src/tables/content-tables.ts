import type { ContentAuthorsDto, ContentFigure, ContentItemDto, ContentListDto, NewsletterIssueDto, NewslettersDto } from '../content.types';
import type { ViewTable } from '../exports.types';
import { col, dayOf, finishTable, shown, utcTime, type DraftCell } from './view-table';

/**
 * Content → its panels as tables, from the very DTOs the Content pages draw (issue 15): the item
 * list, an item's attention by day, authors, newsletter issues, an issue's links and its breakdown.
 */

const f = (x: ContentFigure): DraftCell => shown(x.value, x.hidden);
const PERIOD = [col('from', 'date', 'First day of the period (items published from)'), col('to', 'date', 'Last day of the period')];

export function contentItemsTable(dto: ContentListDto): ViewTable {
  return finishTable(
    [
      ...PERIOD,
      col('content_id', 'string', 'Item id'),
      col('title', 'string', 'Title'),
      col('channel', 'string', 'Channel'),
      col('purpose', 'string', 'Purpose'),
      col('author', 'string', 'Author (authors are visible on the hub)'),
      col('published_at', 'datetime', 'Published (UTC)'),
      col('audience', 'string', 'The audience it was aimed at: a segment, or Everyone'),
      col('audience_size', 'int', 'People in the audience'),
      col('readers', 'int', 'People of the audience who viewed it'),
      col('read_rate', 'float', 'Readers / audience size'),
      col('reached', 'int', 'People of the audience with any action on it'),
      col('reach_rate', 'float', 'Reached / audience size'),
      col('interactions', 'int', 'Reactions, comments, shares and answers'),
      col('comments', 'int', 'Comments and answers'),
      col('leader_replies', 'int', 'Comments and answers by leaders'),
    ],
    dto.items.map((i) => [
      dayOf(dto.from), dayOf(dto.to), i.content_id, i.title, i.channel, i.purpose, i.author_name, utcTime(i.published_at), i.audience.name,
      f(i.audience.size), f(i.readers), f(i.read_rate), f(i.reached), f(i.reach_rate), f(i.interactions), f(i.comments), f(i.leader_replies),
    ]),
    dto.min_group_size,
  );
}

export function contentDecayTable(dto: ContentItemDto): ViewTable {
  const rows: DraftCell[][] = dto.decay_hidden
    ? [[dto.content_id, dto.title, null, null, { hidden: dto.decay_hidden }, { hidden: dto.decay_hidden }]]
    : dto.decay.map((b) => [dto.content_id, dto.title, b.from_day, b.to_day, b.readers, b.share]);
  return finishTable(
    [
      col('content_id', 'string', 'Item id'),
      col('title', 'string', 'Title'),
      col('from_day', 'int', 'First day since publishing of the bucket (0 = the publishing day)'),
      col('to_day', 'int', 'Last day since publishing of the bucket'),
      col('new_readers', 'int', 'People of the audience who first viewed it in those days (buckets hold at least the minimum group size)'),
      col('share', 'float', "Share of the item's readers"),
    ],
    rows,
    dto.min_group_size,
  );
}

export function contentAuthorsTable(dto: ContentAuthorsDto): ViewTable {
  return finishTable(
    [
      ...PERIOD,
      col('author_id', 'string', 'Author person id'),
      col('author', 'string', 'Author name'),
      col('items', 'int', 'Items published in the period'),
      col('readers', 'int', 'People who viewed at least one of the items'),
      col('reader_share', 'float', 'Readers / everyone in the directory'),
      col('read_rate', 'float', 'Views of the items per audience member and item, over the items whose readers are shown'),
      col('interactions', 'int', 'Reactions, comments, shares and answers on the items whose own count is shown'),
      col('comments', 'int', 'Comments and answers on the items whose own count is shown'),
    ],
    dto.authors.map((a) => [dayOf(dto.from), dayOf(dto.to), a.author_id, a.name, a.items, f(a.readers), f(a.reader_share), f(a.read_rate), f(a.interactions), f(a.comments)]),
    dto.min_group_size,
  );
}

const ISSUE_COLUMNS = [
  col('issue', 'string', 'Newsletter issue'),
  col('title', 'string', 'Title'),
  col('first_sent_at', 'datetime', 'First send (UTC)'),
  col('recipients', 'int', 'People it was sent to'),
  col('openers', 'int', 'Recipients who opened it (machine opens excluded unless included)'),
  col('open_rate', 'float', 'Unique open rate: openers / recipients'),
  col('clickers', 'int', 'Recipients who clicked a link'),
  col('click_to_open', 'float', 'Clickers / openers'),
  col('machine_opens_excluded', 'int', 'Opens flagged as machine opens or within 60 s of the send, not counted (empty when fewer than the minimum group size of recipients had one)'),
];

export function newslettersTable(dto: NewslettersDto): ViewTable {
  return finishTable(
    ISSUE_COLUMNS,
    dto.issues.map((i) => [i.issue, i.title, utcTime(i.first_sent_at), f(i.recipients), f(i.openers), f(i.open_rate), f(i.clickers), f(i.click_to_open), shown(i.machine_opens_excluded, 'numerator')]),
    dto.min_group_size,
  );
}

export function newsletterLinksTable(dto: NewsletterIssueDto): ViewTable {
  return finishTable(
    [col('issue', 'string', 'Newsletter issue'), col('link', 'string', 'Link'), col('clickers', 'int', 'Openers who clicked the link'), col('click_rate', 'float', 'Clickers of the link / openers')],
    dto.links.map((l) => [dto.issue, l.link, f(l.clickers), f(l.click_rate)]),
    dto.min_group_size,
  );
}

export function newsletterBreakdownTable(dto: NewsletterIssueDto): ViewTable {
  return finishTable(
    [
      col('issue', 'string', 'Newsletter issue'),
      col('by', 'string', 'department or segment'),
      col('group', 'string', 'The department or segment'),
      col('recipients', 'int', 'Recipients in the group'),
      col('open_rate', 'float', 'Openers / recipients in the group'),
      col('click_to_open', 'float', 'Clickers / openers in the group'),
    ],
    dto.breakdown.map((r) => [dto.issue, dto.by, r.label, f(r.recipients), f(r.open_rate), f(r.click_to_open)]),
    dto.min_group_size,
  );
}
