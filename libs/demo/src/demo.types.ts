import type { Content, Person } from '@hubpulse/contracts';
import type { Seed } from './random';
import type { DemoWindow } from './calendar';

export type Level = 'ceo' | 'executive' | 'director' | 'manager' | 'individual';

export type ContentKind = 'newsletter' | 'ceo_blog' | 'blog' | 'microblog' | 'document' | 'question';

export interface OrganisationOptions {
  seed: Seed;
  /** Headcount, at least 20. */
  people?: number;
  /** Last day of the activity window (see `resolveWindow` for date vs date-time). */
  endDate: Date | string;
  /** Length of the activity window in days; content is published inside it. */
  days?: number;
}

/** How one person behaves on the hub; index-aligned with `DemoOrganisation.people`. */
export interface PersonProfile {
  department: number;
  level: Level;
  /** Chance of being active on a working day at the start of the window. */
  activity: number;
  /** Mean number of feed items looked at on an active day. */
  viewRate: number;
  /** Multiplier on reacting, commenting and giving feedback: some people speak up, most read. */
  voice: number;
  /** Microblog posts per active working day (heavy-tailed: most people 0). */
  postRate: number;
  docRate: number;
  taskRate: number;
  /** Q&A questions per active working day. */
  questionRate: number;
  utcOffset: number;
  /** First day (index in the window, may be negative) the person works here. */
  firstDay: number;
  /** Index of the person's manager, -1 for the CEO. */
  manager: number;
}

/** What the event generator needs to know about a content item; index-aligned with `content`. */
export interface ContentMeta {
  kind: ContentKind;
  author: number;
  department: number;
  publishedMs: number;
  /** Day index in the window. */
  day: number;
  /** Relative pull on readers (log-normal): a few items get most of the views. */
  appeal: number;
}

export interface DemoOrganisation {
  seed: Seed;
  window: DemoWindow;
  people: Person[];
  content: Content[];
  profiles: PersonProfile[];
  contentMeta: ContentMeta[];
  departments: string[];
  /** Index of the CEO in `people` (always 0). */
  ceo: number;
  /** Index of each department's executive. */
  executives: number[];
}
