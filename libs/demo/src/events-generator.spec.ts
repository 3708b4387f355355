import { createHash } from 'node:crypto';
import { hubEventSchema, type HubEvent } from '@hubpulse/contracts';
import { generateEvents } from './events-generator';
import { generateOrganisation } from './organisation-generator';

/** One pass over the default demo (2,400 people × 90 days), keeping what the assertions need. */
function survey(seed: number, validate = true) {
  const org = generateOrganisation({ seed, endDate: '2026-03-31' });
  const hash = createHash('sha256');
  const types: Record<string, number> = {};
  const postsBy = new Map<string, number>();
  const ids = new Set<string>();
  const feedback = new Map<string, HubEvent>();
  const answersToFeedback: HubEvent[] = [];
  const comments: HubEvent[] = [];
  const invalid: string[] = [];
  const weekday = { weekday: 0, weekend: 0 };
  const salesByFortnight = [0, 0];
  const department = new Map(org.people.map((p) => [p.person_id, p.department]));
  const chunkSizes: number[] = [];
  let firstChunk: HubEvent[] = [];
  let first: HubEvent | undefined;
  let last: HubEvent | undefined;
  let count = 0;
  let minTime = '9999';
  let maxTime = '';
  for (const chunk of generateEvents(org)) {
    if (chunkSizes.length === 0) firstChunk = chunk;
    chunkSizes.push(chunk.length);
    hash.update(JSON.stringify(chunk));
    for (const e of chunk) {
      count++;
      first ??= e;
      last = e;
      ids.add(e.event_id);
      types[e.type] = (types[e.type] ?? 0) + 1;
      if (e.type === 'post') postsBy.set(e.actor_id, (postsBy.get(e.actor_id) ?? 0) + 1);
      if (e.type === 'feedback') feedback.set(e.event_id, e);
      if (e.type === 'answer' && e.channel === 'ceo_blog') answersToFeedback.push(e);
      if (e.type === 'comment') comments.push(e);
      if (validate && invalid.length < 5 && !hubEventSchema.safeParse(e).success) invalid.push(JSON.stringify(e));
      if (e.occurred_at < minTime) minTime = e.occurred_at;
      if (e.occurred_at > maxTime) maxTime = e.occurred_at;
      const dow = new Date(e.occurred_at).getUTCDay();
      weekday[dow === 0 || dow === 6 ? 'weekend' : 'weekday']++;
      if (department.get(e.actor_id) === 'Sales') {
        if (e.occurred_at < '2026-01-15') salesByFortnight[0]++;
        else if (e.occurred_at >= '2026-03-18') salesByFortnight[1]++;
      }
    }
  }
  return {
    org, digest: hash.digest('hex'), types, postsBy, ids, feedback, answersToFeedback, comments,
    invalid, weekday, salesByFortnight, chunkSizes, firstChunk, first, last, count, minTime, maxTime,
  };
}

describe('generateEvents (default demo: 2,400 people, 90 days)', () => {
  let s: ReturnType<typeof survey>;
  beforeAll(() => {
    s = survey(42);
  });

  it('yields a few hundred thousand events in chunks of at most 5,000', () => {
    expect(s.count).toBeGreaterThan(300_000);
    expect(s.count).toBeLessThan(800_000);
    expect(Math.max(...s.chunkSizes)).toBeLessThanOrEqual(5000);
    expect(s.chunkSizes.slice(0, -1).every((n) => n === 5000)).toBe(true);
  });

  it('is byte-identical for the same seed and different for another', () => {
    const again = survey(42, false);
    expect(again.count).toBe(s.count);
    expect(again.first).toEqual(s.first);
    expect(again.last).toEqual(s.last);
    expect(again.digest).toBe(s.digest);
    const other = generateEvents(generateOrganisation({ seed: 7, endDate: '2026-03-31' })).next().value!;
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(s.firstChunk));
  });

  it('gives every event a unique deterministic id and a valid shape', () => {
    expect(s.invalid).toEqual([]);
    expect(s.ids.size).toBe(s.count);
    expect(s.first!.event_id).toBe('demo-1');
    expect(s.last!.event_id).toBe(`demo-${s.count}`);
  });

  it('keeps every event inside the window', () => {
    expect(s.minTime >= '2026-01-01T00:00:00.000Z').toBe(true);
    expect(s.maxTime <= '2026-03-31T23:59:59.000Z').toBe(true);
  });

  it('is mostly reading: views are more than 60% of events', () => {
    expect(s.types.view / s.count).toBeGreaterThan(0.6);
    for (const t of ['react', 'comment', 'post', 'share', 'doc_share', 'task_update', 'answer', 'feedback']) expect(s.types[t]).toBeGreaterThan(100);
  });

  it('has heavy-tailed posting: the top 5% of posters write more than 40% of posts', () => {
    const counts = [...s.postsBy.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    const top = counts.slice(0, Math.ceil(counts.length * 0.05)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.4);
    expect(s.postsBy.size).toBeLessThan(s.org.people.length * 0.8);
  });

  it('draws feedback on the CEO blog, some answered hours later by leaders', () => {
    expect(s.feedback.size).toBeGreaterThan(200);
    for (const f of s.feedback.values()) {
      expect(f.channel).toBe('ceo_blog');
      expect(f.purpose).toBe('vision');
      expect(f.target_actor_id).toBe('p0001');
    }
    const leaders = new Set(s.org.people.filter((p) => p.is_leader).map((p) => p.person_id));
    expect(s.answersToFeedback.length).toBeGreaterThan(0.2 * s.feedback.size);
    for (const a of s.answersToFeedback) {
      const f = s.feedback.get(String(a.properties?.reply_to_event_id));
      expect(f).toBeDefined();
      expect(leaders.has(a.actor_id)).toBe(true);
      expect(a.target_actor_id).toBe(f!.actor_id);
      expect(a.content_id).toBe(f!.content_id);
      expect(Date.parse(a.occurred_at) - Date.parse(f!.occurred_at)).toBeGreaterThanOrEqual(3_600_000);
    }
  });

  it('aims comments at the author of what they comment on', () => {
    const author = new Map(s.org.content.map((c) => [c.content_id, c.author_id]));
    expect(s.comments.length).toBeGreaterThan(1000);
    for (const c of s.comments) expect(c.target_actor_id).toBe(author.get(c.content_id!));
  });

  it('follows the working week and shows rising engagement in Sales', () => {
    // 64 working days against 26 weekend days, but weekends are quiet.
    expect(s.weekday.weekend / s.weekday.weekday).toBeLessThan(0.06);
    expect(s.salesByFortnight[1]).toBeGreaterThan(1.4 * s.salesByFortnight[0]);
  });
});
