import { z } from 'zod';
import { CHANNELS, PURPOSES } from './enums';
import type { HiddenReason } from './privacy.types';

/** Content area (issue 15): which posts, newsletters and authors worked, for whom. */

const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const flag = z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional();

export const CONTENT_SORTS = ['read_rate', 'reach', 'interactions', 'comments', 'published_at'] as const;
export type ContentSort = (typeof CONTENT_SORTS)[number];

/** GET /api/content/items: items published in [from, to] (default: the 90 days up to the newest event). */
export const contentListQuerySchema = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }).optional(),
  purpose: z.enum(PURPOSES, { error: `must be one of ${PURPOSES.join(', ')}` }).optional(),
  /** Items aimed at this segment ('everyone': at everyone). */
  segment: z.string().trim().min(1, { error: 'must not be empty' }).max(200).optional(),
  sort: z.enum(CONTENT_SORTS, { error: `must be one of ${CONTENT_SORTS.join(', ')}` }).default('read_rate'),
  /** desc: top content; asc: bottom content. Hidden figures sort last either way. */
  order: z.enum(['desc', 'asc'], { error: 'must be desc or asc' }).default('desc'),
  limit: z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be 1–200' }).max(200, { error: 'must be 1–200' }).default(50),
});

export const contentPeriodQuerySchema = z.strictObject({ from: day.optional(), to: day.optional() });

export const newsletterQuerySchema = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  /** 1 = count machine opens (privacy proxies' prefetches) as opens too. */
  include_machine: flag,
});

export const newsletterIssueQuerySchema = z.strictObject({
  by: z.enum(['department', 'segment'], { error: 'must be department or segment' }).default('department'),
  include_machine: flag,
});

/** A number about people as released: the value, or null with the reason (HIDDEN_REASONS). */
export interface ContentFigure {
  value: number | null;
  hidden: HiddenReason | null;
}

export interface ContentAudienceDto {
  /** The segment the item was aimed at; null = everyone. */
  segment_id: string | null;
  name: string;
  /** People in the audience (hidden when the segment is). */
  size: ContentFigure;
}

export interface ContentItemRowDto {
  content_id: string;
  title: string;
  channel: string;
  purpose: string;
  author_id: string | null;
  author_name: string | null;
  published_at: string;
  audience: ContentAudienceDto;
  /** People of the audience with any action on the item, and their share of the audience. */
  reached: ContentFigure;
  reach_rate: ContentFigure;
  /** People of the audience who viewed it, and their share (read rate). */
  readers: ContentFigure;
  read_rate: ContentFigure;
  /** Reactions, comments, shares and answers (anyone in the directory). */
  interactions: ContentFigure;
  /** Comments and answers. */
  comments: ContentFigure;
  /** Comments and answers by leaders. */
  leader_replies: ContentFigure;
}

export interface ContentListDto {
  from: string;
  to: string;
  min_group_size: number;
  population: number;
  sort: ContentSort;
  order: 'desc' | 'asc';
  /** Items matching the filters (the list shows the first `limit`). */
  total_items: number;
  items: ContentItemRowDto[];
}

export interface ContentDecayDto {
  from_day: number;
  to_day: number;
  readers: number;
  /** Share of the item's (audience) readers. */
  share: number;
}

/**
 * Bands of the median time to a first comment, by their upper end in hours (the last has none). A
 * median is one commenter's own time; its band says only that at least half of the ≥ k commenters
 * took at least the band's start and at least half at most its end — a statement about the group.
 */
export const FIRST_COMMENT_BANDS = [
  { key: 'under_1h', label: 'under 1 h', below_hours: 1 },
  { key: '1_4h', label: '1–4 h', below_hours: 4 },
  { key: '4_24h', label: '4–24 h', below_hours: 24 },
  { key: '1_3d', label: '1–3 days', below_hours: 72 },
  { key: 'over_3d', label: 'over 3 days', below_hours: Infinity },
] as const;
export type FirstCommentBand = (typeof FIRST_COMMENT_BANDS)[number]['key'];

export const firstCommentBand = (hours: number): FirstCommentBand => FIRST_COMMENT_BANDS.find((b) => hours < b.below_hours)!.key;

export interface ContentItemDto extends ContentItemRowDto {
  min_group_size: number;
  /** Everyone's figures beside an item aimed at a segment (null for an item aimed at everyone). */
  everyone: { readers: ContentFigure; read_rate: ContentFigure } | null;
  /** The band of the median over the people who commented of the time from publishing to their first comment or answer (shown with ≥ k commenters). */
  median_time_to_first_comment: { band: FirstCommentBand | null; hidden: HiddenReason | null };
  /** New audience readers by day since publishing, merged so that each bucket holds ≥ k readers. */
  decay: ContentDecayDto[];
  decay_hidden: HiddenReason | null;
}

