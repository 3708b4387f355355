import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { DisclosurePlan } from '../disclosure/disclosure.service';
import { WeekTableCache, WeekView, type PackedWeek, type WeekCodes, type WithheldAt } from './pattern-tables';
import { planMessage, type ThreadReply, type ThreadRequest } from './release-thread.protocol';

type WeekArgs = { codes: WeekCodes; columns: readonly string[]; withhold?: WithheldAt };

/**
 * Week tables of the pattern views (personas, movement, ambassadors), built and released off the
 * event loop. A cold week at 100,000 people and 12,500 groups takes seconds of pure computation; on
 * the main thread that stalled every other request of the API meanwhile. Each thread
 * (release-thread.main.ts, built next to main.js) holds the plan and the weeks it decided; what comes
 * back is a PackedWeek, cheap to receive.
 *
 * Weeks are spread over `threads` threads by their route (the caller passes the week's number, so
 * neighbouring weeks go to different threads and a week asked again goes where it was decided and
 * kept). A cold personas view decides 27 weeks: in parallel on a machine with the cores for it.
 *
 * Where the built thread script is missing (the sources run under Jest) or the thread fails to
 * start, the same computation runs in the process, with its own cache. Provided by PatternsModule
 * through a factory (the constructor takes the script, for tests).
 */
export class PatternReleaseThread implements OnModuleDestroy {
  private readonly log = new Logger('PatternRelease');
  private readonly lanes: ReleaseLane[];
  private readonly local = new WeekTableCache();
  readonly script: string | null;

  constructor(script: string | null = defaultScript(), threads = 1) {
    this.script = script;
    this.lanes = script ? Array.from({ length: Math.max(1, threads) }, (_, i) => new ReleaseLane(script, i, this.log)) : [];
  }

  /** Threads the weeks are spread over (0: computed in the process). */
  get threads(): number {
    return this.lanes.length;
  }

  /**
   * A week's table over every group of the plan and its decisions (cached per plan content), decided
   * in thread `route` modulo the threads: give the same route for the same week. The values are the
   * week's codes under this plan (weekCodes), the withheld cells group indices (withheldAt).
   */
  async week<C extends string>(
    dp: Pick<DisclosurePlan, 'plan' | 'contentKey'>,
    codes: WeekCodes,
    columns: readonly C[],
    withhold?: ReadonlyMap<C, Int32Array>,
    route = 0,
  ): Promise<WeekView<C>> {
    const args: WeekArgs = { codes, columns, withhold };
    const n = this.lanes.length;
    const packed = n ? await this.lanes[Math.abs(Math.trunc(route)) % n].week(dp, args) : this.local.get(dp.contentKey, dp.plan, codes, columns, withhold);
    return new WeekView<C>(dp.plan, packed);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.close()));
  }
}

/**
 * One release thread: the plans it holds, its requests in flight, and its weeks, sent one after
 * another (a week's per-person values are cloned when it is sent, so a view's weeks do not stall the
 * event loop all at once, and the thread is never idle while the lane has work).
 */
class ReleaseLane {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: ThreadReply) => void; reject: (e: Error) => void }>();
  /** Content keys whose plan the thread holds (it keeps as many as WeekTableCache.PLANS_KEPT). */
  private readonly sent: string[] = [];
  /** The lane's last week request (settled or not): the next one is sent after it. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set at shutdown: the thread is not started again (a background read would otherwise restart it and keep the process alive for minutes). */
  private closed = false;

  constructor(
    private readonly script: string,
    private readonly index: number,
    private readonly log: Logger,
  ) {}

  week(dp: Pick<DisclosurePlan, 'plan' | 'contentKey'>, args: WeekArgs): Promise<PackedWeek> {
    const run = this.queue.then(() => this.inThread(dp, args));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async inThread(dp: Pick<DisclosurePlan, 'plan' | 'contentKey'>, args: WeekArgs): Promise<PackedWeek> {
    for (let attempt = 0; ; attempt++) {
      if (!this.sent.includes(dp.contentKey)) {
        await this.request((id) => planMessage(id, dp.contentKey, dp.plan));
        this.sent.push(dp.contentKey);
        while (this.sent.length > WeekTableCache.PLANS_KEPT) this.sent.shift();
      }
      const reply = await this.request((id) => ({ op: 'week', id, contentKey: dp.contentKey, codes: args.codes, columns: [...args.columns], withhold: args.withhold }));
      if (reply.ok) return reply.week!;
      if (reply.missingPlan && attempt === 0) {
        // the thread was restarted, or dropped the plan for a newer one: send it again
        this.sent.splice(0, this.sent.length);
        continue;
      }
      throw new Error(`pattern release thread: ${reply.missingPlan ? 'the plan went missing twice' : reply.error}`);
    }
  }

  private request(make: (id: number) => ThreadRequest): Promise<ThreadReply> {
    const w = this.start();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage(make(id));
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    if (this.closed) throw new Error('pattern release thread: the API is shutting down');
    const w = new Worker(this.script);
    w.on('message', (r: ThreadReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      p.resolve(r);
    });
    const fail = (err: Error) => {
      if (this.worker !== w) return;
      this.worker = null;
      this.sent.splice(0, this.sent.length);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    w.on('error', (err) => {
      this.log.error(`pattern release thread ${this.index + 1} failed: ${err.message}`);
      fail(err);
    });
    w.on('exit', (code) => fail(new Error(`pattern release thread exited (${code})`)));
    w.unref();
    this.log.log(`pattern release thread ${this.index + 1} started (${path.basename(this.script)})`);
    this.worker = w;
    return w;
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
    // the exit handler ignores a thread no longer current: fail what was asked of this one here
    for (const p of this.pending.values()) p.reject(new Error('pattern release thread: the API is shutting down'));
    this.pending.clear();
  }
}

/** release-thread.js beside the built main.js; null when running from the sources. */
function defaultScript(): string | null {
  const file = path.join(__dirname, 'release-thread.js');
  return fs.existsSync(file) ? file : null;
}
