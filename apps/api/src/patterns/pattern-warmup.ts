import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { DEFAULT_PATTERN_COMPARE, DEFAULT_PATTERN_WEEKS, type PatternGroupBy } from '@hubpulse/contracts';
import { PatternsService, type PatternsQuery } from './patterns.service';

/** After start-up, the first background read waits this long (the plan and the first requests go first). */
const FIRST_AFTER_MS = 10_000;

/**
 * Reads the pattern views the dashboard asks for first (the organisation and the comparison by
 * department, DEFAULT_PATTERN_WEEKS ending on the newest scored day: contracts) through the read cache in the background, at start-up and then every HUBPULSE_WARM_PATTERNS_MINUTES (1). At
 * enterprise size a cold personas view takes minutes to decide (README → Performance), and every
 * change of the disclosure plan's content (a new segment, a segment run that moved people) or of
 * the pattern tables (a pattern run) makes it cold again under a new cache key. This way the first
 * reader after one finds it decided or being decided (a reader joins the computation in flight),
 * and any other grouping of those weeks reuses the decided weeks. The work runs in the release
 * thread: requests are not held up. An unchanged view costs a data-version check.
 */
@Injectable()
export class PatternWarmup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('PatternWarmup');
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;

  constructor(
    private readonly patterns: PatternsService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.readCache.warmPatternsEveryMs;
    if (every === 0 || this.config.readCache.entries === 0) return;
    const tick = () => {
      this.running ??= this.warm().finally(() => (this.running = null));
    };
    this.timer = setTimeout(() => {
      tick();
      this.timer = setInterval(tick, every).unref();
    }, Math.min(FIRST_AFTER_MS, every)).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer); // clears the interval too (Node's timers are one kind)
    await this.running;
  }

  /** Each default view once, one after another; a failure is logged and the next one goes on. */
  async warm(): Promise<void> {
    // As the dashboard asks (usePattern): the weeks ending on the newest scored day, resolved to the same range and cache key.
    const q = (by: PatternGroupBy): PatternsQuery => ({ by, weeks: DEFAULT_PATTERN_WEEKS });
    const views = [
      ['personas', () => this.patterns.personas(q('org'))],
      ['ambassadors', () => this.patterns.ambassadors(q('org'))],
      ['purposes', () => this.patterns.purposes(q('org'))],
      ['leaders', () => this.patterns.leaders(q('org'))],
      ['purposes by department', () => this.patterns.purposes(q(DEFAULT_PATTERN_COMPARE))],
      ['leaders by department', () => this.patterns.leaders(q(DEFAULT_PATTERN_COMPARE))],
    ] as const;
    const took: string[] = [];
    for (const [name, read] of views) {
      const started = Date.now();
      try {
        await read();
      } catch (err) {
        this.log.warn(`reading the ${name} view in the background failed: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      const ms = Date.now() - started;
      if (ms >= 1000) took.push(`${name} ${(ms / 1000).toFixed(1)} s`);
    }
    // Quiet when everything was cached already.
    if (took.length > 0) this.log.log(`pattern views decided in the background: ${took.join(', ')}`);
  }
}
