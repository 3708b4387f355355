import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DEFAULT_PATTERN_COMPARE, DEFAULT_PATTERN_WEEKS, type PatternGroupBy } from '@hubpulse/contracts';
import { ReadWarmup, WARM_ORDER } from '../common/read-warmup';
import { PatternsService, type PatternsQuery } from './patterns.service';

/**
 * The pattern views the dashboard asks for first, read in the background (ReadWarmup): the
 * organisation, and the comparison by department for the two pages that show one,
 * DEFAULT_PATTERN_WEEKS ending on the newest scored day (contracts), as usePattern asks them, so
 * they resolve to the same range and cache key. At enterprise size a cold personas view takes
 * minutes to decide (README → Performance); the work runs in the release thread, and any other
 * grouping of those weeks reuses the decided weeks.
 */
@Injectable()
export class PatternWarmup implements OnModuleInit {
  constructor(
    private readonly patterns: PatternsService,
    private readonly warmup: ReadWarmup,
  ) {}

  onModuleInit(): void {
    const q = (by: PatternGroupBy): PatternsQuery => ({ by, weeks: DEFAULT_PATTERN_WEEKS });
    const views: [string, () => Promise<unknown>][] = [
      ['the personas view', () => this.patterns.personas(q('org'))],
      ['the ambassadors view', () => this.patterns.ambassadors(q('org'))],
      ['the purposes view', () => this.patterns.purposes(q('org'))],
      ['the leaders view', () => this.patterns.leaders(q('org'))],
      ['the purposes view by department', () => this.patterns.purposes(q(DEFAULT_PATTERN_COMPARE))],
      ['the leaders view by department', () => this.patterns.leaders(q(DEFAULT_PATTERN_COMPARE))],
    ];
    for (const [name, read] of views) this.warmup.register({ name, order: WARM_ORDER.patterns, read, followData: true });
  }
}
