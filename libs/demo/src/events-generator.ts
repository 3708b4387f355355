import type { Channel, EventType, HubEvent, Purpose } from '@hubpulse/contracts';
import { departmentTrend, weekdayFactor, workingTime } from './behaviour';
import { DAY_MS } from '@hubpulse/contracts';
import { HOUR_MS, isoInstant } from './calendar';
import { buildDayPools, type DayPools } from './content-pool';
import type { ContentKind, DemoOrganisation } from './demo.types';
import { Rng } from './random';

export interface EventOptions {
  /** Largest array yielded at a time (default 5,000). */
  chunkSize?: number;
}

/** An event before it has an id: indexes instead of ids, epoch ms instead of ISO text. */
interface Draft {
  ms: number;
  type: EventType;
  actor: number;
  content: number;
  channel: Channel;
  purpose: Purpose;
  target: number;
  properties?: Record<string, string>;
  /** For answers to feedback: the feedback they answer, whose id goes into properties. */
  replyTo?: Draft;
  id?: string;
}

const CHANNEL_OF: Record<ContentKind, Channel> = {
  newsletter: 'newsletter', ceo_blog: 'ceo_blog', blog: 'blog', microblog: 'microblog', document: 'documents', question: 'qa',
};
const FEED_KINDS = ['microblog', 'blog', 'document', 'question'] as const;
const FEED_WEIGHTS = [52, 12, 22, 14];
const REACTIONS = ['like', 'like', 'like', 'celebrate', 'insightful', 'support'];
const TASK_STATUSES = ['in_progress', 'in_progress', 'done', 'done', 'review', 'blocked'];
const MINUTE = 60_000;
/** A newsletter issue's links (paths under the hub), the first clicked most. */
const NEWSLETTER_LINKS = ['feature', 'events', 'people', 'tools'] as const;
const NEWSLETTER_LINK_WEIGHTS = [50, 25, 15, 10];

/**
 * The window's hub activity for `org`, day by day (time order within a day; answers may come some
 * hours later), as arrays of at most `chunkSize`
 * events, so a caller can stream them into storage. Each day draws from its own seeded stream, and
 * ids (`demo-<n>`) follow time order, so a seed always yields the same events with the same ids.
 */
export function* generateEvents(org: DemoOrganisation, options: EventOptions = {}): Generator<HubEvent[]> {
  const chunkSize = options.chunkSize ?? 5000;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error(`chunkSize must be a positive integer, got ${chunkSize}`);
  const sim = new Simulation(org);
  let seq = 0;
  let pending: HubEvent[] = [];
  for (let day = 0; day < org.window.days; day++) {
    const drafts = sim.day(day).sort((a, b) => a.ms - b.ms);
    for (const d of drafts) d.id = `demo-${++seq}`;
    for (const d of drafts) {
      pending.push(toEvent(d, org));
      if (pending.length === chunkSize) {
        yield pending;
        pending = [];
      }
    }
  }
  if (pending.length > 0) yield pending;
}

function toEvent(d: Draft, org: DemoOrganisation): HubEvent {
  const event: HubEvent = { event_id: d.id!, type: d.type, actor_id: org.people[d.actor].person_id, occurred_at: isoInstant(d.ms) };
  if (d.content >= 0) event.content_id = org.content[d.content].content_id;
  event.channel = d.channel;
  event.purpose = d.purpose;
  if (d.target >= 0) event.target_actor_id = org.people[d.target].person_id;
  if (d.replyTo) event.properties = { ...d.properties, reply_to_event_id: d.replyTo.id! };
  else if (d.properties) event.properties = d.properties;
  return event;
}

/** The state carried from day to day: who has read the latest newsletter and CEO post. */
class Simulation {
  private readonly newsletterRead: Int32Array;
  private readonly ceoPostRead: Int32Array;
  /** Latest newsletter (content index) per department, -1 before the first Monday. */
  private readonly latestNewsletter: number[];
  private latestCeoPost = -1;
  /** When each person was last sent their department's newsletter (ms; 0 = never). */
  private readonly sentAt: Float64Array;
  /** Newsletter sends, opens and clicks draw from their own stream, so the rest of the demo is unchanged by them. */
  private nl: Rng | null = null;
  private contentCursor = 0;
  private poolCursor = 0;
  private readonly membersByDepartment: number[][];
  private readonly leadersAbove: number[][];

  constructor(private readonly org: DemoOrganisation) {
    const n = org.people.length;
    this.newsletterRead = new Int32Array(n).fill(-1);
    this.ceoPostRead = new Int32Array(n).fill(-1);
    this.sentAt = new Float64Array(n);
    this.latestNewsletter = org.departments.map(() => -1);
    this.membersByDepartment = org.departments.map(() => []);
    org.profiles.forEach((p, i) => this.membersByDepartment[p.department].push(i));
    // The leaders in each person's reporting line (their directors and executive), nearest first.
    this.leadersAbove = org.profiles.map((_, i) => {
      const chain: number[] = [];
      for (let m = org.profiles[i].manager; m > 0; m = org.profiles[m].manager) {
        if (org.people[m].is_leader) chain.push(m);
      }
      return chain;
    });
  }

