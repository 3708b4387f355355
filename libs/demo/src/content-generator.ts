import type { Channel, Content, Purpose } from '@hubpulse/contracts';
import { departmentTrend, weekdayFactor, workingTime } from './behaviour';
import { DAY_MS, formatDayKey } from '@hubpulse/contracts';
import { HOUR_MS, isoInstant, shortDate, weekday } from './calendar';
import { BLOG_TITLES, CEO_TOPICS, DOCUMENT_KINDS, DOCUMENT_TOPICS, MICROBLOG_OPENERS, MICROBLOG_SUBJECTS, QUESTIONS } from './content-catalog';
import type { ContentKind, ContentMeta, DemoOrganisation } from './demo.types';
import { DEPARTMENTS } from './organisation-catalog';
import { Rng } from './random';

const CHANNEL: Record<ContentKind, Channel> = {
  newsletter: 'newsletter', ceo_blog: 'ceo_blog', blog: 'blog', microblog: 'microblog', document: 'documents', question: 'qa',
};
const ID_PREFIX: Record<Exclude<ContentKind, 'newsletter'>, [string, number]> = {
  ceo_blog: ['ceo-blog-', 3], blog: ['blog-', 4], microblog: ['mb-', 5], document: ['doc-', 5], question: ['qa-', 5],
};
const BLOG_PURPOSES: readonly Purpose[] = ['strategy', 'vision', 'engagement', 'inform', 'productivity'];
const BLOG_PURPOSE_WEIGHTS = [30, 15, 25, 15, 15];
const MONDAY = 1;
const THURSDAY = 4;

interface Draft extends ContentMeta {
  purpose: Purpose;
  title: string;
}

/**
 * Everything published on the hub during the window, in publication order: a newsletter per
 * department every Monday, the CEO's vision post every Thursday, blog posts by a small set of
 * authors, and microblog posts, shared documents and Q&A questions by whoever writes them.
 */
export function generateContent(org: DemoOrganisation): { content: Content[]; meta: ContentMeta[] } {
  const rng = new Rng(org.seed, 'content');
  const { startMs, days, cutoffMs } = org.window;
  const drafts: Draft[] = [];
  const bloggers = pickBloggers(org, rng);
  const ceoTopics = rng.shuffle([...CEO_TOPICS]);
  const add = (d: Omit<Draft, 'day'>) => {
    if (d.publishedMs <= cutoffMs && d.publishedMs >= startMs) drafts.push({ ...d, day: Math.floor((d.publishedMs - startMs) / DAY_MS) });
  };

  for (let day = 0; day < days; day++) {
    const dayMs = startMs + day * DAY_MS;
    const dow = weekday(dayMs);
    if (dow === MONDAY) {
      org.executives.forEach((exec, department) => {
        if (exec < 0) return;
        const title = `${org.departments[department]} Weekly — ${shortDate(dayMs)}`;
        const publishedMs = dayMs + (8 - org.profiles[exec].utcOffset) * HOUR_MS + rng.int(0, 40) * 60_000;
        add({ kind: 'newsletter', author: exec, department, publishedMs, appeal: 1, purpose: 'inform', title });
      });
    }
    if (dow === THURSDAY) {
      const publishedMs = dayMs + (15 - org.profiles[org.ceo].utcOffset) * HOUR_MS + rng.int(0, 50) * 60_000;
      const title = ceoTopics[drafts.filter((d) => d.kind === 'ceo_blog').length % ceoTopics.length];
      add({ kind: 'ceo_blog', author: org.ceo, department: org.profiles[org.ceo].department, publishedMs, appeal: rng.logNormal(1, 0.3), purpose: 'vision', title });
    }
    const workday = weekdayFactor(dayMs);
    if (workday > 0.5) {
      for (let k = rng.poisson(0.6); k > 0; k--) {
        const author = bloggers[rng.int(0, bloggers.length - 1)];
        const purpose = BLOG_PURPOSES[rng.weightedIndex(BLOG_PURPOSE_WEIGHTS)];
        const p = org.profiles[author];
        add({ kind: 'blog', author, department: p.department, publishedMs: workingTime(rng, dayMs, p.utcOffset), appeal: rng.logNormal(1, 0.6), purpose, title: rng.pick(BLOG_TITLES[purpose]) });
      }
    }
    org.profiles.forEach((p, author) => {
      if (p.firstDay > day) return;
      const factor = workday * departmentTrend(p.department, day, days) * Math.min(1, p.activity * 2);
      const newcomer = day - p.firstDay < 30 ? 3 : 1;
      const department = p.department;
      for (let k = rng.poisson(p.postRate * factor); k > 0; k--) {
        const title = `${rng.pick(MICROBLOG_OPENERS)} ${rng.pick(MICROBLOG_SUBJECTS)}`;
        add({ kind: 'microblog', author, department, publishedMs: workingTime(rng, dayMs, p.utcOffset), appeal: rng.logNormal(1, 0.9), purpose: 'engagement', title });
      }
      for (let k = rng.poisson(p.docRate * factor); k > 0; k--) {
        const topics = DOCUMENT_TOPICS[org.departments[department]] ?? DOCUMENT_TOPICS.Operations;
        const title = `${capitalise(rng.pick(topics))} ${rng.pick(DOCUMENT_KINDS).toLowerCase()}`;
        add({ kind: 'document', author, department, publishedMs: workingTime(rng, dayMs, p.utcOffset), appeal: rng.logNormal(1, 0.7), purpose: 'productivity', title });
      }
      for (let k = rng.poisson(p.questionRate * factor * newcomer); k > 0; k--) {
        add({ kind: 'question', author, department, publishedMs: workingTime(rng, dayMs, p.utcOffset), appeal: rng.logNormal(1, 0.5), purpose: 'engagement', title: rng.pick(QUESTIONS) });
      }
    });
  }

  // Stable sort: ties keep generation order, so ids are the same on every run.
  drafts.sort((a, b) => a.publishedMs - b.publishedMs);
  const counters: Record<string, number> = {};
  const content: Content[] = [];
  const meta: ContentMeta[] = [];
  for (const d of drafts) {
    content.push({
      content_id: contentId(d, counters),
      channel: CHANNEL[d.kind],
      purpose: d.purpose,
      author_id: org.people[d.author].person_id,
      title: d.title,
      published_at: isoInstant(d.publishedMs),
    });
    meta.push({ kind: d.kind, author: d.author, department: d.department, publishedMs: Math.floor(d.publishedMs / 1000) * 1000, day: d.day, appeal: d.appeal });
  }
  return { content, meta };
}

function contentId(d: Draft, counters: Record<string, number>): string {
  if (d.kind === 'newsletter') return `nl-${DEPARTMENTS[d.department].slug}-${formatDayKey(d.publishedMs)}`;
  const [prefix, width] = ID_PREFIX[d.kind];
  counters[d.kind] = (counters[d.kind] ?? 0) + 1;
  return `${prefix}${String(counters[d.kind]).padStart(width, '0')}`;
}

/** A small set of regular bloggers: most executives, some directors, a few vocal employees. */
function pickBloggers(org: DemoOrganisation, rng: Rng): number[] {
  const leaders: number[] = [];
  const voices: number[] = [];
  org.profiles.forEach((p, i) => {
    if (p.level === 'executive' || (p.level === 'director' && rng.chance(0.3))) leaders.push(i);
    else if (p.level !== 'ceo' && p.voice > 2.5 && p.firstDay < 0) voices.push(i);
  });
  const wanted = Math.max(4, Math.round(org.people.length / 200));
  return [...leaders, ...rng.shuffle(voices).slice(0, wanted)];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
