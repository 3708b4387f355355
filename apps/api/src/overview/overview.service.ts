import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import type { Channel, HiddenReason, OverviewResponse } from '@hubpulse/contracts';
import { DAY_MS, formatDayKey } from '@hubpulse/contracts';
import { countRule, shareRule, type WindowedNumber } from '@hubpulse/disclosure';
import { EventsRepository } from '@hubpulse/clickhouse';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { DisclosureService } from '../disclosure/disclosure.service';
import { InvalidInputError } from '../common/errors';
import { checkRangeLength } from '../common/range-limit';
import { ReadCache } from '../common/read-cache';
import { ReadWarmup, WARM_ORDER } from '../common/read-warmup';
import { GoalsService } from '../goals/goals.service';
import { releaseEventCounts } from './event-counts-rule';
import { ENGAGEMENT_WINDOW_DAYS, OverviewRepository } from './overview.repository';

const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
export const overviewQuerySchema = z.object({ from: day.optional(), to: day.optional() });
export type OverviewQuery = z.output<typeof overviewQuerySchema>;

/** The statistic of every window count of the overview: directory people who did anything. */
const ACTIVE_PEOPLE_STAT = 'active_people';
const ORG = 'org';
const channelGroup = (c: string) => `channel:${c}`;
/** A channel's people are among the organisation's; two channels overlap, so neither contains the other. */
const contains = (big: string, small: string) => big === small || big === ORG;

@Injectable()
export class OverviewService implements OnModuleInit {
  constructor(
    private readonly repo: OverviewRepository,
    private readonly events: EventsRepository,
    private readonly goals: GoalsService,
    private readonly disclosure: DisclosureService,
    private readonly cache: ReadCache,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
    private readonly warmup: ReadWarmup,
  ) {}

  onModuleInit(): void {
    // The Overview page's first request: the default range.
    this.warmup.register({ name: 'the overview', order: WARM_ORDER.overview, read: async () => {
      const { from, to } = await this.resolveRange({});
      return this.facts(from, to);
    } });
  }

  /** Default range: the 90 days ending at the newest event (or today when there is none). */
  async resolveRange(q: OverviewQuery): Promise<{ from: string; to: string }> {
    const to = q.to ?? (await this.events.lastEventDay()) ?? new Date().toISOString().slice(0, 10);
    const from = q.from ?? formatDayKey(Date.parse(to) - 89 * DAY_MS);
    if (from > to) throw new InvalidInputError([`from: must not be after to (${from} > ${to})`]);
    await checkRangeLength(from, to, () => this.events.firstEventDay());
    return { from, to };
  }

  /** Day of the oldest stored event (null: none): where "All" starts. */
  dataFrom(): Promise<string | null> {
    return this.events.firstEventDay();
  }

  /**
   * What the overview of [from, to] is computed from, the same for every user: read through the
   * read cache (keyed by the events' and the directory's data), so only the first reader after the
   * data changed waits for ClickHouse; what each user may see of it is decided after, per request.
   */
  private facts(from: string, to: string) {
    return this.cache.get({
      name: 'overview',
      params: { from, to },
      tables: ['events', 'people'],
      compute: async () => {
        const [totals, engagement, byChannel, dataFrom] = await Promise.all([this.repo.totals(from, to), this.repo.engagement(from, to), this.repo.byChannel(from, to), this.events.firstEventDay()]);
        const masks = await this.repo.dailyChannelPeople(from, to, byChannel.map((c) => c.channel));
        return { totals, engagement, byChannel, masks, dataFrom };
      },
    });
  }

  /**
   * Every number about people here goes through the disclosure layer: active people over windows
   * (the range, each channel over the range, the 7-day window of each day) through `windows` against
   * what `userId` was shown before; each of them, being a count out of the shown directory, is a
   * share first (active and inactive ≥ k); event counts through releaseEventCounts.
   */
  async overview(query: OverviewQuery, userId: string): Promise<OverviewResponse> {
    const { from, to } = await this.resolveRange(query);
    const k = this.config.minGroupSize;
    const [{ totals, engagement, byChannel, masks, dataFrom }, goals] = await Promise.all([this.facts(from, to), this.goals.summaries()]);
    const days: string[] = [];
    for (let d = Date.parse(from); d <= Date.parse(to); d += DAY_MS) days.push(formatDayKey(d));
    const events = releaseEventCounts(days, byChannel.map((c) => c.events), masks, k);

    const directory = totals.people;
    const peopleHidden = countRule(directory, k);
    // Window counts: each is first a share of the directory (hidden without being recorded), then
    // checked against the others and the ledger. Order decides which of two conflicting numbers shows:
    // the range total, the channels, then the daily points.
    const candidates: { n: WindowedNumber; own: HiddenReason | null }[] = [
      { n: { stat: ACTIVE_PEOPLE_STAT, group: ORG, from, to, value: totals.active }, own: shareRule(totals.active, directory, k) },
      ...byChannel.map((c) => ({ n: { stat: ACTIVE_PEOPLE_STAT, group: channelGroup(c.channel), from, to, value: c.people }, own: shareRule(c.people, directory, k) })),
      ...engagement.map((e) => ({
        n: { stat: ACTIVE_PEOPLE_STAT, group: ORG, from: formatDayKey(Date.parse(e.day) - (ENGAGEMENT_WINDOW_DAYS - 1) * DAY_MS), to: e.day, value: e.active },
        own: shareRule(e.active, directory, k),
      })),
    ];
    const passing = candidates.filter((c) => c.own === null).map((c) => c.n);
    const verdicts = passing.length ? await this.disclosure.windows(userId, passing, contains) : [];
    const verdict = new Map(passing.map((n, i) => [n, verdicts[i]]));
    const decided = candidates.map((c) => c.own ?? verdict.get(c.n) ?? null);
    const [totalHidden, ...rest] = decided;
    const channelHidden = rest.slice(0, byChannel.length);
    const dayHidden = rest.slice(byChannel.length);
    const show = <T>(value: T, reason: HiddenReason | null) => (reason === null ? value : null);

    return {
      range: { from, to },
      data_from: dataFrom,
      min_group_size: k,
      totals: {
        events: show(totals.events, events.total),
        events_hidden: events.total,
        people: show(directory, peopleHidden),
        active_people: show(totals.active, totalHidden),
        active_people_hidden: totalHidden,
        suppressed: peopleHidden !== null || totalHidden !== null || events.total !== null,
      },
      engagement: engagement.map((e, i) => ({
        day: e.day,
        // the index is people / directory: shown exactly when people is
        index: show(Math.round((10_000 * e.active) / Math.max(1, directory)) / 100, dayHidden[i]),
        people: show(e.active, dayHidden[i]),
        hidden_reason: dayHidden[i],
      })),
      by_channel: byChannel.map((c, i) => ({
        channel: c.channel as Channel | 'other',
        events: show(c.events, events.channels[i]),
        events_hidden: events.channels[i],
        active_people: show(c.people, channelHidden[i]),
        active_people_hidden: channelHidden[i],
      })),
      goals,
    };
  }
}