  day(day: number): Draft[] {
    const { org } = this;
    const rng = new Rng(org.seed, `events:${day}`);
    this.nl = new Rng(org.seed, `newsletters:${day}`);
    const dayMs = org.window.startMs + day * DAY_MS;
    const out: Draft[] = [];
    const emit = (d: Draft) => {
      if (d.ms >= org.window.startMs && d.ms <= org.window.cutoffMs) out.push(d);
      return d;
    };

    // What is published today, and the authors' own events for it.
    for (; this.contentCursor < org.contentMeta.length && org.contentMeta[this.contentCursor].day <= day; this.contentCursor++) {
      this.publish(this.contentCursor, rng, emit);
    }
    const built = buildDayPools(org, day, this.poolCursor);
    this.poolCursor = built.next;

    const workday = weekdayFactor(dayMs);
    org.profiles.forEach((p, person) => {
      if (p.firstDay > day) return;
      const trend = departmentTrend(p.department, day, org.window.days);
      if (!rng.chance(Math.min(0.98, p.activity * trend) * workday)) return;
      const at = () => workingTime(rng, dayMs, p.utcOffset);
      this.readNewsletters(person, trend, at, rng, emit);
      this.readCeoPost(person, trend, at, rng, emit);
      for (let k = rng.poisson(p.viewRate * Math.sqrt(trend)); k > 0; k--) this.browse(person, built.pools, at(), rng, emit);
      for (let k = rng.poisson(p.taskRate * trend); k > 0; k--) {
        const properties = { task_id: `T-${rng.int(1000, 9999)}`, status: rng.pick(TASK_STATUSES) };
        emit({ ms: at(), type: 'task_update', actor: person, content: -1, channel: 'tasks', purpose: 'productivity', target: -1, properties });
      }
    });
    return out;
  }

  /** The author's own event for a new item; newsletters and CEO posts become "the latest". */
  private publish(c: number, rng: Rng, emit: (d: Draft) => Draft): void {
    const { org } = this;
    const m = org.contentMeta[c];
    const base = { ms: m.publishedMs, actor: m.author, content: c, channel: CHANNEL_OF[m.kind], purpose: org.content[c].purpose, target: -1 };
    emit({ ...base, type: m.kind === 'document' ? 'doc_share' : 'post' });
    if (m.kind === 'newsletter') {
      this.latestNewsletter[m.department] = c;
      this.send(c, emit);
    }
    if (m.kind === 'ceo_blog') this.latestCeoPost = c;
    if (m.kind !== 'question') return;
    // Colleagues answer questions within hours, mostly from the asker's department.
    const answers = [0, 1, 2, 3][rng.weightedIndex([25, 40, 25, 10])];
    for (let k = 0; k < answers; k++) {
      const pool = rng.chance(0.6) ? this.membersByDepartment[m.department] : null;
      const who = pool ? pool[rng.int(0, pool.length - 1)] : rng.int(0, org.people.length - 1);
      if (who === m.author || org.profiles[who].firstDay > m.day) continue;
      const delay = Math.min(48 * HOUR_MS, rng.logNormal(3 * HOUR_MS, 1));
      emit({ ...base, ms: m.publishedMs + delay, type: 'answer', actor: who, target: m.author });
    }
  }

  /** Once a week: the own department's newsletter, sometimes another one; a few comment. */
  private readNewsletters(person: number, trend: number, at: () => number, rng: Rng, emit: (d: Draft) => Draft): void {
    const p = this.org.profiles[person];
    const own = this.latestNewsletter[p.department] ?? -1;
    if (own >= 0 && this.newsletterRead[person] !== own && rng.chance(0.2 * trend)) {
      this.newsletterRead[person] = own;
      const view = this.view(person, own, at(), rng, emit);
      this.openAndClick(person, own, view.ms, emit);
      if (rng.chance(0.05 * p.voice)) this.react(view, rng, emit);
      if (rng.chance(0.025 * p.voice * trend)) this.comment(view, rng, emit);
    }
    if (rng.chance(0.03)) {
      const other = this.latestNewsletter[rng.int(0, this.latestNewsletter.length - 1)];
      if (other >= 0 && other !== own) this.view(person, other, at(), rng, emit);
    }
  }

  /**
   * A department's newsletter mailed to every member there at publishing (a big list takes a few
   * seconds); a mail proxy opens one in ten within a minute, half of them flagged as machine opens.
   */
  private send(c: number, emit: (d: Draft) => Draft): void {
    const { org } = this;
    const nl = this.nl!;
    const m = org.contentMeta[c];
    const issue = org.content[c].content_id;
    const base = { actor: -1, content: c, channel: 'newsletter' as const, purpose: org.content[c].purpose, target: -1 };
    this.membersByDepartment[m.department].forEach((person, i) => {
      if (person === m.author || org.profiles[person].firstDay > m.day) return;
      const ms = m.publishedMs + Math.floor(i / 50) * 1000;
      this.sentAt[person] = ms;
      emit({ ...base, ms, type: 'newsletter_send', actor: person, properties: { issue } });
      if (nl.chance(0.1)) emit({ ...base, ms: ms + nl.int(2, 50) * 1000, type: 'newsletter_open', actor: person, properties: nl.chance(0.5) ? { issue, machine: 'true' } : { issue } });
    });
  }

