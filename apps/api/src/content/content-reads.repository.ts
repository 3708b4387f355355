import { Injectable } from '@nestjs/common';
import { ClickHouseService, type Tables } from '@hubpulse/clickhouse';

type ContentTables = Pick<Tables, 'events' | 'people'>;

/** Interaction: a reaction, comment, share or answer (as the segments' channel statistics count it). */
export const INTERACTION_TYPES = ['react', 'comment', 'share', 'answer'] as const;
/** A reply on an item: a comment, or an answer on Q&A. */
export const REPLY_TYPES = ['comment', 'answer'] as const;
/** An open within this many seconds of the send is a machine's (a mail proxy's prefetch), not a person's. */
export const MACHINE_OPEN_SECONDS = 60;

export interface ContentFilter {
  from: string;
  to: string;
  channel?: string;
  purpose?: string;
  /** Items aimed at this segment; '' = at everyone; undefined = any audience. */
  segment?: string;
  /** One item. */
  contentId?: string;
}

/** One catalogue item with its people figures (directory people only; events deduplicated by event_id). */
export interface ContentAggRow {
  content_id: string;
  title: string;
  channel: string;
  purpose: string;
  author_id: string;
  author_name: string;
  audience_segment_id: string;
  published_at: string;
  reached_all: number;
  readers_all: number;
  reached_aud: number;
  readers_aud: number;
  interactors: number;
  interactions: number;
  commenters: number;
  comments: number;
  leader_repliers: number;
  leader_replies: number;
  /** Median over the commenters of the seconds from publishing to their first comment or answer (null: none). */
  median_first_comment_s: number | null;
  /** One item only (`contentId`): its audience readers by day of their first view since publishing (day 0 = the publishing day); they add up to readers_aud. Empty for a list. */
  reader_days: Map<number, number>;
}

const readerDays = (m: [number[], (number | string)[]] | null): Map<number, number> => new Map((m?.[0] ?? []).map((d, i) => [Number(d), Number(m![1][i])]));

export interface AuthorAggRow {
  author_id: string;
  name: string;
  items: number;
  /** People who viewed at least one of the author's items. */
  readers: number;
}

/** One directory recipient of a newsletter issue. */
export interface RecipientRow {
  person_id: string;
  department: string;
  opened: number;
  clicked: number;
  links: string[];
  /** 1 when the recipient's only opens were machine opens (and no click): an opener only when machine opens are counted. */
  machine_only?: number;
}

export interface IssueAggRow {
  issue: string;
  title: string;
  first_sent_at: string;
  recipients: number;
  openers: number;
  clickers: number;
  /** Recipients whose only opens were machine opens (and no click): counted openers − excluded openers. */
  machine_only_openers: number;
  /** Machine opens left out (0 when counted), and the recipients they came from. */
  machine_opens: number;
  machine_openers: number;
}

/**
 * ClickHouse reads of the Content area. Events are read without FINAL: people are counted with
 * uniqExact(actor_id) and actions with uniqExact(event_id), so a retried event counts once. Only
 * directory people are counted. Values travel as query parameters.
 */
@Injectable()
export class ContentReadsRepository {
  /** The watermark, asked again only when events or content changed (DataVersions.memo; every content read asks it). */
  private mark?: () => Promise<string>;

  constructor(private readonly ch: ClickHouseService) {}

  private get t() {
    return this.ch.tables;
  }