export interface ContentAuthorRowDto {
  author_id: string;
  name: string;
  items: number;
  /** Directory people who viewed at least one of the author's items, and their share of everyone. */
  readers: ContentFigure;
  reader_share: ContentFigure;
  /** Distinct (person, item) views per audience member and item: views / Σ audience sizes. */
  read_rate: ContentFigure;
  interactions: ContentFigure;
  comments: ContentFigure;
}

export interface ContentAuthorsDto {
  from: string;
  to: string;
  min_group_size: number;
  population: number;
  authors: ContentAuthorRowDto[];
}

export interface NewsletterIssueRowDto {
  issue: string;
  title: string;
  first_sent_at: string;
  recipients: ContentFigure;
  openers: ContentFigure;
  /** Unique openers / recipients. */
  open_rate: ContentFigure;
  clickers: ContentFigure;
  /** Unique clickers / unique openers. */
  click_to_open: ContentFigure;
  /**
   * Opens not counted: flagged as machine opens, or within 60 s of the send (0 when counted). null:
   * hidden for privacy, fewer than k recipients had a machine open ('numerator').
   */
  machine_opens_excluded: number | null;
}

export interface NewslettersDto {
  from: string;
  to: string;
  min_group_size: number;
  include_machine: boolean;
  issues: NewsletterIssueRowDto[];
}

export interface NewsletterLinkRowDto {
  link: string;
  clickers: ContentFigure;
  /** Clickers of the link / openers of the issue. */
  click_rate: ContentFigure;
}

export interface NewsletterBreakdownRowDto {
  key: string;
  label: string;
  recipients: ContentFigure;
  open_rate: ContentFigure;
  click_to_open: ContentFigure;
}

export interface NewsletterIssueDto extends NewsletterIssueRowDto {
  min_group_size: number;
  include_machine: boolean;
  by: 'department' | 'segment';
  links: NewsletterLinkRowDto[];
  breakdown: NewsletterBreakdownRowDto[];
}

/** What each Content number means: shown beside the numbers and in Reports → Glossary. */
export const CONTENT_DEFINITIONS = {
  audience: 'The people an item was aimed at: a segment (its current membership) or everyone in the directory. Reach and read rate are measured within it.',
  read_rate: 'People of the audience who viewed the item, as a share of the audience.',
  reach_rate: 'People of the audience who did anything with the item (viewed, reacted, commented, shared, answered), as a share of the audience.',
  interactions: 'Reactions, comments, shares and answers on the item by anyone in the directory; each action counted once.',
  comments: 'Comments and answers on the item.',
  leader_replies: 'Comments and answers on the item by people marked as leaders in the directory; shown only when at least the minimum group size of leaders replied.',
  time_to_first_comment: "Median time to a first comment: for each person who commented or answered, the time from publishing to their first comment; the band (under 1 h, 1–4 h, 4–24 h, 1–3 days, over 3 days) the median over them falls in. Shown only when at least the minimum group size of people commented (so also not when nobody did), and only as a band: a median is one person's exact time, its band says how at least half of them fared.",
  author_privacy: "An author's readers are hidden where they differ from one of the author's items' readers by fewer than the minimum group size (they would be the people who read only the author's other items). Their read rate, interactions and comments leave out the items whose own figure is hidden, so subtracting the shown items never gives one away.",
  decay: 'New readers of the audience by day since publishing (day 0 = the publishing day), merged into consecutive buckets of at least the minimum group size, as a share of all its readers.',
  author_readers: "People who viewed at least one of the author's items in the period, as a share of everyone; an author's readers are a group under the privacy rules.",
  author_read_rate: "Views of the author's items (one per person and item) per audience member and item, over the items whose readers are shown; interactions and comments likewise add up the items whose own figure is shown.",
  open_rate: 'Unique open rate: recipients who opened the issue (a click counts as an open) as a share of recipients.',
  click_to_open: 'Recipients who clicked a link as a share of those who opened.',
  machine_opens: 'Opens made by a machine, not counted by default: flagged by the sender (properties.machine) or within 60 seconds of the send (mail proxies prefetching).',
  top_bottom: 'Items ranked by a figure that is shown to you; items whose figure is hidden for privacy are listed after every ranked item, by publication, whatever the order (so "top 10" is the ten best of the items that can be compared).',
} as const;