  /** A reader of their department's newsletter opened the mail just before, and a third click a link in it. */
  private openAndClick(person: number, c: number, viewMs: number, emit: (d: Draft) => Draft): void {
    const nl = this.nl!;
    if (this.sentAt[person] === 0) return;
    const issue = this.org.content[c].content_id;
    const base = { actor: person, content: c, channel: 'newsletter' as const, purpose: this.org.content[c].purpose, target: -1 };
    const openMs = Math.max(this.sentAt[person] + 2 * MINUTE, viewMs - 30_000);
    emit({ ...base, ms: openMs, type: 'newsletter_open', properties: { issue } });
    if (!nl.chance(0.35)) return;
    const link = `https://hub.example.com/${NEWSLETTER_LINKS[nl.weightedIndex(NEWSLETTER_LINK_WEIGHTS)]}/${issue}`;
    emit({ ...base, ms: openMs + nl.int(5, 120) * 1000, type: 'newsletter_click', properties: { issue, link } });
  }

  /** The CEO's weekly post: read by many, reacted to, and answered with feedback that leaders reply to. */
  private readCeoPost(person: number, trend: number, at: () => number, rng: Rng, emit: (d: Draft) => Draft): void {
    const { org } = this;
    const post = this.latestCeoPost;
    if (post < 0 || person === org.ceo || this.ceoPostRead[person] === post) return;
    const p = org.profiles[person];
    if (!rng.chance((org.people[person].is_leader ? 0.5 : 0.17) * trend)) return;
    this.ceoPostRead[person] = post;
    const view = this.view(person, post, at(), rng, emit);
    if (rng.chance(0.15 * p.voice)) this.react(view, rng, emit);
    if (rng.chance(0.02 * p.voice)) this.comment(view, rng, emit);
    if (!rng.chance(0.05 * p.voice * trend)) return;
    const feedback = emit({
      ...view, ms: view.ms + rng.int(2, 12) * MINUTE, type: 'feedback', target: org.ceo,
      properties: { sentiment: rng.pick(['positive', 'positive', 'neutral', 'question', 'concern']) },
    });
    if (!rng.chance(0.4)) return;
    const chain = this.leadersAbove[person];
    const answerer = chain.length === 0 || rng.chance(0.35) ? org.ceo : chain[rng.int(0, chain.length - 1)];
    if (answerer === person) return;
    const delay = Math.min(72 * HOUR_MS, HOUR_MS + rng.logNormal(6 * HOUR_MS, 0.8));
    emit({ ...feedback, ms: feedback.ms + delay, type: 'answer', actor: answerer, target: person, properties: undefined, replyTo: feedback });
  }

  /** One item from the feed: a view, sometimes a reaction, a comment or a share. */
  private browse(person: number, pools: DayPools, ms: number, rng: Rng, emit: (d: Draft) => Draft): void {
    const p = this.org.profiles[person];
    const kind = FEED_KINDS[rng.weightedIndex(FEED_WEIGHTS)];
    const pool = kind === 'document' && rng.chance(0.75) ? pools.documentByDepartment[p.department] : pools[kind];
    const c = pool.pick(rng.next());
    if (c < 0 || this.org.contentMeta[c].author === person) return;
    const view = this.view(person, c, ms, rng, emit);
    if (kind === 'microblog' || kind === 'blog') {
      if (rng.chance(0.12 * p.voice)) this.react(view, rng, emit);
      if (rng.chance(0.035 * p.voice)) this.comment(view, rng, emit);
      if (rng.chance(0.01 * p.voice)) emit({ ...view, ms: view.ms + rng.int(1, 5) * MINUTE, type: 'share' });
    } else if (kind === 'document') {
      if (rng.chance(0.03 * p.voice)) emit({ ...view, ms: view.ms + rng.int(1, 20) * MINUTE, type: 'doc_share' });
    } else if (rng.chance(0.06 * p.voice)) {
      this.react(view, rng, emit);
    }
  }

  /** A view, never before the item was published. */
  private view(person: number, c: number, ms: number, rng: Rng, emit: (d: Draft) => Draft): Draft {
    const m = this.org.contentMeta[c];
    const when = ms > m.publishedMs ? ms : m.publishedMs + rng.int(3, 150) * MINUTE;
    return emit({ ms: when, type: 'view', actor: person, content: c, channel: CHANNEL_OF[m.kind], purpose: this.org.content[c].purpose, target: -1 });
  }

  private react(view: Draft, rng: Rng, emit: (d: Draft) => Draft): void {
    emit({ ...view, ms: view.ms + rng.int(10, 180) * 1000, type: 'react', properties: { reaction: rng.pick(REACTIONS) } });
  }

  private comment(view: Draft, rng: Rng, emit: (d: Draft) => Draft): void {
    emit({ ...view, ms: view.ms + rng.int(1, 8) * MINUTE, type: 'comment', target: this.org.contentMeta[view.content].author });
  }
}
