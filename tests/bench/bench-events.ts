import type { HubEvent } from '@hubpulse/contracts';

const TYPES = ['view', 'view', 'view', 'view', 'react', 'comment', 'post', 'share', 'doc_share', 'task_update'] as const;
const CHANNELS = ['blog', 'newsletter', 'microblog', 'ceo_blog', 'documents', 'tasks', 'qa'] as const;
const PURPOSES = ['inform', 'vision', 'productivity', 'engagement', 'strategy'] as const;

/** Event number i of a benchmark run: deterministic, occurred within the day before `t0 + 1 day`. */
export function benchEvent(i: number, t0: number): HubEvent {
  return {
    event_id: `bench-${i}`,
    type: TYPES[i % TYPES.length],
    actor_id: `p${(i * 7919) % 20000}`,
    occurred_at: new Date(t0 + ((i * 1_000_003) % 86_400_000)).toISOString(),
    content_id: `c${i % 5000}`,
    channel: CHANNELS[i % CHANNELS.length],
    purpose: PURPOSES[i % PURPOSES.length],
    ...(i % 5 === 0 ? { target_actor_id: `p${(i * 31) % 20000}` } : {}),
  };
}

/** Request bodies `{"events":[…]}` of `batch` events for event numbers [from, to). */
export function benchBodies(from: number, to: number, batch: number, t0: number): string[] {
  const bodies: string[] = [];
  for (let i = from; i < to; i += batch) {
    const events: HubEvent[] = [];
    for (let j = i; j < Math.min(to, i + batch); j++) events.push(benchEvent(j, t0));
    bodies.push(JSON.stringify({ events }));
  }
  return bodies;
}
