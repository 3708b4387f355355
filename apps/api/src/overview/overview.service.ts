import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Channel, OverviewResponse } from '@hubpulse/contracts';
import { suppress, suppressValue } from '@hubpulse/disclosure';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { InvalidInputError } from '../common/errors';
import { parseOr400 } from '../common/zod';
import { GoalsRepository } from '../goals/goals.repository';
import { OverviewRepository } from './overview.repository';

const DAY_MS = 86_400_000;
const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
export const overviewQuerySchema = z.object({ from: day.optional(), to: day.optional() });

@Injectable()
export class OverviewService {
  constructor(
    private readonly repo: OverviewRepository,
    private readonly goals: GoalsRepository,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  /** Default range: the 90 days ending at the newest event (or today when there is none). */
  async resolveRange(query: unknown): Promise<{ from: string; to: string }> {
    const q = parseOr400(overviewQuerySchema, query);
    const to = q.to ?? (await this.repo.lastEventDay()) ?? new Date().toISOString().slice(0, 10);
    const from = q.from ?? new Date(Date.parse(to) - 89 * DAY_MS).toISOString().slice(0, 10);
    if (from > to) throw new InvalidInputError([`from: must not be after to (${from} > ${to})`]);
    if (Date.parse(to) - Date.parse(from) > 3660 * DAY_MS) throw new InvalidInputError(['from: range is limited to 10 years']);
    return { from, to };
  }

  async overview(query: unknown): Promise<OverviewResponse> {
    const { from, to } = await this.resolveRange(query);
    const k = this.config.minGroupSize;
    const [totals, engagement, byChannel, goals] = await Promise.all([
      this.repo.totals(from, to),
      this.repo.engagement(from, to),
      this.repo.byChannel(from, to),
      this.goals.summaries(),
    ]);
    const people = suppress(totals.people, k);
    const active = suppress(totals.active, k);
    return {
      range: { from, to },
      min_group_size: k,
      totals: { events: totals.events, people, active_people: active, suppressed: people === null || active === null },
      // The share of the directory active in the 7 days ending each day: shown when at least k were.
      engagement: engagement.map((e) => {
        const index = totals.people > 0 ? Math.round((10_000 * e.active) / totals.people) / 100 : 0;
        return { day: e.day, index: suppressValue(index, e.active, k), people: suppress(e.active, k) };
      }),
      by_channel: byChannel.map((c) => ({ channel: c.channel as Channel | 'other', events: c.events, active_people: suppress(c.people, k) })),
      goals,
    };
  }
}