  /**
   * Two passes over the items' events (each item's from its own publication day on, as one item's
   * page reads it: a list and a page never differ by the people who came before): per item and
   * directory person, whether they viewed, interacted and replied (no per-person distinct counts,
   * which would be millions of hash sets), and per item the distinct interactions, replies and leader
   * replies (a retried event counts once). Joined per item with the audience membership.
   */
  private itemCtes(t: ContentTables): string {
    return `
       dir AS (SELECT person_id FROM ${t.people} FINAL),
       pe AS (
         SELECT content_id, actor_id,
                max(type = 'view') AS viewed,
                max(type IN {interactions:Array(String)}) AS interacted,
                max(type IN {replies:Array(String)}) AS replied,
                minIf(occurred_at, type IN {replies:Array(String)}) AS first_reply,
                minIf(occurred_at, type = 'view') AS first_view
         FROM ${t.events}
         WHERE toDate(occurred_at) >= (SELECT min(toDate(published_at)) FROM items)
           AND content_id IN (SELECT content_id FROM items)
           AND toDate(occurred_at) >= transform(content_id, (SELECT groupArray(content_id) FROM items), (SELECT groupArray(toDate(published_at)) FROM items), toDate(0))
           AND type != 'newsletter_send'
           AND actor_id IN (SELECT person_id FROM dir)
         GROUP BY content_id, actor_id
       ),
       counts AS (
         SELECT content_id,
                uniqExact(event_id) AS interactions,
                uniqExactIf(event_id, type IN {replies:Array(String)}) AS comments,
                uniqExactIf(event_id, type IN {replies:Array(String)} AND actor_id IN (SELECT person_id FROM ${t.people} FINAL WHERE is_leader)) AS leader_replies
         FROM ${t.events}
         WHERE toDate(occurred_at) >= (SELECT min(toDate(published_at)) FROM items)
           AND content_id IN (SELECT content_id FROM items)
           AND toDate(occurred_at) >= transform(content_id, (SELECT groupArray(content_id) FROM items), (SELECT groupArray(toDate(published_at)) FROM items), toDate(0))
           AND type IN {interactions:Array(String)}
           AND actor_id IN (SELECT person_id FROM dir)
         GROUP BY content_id
       )`;
  }

