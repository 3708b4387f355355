import { parentPort } from 'node:worker_threads';
import type { GroupPlan } from '@hubpulse/disclosure';
import { WeekTableCache } from './pattern-tables';
import { planFromMessage, type ThreadReply, type ThreadRequest } from './release-thread.protocol';

/**
 * The pattern release thread (built to dist/apps/api/release-thread.js, started by
 * PatternReleaseThread): builds and releases week tables off the API's event loop. Holds the plans
 * of the last WeekTableCache.PLANS_KEPT content keys and the weeks decided under them.
 */
const port = parentPort;
if (!port) throw new Error('release-thread.js runs as a worker thread of the API');
const plans = new Map<string, GroupPlan>();
const weeks = new WeekTableCache();

port.on('message', (m: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    if (m.op === 'plan') {
      plans.delete(m.contentKey);
      plans.set(m.contentKey, planFromMessage(m));
      while (plans.size > WeekTableCache.PLANS_KEPT) plans.delete(plans.keys().next().value!);
      reply = { id: m.id, ok: true };
    } else {
      const plan = plans.get(m.contentKey);
      reply = plan ? { id: m.id, ok: true, week: weeks.get(m.contentKey, plan, m.codes, m.columns, m.withhold) } : { id: m.id, ok: false, missingPlan: true };
    }
  } catch (err) {
    reply = { id: m.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