  /** The catalogue items matching the filter, each with its figures (events on the item up to now). */
  async items(f: ContentFilter): Promise<ContentAggRow[]> {
    const t = this.t;
    const rows = await this.ch.rows<Record<string, string | null>>(
      `WITH items AS (
         SELECT content_id, title, toString(channel) AS channel, toString(purpose) AS purpose, author_id, audience_segment_id, published_at
         FROM ${t.content} FINAL
         WHERE toDate(published_at) BETWEEN {from:Date} AND {to:Date}
           AND ({channel:String} = '' OR channel = {channel:String})
           AND ({purpose:String} = '' OR purpose = {purpose:String})
           AND ({any_segment:UInt8} = 1 OR audience_segment_id = {segment:String})
           AND ({content_id:String} = '' OR content_id = {content_id:String})
       ),
       ${this.itemCtes(t)},
       aud AS (
         SELECT segment_id, person_id FROM ${t.segment_members}
         WHERE (segment_id, version) IN (SELECT segment_id, max(version) FROM ${t.segment_runs} WHERE status = 'ok' GROUP BY segment_id)
           AND segment_id IN (SELECT audience_segment_id FROM items WHERE audience_segment_id != '')
       ),
       agg AS (
         SELECT content_id,
                count() AS reached_all,
                countIf(viewed = 1) AS readers_all,
                countIf(in_aud) AS reached_aud,
                countIf(in_aud AND viewed = 1) AS readers_aud,
                countIf(interacted = 1) AS interactors,
                countIf(replied = 1) AS commenters,
                countIf(replied = 1 AND actor_id IN (SELECT person_id FROM ${t.people} FINAL WHERE is_leader)) AS leader_repliers,
                medianExactIf(toUnixTimestamp(first_reply), replied = 1) AS median_first_reply,
                -- one item (with_days): its audience readers by day of their first view since publishing,
                -- under the very condition that counts readers_aud, so the buckets add up to them
                sumMapIf([toUInt32(greatest(0, dateDiff('day', toDate((SELECT any(published_at) FROM items)), toDate(first_view))))], [toUInt32(1)],
                         in_aud AND viewed = 1 AND {with_days:UInt8} = 1) AS reader_days
         FROM (
           SELECT *, audience = '' OR (audience, actor_id) IN (SELECT segment_id, person_id FROM aud) AS in_aud
           FROM (
             -- the item's audience by lookup, not a join of the (item, person) rows with the items
             SELECT *, transform(content_id, (SELECT groupArray(content_id) FROM items WHERE audience_segment_id != ''),
                                 (SELECT groupArray(audience_segment_id) FROM items WHERE audience_segment_id != ''), '') AS audience
             FROM pe
           )
         )
         GROUP BY content_id
       )
       SELECT i.content_id AS content_id, i.title AS title, i.channel AS channel, i.purpose AS purpose, i.author_id AS author_id,
              ifNull(a.name, '') AS author_name, i.audience_segment_id AS audience_segment_id,
              formatDateTime(i.published_at, '%Y-%m-%dT%H:%i:%SZ') AS published_at,
              g.reached_all AS reached_all, g.readers_all AS readers_all, g.reached_aud AS reached_aud, g.readers_aud AS readers_aud,
              g.interactors AS interactors, c.interactions AS interactions, g.commenters AS commenters, c.comments AS comments,
              g.leader_repliers AS leader_repliers, c.leader_replies AS leader_replies,
              if(g.commenters > 0, toString(greatest(0, g.median_first_reply - toUnixTimestamp(i.published_at))), NULL) AS median_first_comment_s,
              g.reader_days AS reader_days
       FROM items AS i
       LEFT JOIN agg AS g ON g.content_id = i.content_id
       LEFT JOIN counts AS c ON c.content_id = i.content_id
       LEFT JOIN (SELECT person_id, name FROM ${t.people} FINAL WHERE person_id IN (SELECT author_id FROM items)) AS a ON a.person_id = i.author_id
       ORDER BY i.published_at DESC, i.content_id
       SETTINGS join_use_nulls = 0`,
      {
        from: f.from,
        to: f.to,
        channel: f.channel ?? '',
        purpose: f.purpose ?? '',
        any_segment: f.segment === undefined ? 1 : 0,
        segment: f.segment ?? '',
        content_id: f.contentId ?? '',
        with_days: f.contentId === undefined ? 0 : 1,
        interactions: [...INTERACTION_TYPES],
        replies: [...REPLY_TYPES],
      },
    );
    const num = (v: string | null | undefined) => Number(v ?? 0);
    return rows.map((r) => ({
      content_id: r.content_id!,
      title: r.title!,
      channel: r.channel!,
      purpose: r.purpose!,
      author_id: r.author_id!,
      author_name: r.author_name!,
      audience_segment_id: r.audience_segment_id!,
      published_at: r.published_at!,
      reached_all: num(r.reached_all),
      readers_all: num(r.readers_all),
      reached_aud: num(r.reached_aud),
      readers_aud: num(r.readers_aud),
      interactors: num(r.interactors),
      interactions: num(r.interactions),
      commenters: num(r.commenters),
      comments: num(r.comments),
      leader_repliers: num(r.leader_repliers),
      leader_replies: num(r.leader_replies),
      median_first_comment_s: r.median_first_comment_s === null || r.median_first_comment_s === undefined ? null : Number(r.median_first_comment_s),
      reader_days: readerDays(r.reader_days as unknown as [number[], (number | string)[]] | null),
    }));
  }

  /**
   * What every content read depends on besides the directory and the memberships (the disclosure
   * plan covers those): the newest ingested event (the events table's projection answers it without
   * a scan) and the catalogue's newest version and size. Equal marks, equal answers.
   */
  watermark(): Promise<string> {
    this.mark ??= this.ch.versions.memo(['events', 'content'], async () => {
      const [r] = await this.ch.rows<{ events: string; content: string }>(
        `SELECT (SELECT toString(max(ingested_at)) FROM ${this.t.events}) AS events,
                (SELECT concat(toString(max(version)), '/', toString(count())) FROM ${this.t.content}) AS content`,
      );
      return `${r?.events ?? ''}|${r?.content ?? ''}`;
    });
    return this.mark();
  }

  /**
   * Per author of items published in [from, to]: their items and the union of those items' readers
   * (the passes of `items`). Their sums (reads, interactions, comments) are the service's, over the
   * item rows it shows.
   */
  async authors(f: { from: string; to: string }): Promise<AuthorAggRow[]> {
    const t = this.t;
    const rows = await this.ch.rows<Record<string, string>>(
      `WITH items AS (
         SELECT content_id, author_id, audience_segment_id, published_at FROM ${t.content} FINAL
         WHERE author_id != '' AND toDate(published_at) BETWEEN {from:Date} AND {to:Date}
       ),
       ${this.itemCtes(t)}
       SELECT a.author_id AS author_id, ifNull(p.name, a.author_id) AS name, a.items AS items, ifNull(g.readers, 0) AS readers
       FROM (SELECT author_id, count() AS items FROM items GROUP BY author_id) AS a
       LEFT JOIN (
         SELECT i.author_id AS author_id, uniqExactIf(pe.actor_id, pe.viewed = 1) AS readers
         FROM pe INNER JOIN items AS i ON i.content_id = pe.content_id
         GROUP BY author_id
       ) AS g ON g.author_id = a.author_id
       LEFT JOIN (SELECT person_id, name FROM ${t.people} FINAL WHERE person_id IN (SELECT author_id FROM items)) AS p ON p.person_id = a.author_id
       ORDER BY a.items DESC, a.author_id
       SETTINGS join_use_nulls = 1`,
      { from: f.from, to: f.to, interactions: [...INTERACTION_TYPES], replies: [...REPLY_TYPES] },
    );
    return rows.map((r) => ({ author_id: r.author_id, name: r.name, items: Number(r.items), readers: Number(r.readers) }));
  }

  /**
   * The per-person newsletter figures, per issue and directory recipient: opened (a human open or
   * any click) and clicked. The issue is properties.issue, else the event's content_id. An open is a
   * machine's when flagged (properties.machine: true, 1, "true" or "1") or within
   * MACHINE_OPEN_SECONDS of the person's send. Both modes' `opened` are computed (opened_any,
   * opened_human): their difference, the machine-only openers, is checked before counted figures show. `scope` keeps the scan small: the issues first sent in
   * [from, to] read events from `from` on; one issue reads the events that name it.
   */
  private recipientsSql(scope: 'period' | 'issue'): string {
    const t = this.t;
    const where =
      scope === 'period'
        ? 'toDate(occurred_at) >= {from:Date}'
        : '(content_id = {issue:String} OR position(properties, {issue:String}) > 0)';
    return `
      WITH ev AS (
        SELECT issue, actor_id, type, occurred_at, link, flagged FROM (
          SELECT if(JSONExtractString(properties, 'issue') != '', JSONExtractString(properties, 'issue'), content_id) AS issue,
                 actor_id, toString(type) AS type, occurred_at, JSONExtractString(properties, 'link') AS link,
                 JSONExtractRaw(properties, 'machine') IN ('true', '1', '"true"', '"1"') AS flagged
          FROM ${t.events}
          WHERE type IN ('newsletter_send', 'newsletter_open', 'newsletter_click') AND ${where}
            AND actor_id IN (SELECT person_id FROM ${t.people} FINAL)
        ) WHERE {issue:String} = '' OR issue = {issue:String}
      ),
      per AS (
        SELECT issue, actor_id,
               minIf(occurred_at, type = 'newsletter_send') AS sent_at,
               groupArrayIf((occurred_at, flagged), type = 'newsletter_open') AS opens,
               countIf(type = 'newsletter_click') > 0 AS clicked,
               groupUniqArrayIf(link, type = 'newsletter_click' AND link != '') AS links
        FROM ev
        GROUP BY issue, actor_id
        HAVING countIf(type = 'newsletter_send') > 0
      ),
      rec AS (
        SELECT issue, actor_id, clicked, links,
               arrayCount(o -> o.2 OR dateDiff('second', sent_at, o.1) < ${MACHINE_OPEN_SECONDS}, opens) AS machine_opens,
               clicked OR arrayExists(o -> NOT (o.2 OR dateDiff('second', sent_at, o.1) < ${MACHINE_OPEN_SECONDS}), opens) AS opened_human,
               clicked OR notEmpty(opens) AS opened_any,
               if({include_machine:UInt8} = 1, opened_any, opened_human) AS opened,
               sent_at
        FROM per
      )`;
  }

  /** Per issue first sent in [from, to]: directory recipients, openers, clickers, machine-only openers, machine opens left out and their recipients. */
  async issues(from: string, to: string, includeMachine: boolean): Promise<IssueAggRow[]> {
    const rows = await this.ch.rows<Record<string, string>>(
      `${this.recipientsSql('period')}
       SELECT r.issue AS issue, ifNull(c.title, '') AS title, formatDateTime(min(r.sent_at), '%Y-%m-%dT%H:%i:%SZ') AS first_sent_at,
              count() AS recipients, countIf(r.opened) AS openers, countIf(r.clicked) AS clickers,
              countIf(r.opened_any AND NOT r.opened_human) AS machine_only_openers,
              if({include_machine:UInt8} = 1, 0, sum(r.machine_opens)) AS machine_opens,
              if({include_machine:UInt8} = 1, 0, countIf(r.machine_opens > 0)) AS machine_openers
       FROM rec AS r LEFT JOIN (SELECT content_id, title FROM ${this.t.content} FINAL) AS c ON c.content_id = r.issue
       GROUP BY r.issue, c.title
       HAVING toDate(min(r.sent_at)) BETWEEN {from:Date} AND {to:Date}
       ORDER BY first_sent_at DESC, issue
       SETTINGS join_use_nulls = 1`,
      { from, to, issue: '', include_machine: includeMachine ? 1 : 0 },
    );
    return rows.map((r) => ({
      issue: r.issue,
      title: r.title,
      first_sent_at: r.first_sent_at,
      recipients: Number(r.recipients),
      openers: Number(r.openers),
      clickers: Number(r.clickers),
      machine_only_openers: Number(r.machine_only_openers),
      machine_opens: Number(r.machine_opens),
      machine_openers: Number(r.machine_openers),
    }));
  }

  /** The directory recipients of one issue with their department, whether they opened and clicked, and the links they clicked. */
  async recipients(issue: string, includeMachine: boolean): Promise<{ rows: RecipientRow[]; machine_opens: number; machine_openers: number; title: string; first_sent_at: string | null }> {
    const rows = await this.ch.rows<{ person_id: string; department: string; opened: number | boolean; clicked: number | boolean; links: string[]; machine_only: number | boolean; machine_opens: string; sent_at: string }>(
      `${this.recipientsSql('issue')}
       SELECT r.actor_id AS person_id, ifNull(toString(p.department), '') AS department, r.opened AS opened, r.clicked AS clicked, r.links AS links,
              r.opened_any AND NOT r.opened_human AS machine_only, r.machine_opens AS machine_opens, formatDateTime(r.sent_at, '%Y-%m-%dT%H:%i:%SZ') AS sent_at
       FROM rec AS r LEFT JOIN (SELECT person_id, department FROM ${this.t.people} FINAL) AS p ON p.person_id = r.actor_id
       SETTINGS join_use_nulls = 1`,
      { issue, include_machine: includeMachine ? 1 : 0 },
    );
    const [c] = await this.ch.rows<{ title: string }>(`SELECT title FROM ${this.t.content} FINAL WHERE content_id = {id:String}`, { id: issue });
    return {
      rows: rows.map((r) => ({ person_id: r.person_id, department: r.department, opened: Number(r.opened), clicked: Number(r.clicked), links: r.links, machine_only: Number(r.machine_only) })),
      machine_opens: includeMachine ? 0 : rows.reduce((s, r) => s + Number(r.machine_opens), 0),
      machine_openers: includeMachine ? 0 : rows.filter((r) => Number(r.machine_opens) > 0).length,
      title: c?.title ?? '',
      first_sent_at: rows.length ? rows.map((r) => r.sent_at).sort()[0] : null,
    };
  }
}
