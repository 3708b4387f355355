import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { z } from 'zod';
import {
  DAY_MS,
  DEFAULT_GROUP_BY,
  DEFAULT_GROUP_DAYS,
  EVENT_TYPES,
  type EventType,
  formatDayKey,
  type GroupScoresDto,
  round,
  SCORE_GROUP_BYS,
  ATTRIBUTIONS,
  type ScoreDistributionDto,
  type ScoredPersonDto,
  type ScoreExplanationDto,
  type ScoreJobDto,
  type ScoreJobState,
  type ScoringModelCreated,
  type ScoringModelDto,
} from '@hubpulse/contracts';
import { countedActions, decay, MODEL_DEFAULTS, validateModel } from '@hubpulse/analytics';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { PeopleRepository, ScoresRepository } from '@hubpulse/clickhouse';
import { ScoringModelsRepository } from '@hubpulse/database';
import { JobName, QueueName, type JobPayloads } from '@hubpulse/queue';
import { InvalidInputError } from '../common/errors';
import { ReadCache } from '../common/read-cache';
import { ReadWarmup, WARM_ORDER } from '../common/read-warmup';
import { releaseDistribution } from './distribution-rule';
import { GroupScoresService } from './group-scores.service';

const dayParam = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const rangeSchema = z.object({ from: dayParam.optional(), to: dayParam.optional() });
export const groupsSchema = rangeSchema.extend({
  by: z.enum(SCORE_GROUP_BYS, { error: `must be one of ${SCORE_GROUP_BYS.join(', ')}` }).default('department'),
  /** Days ending on `to` (default: the newest scored day), instead of `from`: the dashboard asks so without waiting for that day. */
  days: z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').max(366, 'must be at most 366').optional(),
  attribution: z.enum(ATTRIBUTIONS, { error: `must be one of ${ATTRIBUTIONS.join(', ')}` }).default('as_it_was'),
});
export const daySchema = z.object({ day: dayParam.optional() });
export const peopleSchema = daySchema.extend({ q: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
export const jobSchema = z.object({ kind: z.enum(['full', 'incremental'], { error: 'must be "full" or "incremental"' }) });
type NewModel = Parameters<ScoringModelsRepository['create']>[0];
/** Body of `POST /api/engagement/models`: checked by validateModel (each problem a "path: why" line), then the model's fields. */
export const scoringModelBodySchema = z.unknown().transform((body, ctx): NewModel => {
  const input = (body ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    ctx.addIssue({ code: 'custom', message: 'body: must be a JSON object' });
    return z.NEVER;
  }
  const problems = validateModel(input as Parameters<typeof validateModel>[0]);
  if (typeof input.note !== 'undefined' && (typeof input.note !== 'string' || input.note.length > 500)) problems.push({ path: 'note', message: 'must be text of at most 500 characters' });
  for (const p of problems) ctx.addIssue({ code: 'custom', message: `${p.path}: ${p.message}` });
  if (problems.length) return z.NEVER;
  const caps: Partial<Record<EventType, number>> = {};
  for (const [k, v] of Object.entries((input.daily_caps as Record<string, number | null> | undefined) ?? {})) if (v != null) caps[k as EventType] = v;
  return {
    weights: { ...MODEL_DEFAULTS.weights, ...(input.weights as Record<EventType, number>) },
    halfLives: { ...MODEL_DEFAULTS.half_lives, ...(input.half_lives as Record<EventType, number>) },
    dailyCaps: caps,
    lookbackDays: input.lookback_days as number,
    note: (input.note as string | undefined)?.trim() || null,
  };
});
const JOB_OPTS = { attempts: 3, backoff: { type: 'exponential' as const, delay: 5000 }, removeOnComplete: 100, removeOnFail: 500 };

/** Scoring model versions, score jobs, and the score views of the Engagement area. */
@Injectable()
export class EngagementService implements OnModuleInit {
  constructor(
    private readonly models: ScoringModelsRepository,
    private readonly repo: ScoresRepository,
    private readonly directory: PeopleRepository,
    private readonly groupScores: GroupScoresService,
    private readonly cache: ReadCache,
    @InjectQueue(QueueName.Scores) private readonly queue: Queue,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
    private readonly warmup: ReadWarmup,
  ) {}

  onModuleInit(): void {
    // The Engagement page's first requests: the group trends as the dashboard shows them first (one
    // cached computation serves every grouping of that range) and the distribution of the newest day.
    this.warmup.register({ name: 'the engagement groups', order: WARM_ORDER.engagement, read: () => this.groups(groupsSchema.parse({ by: DEFAULT_GROUP_BY, days: DEFAULT_GROUP_DAYS })) });
    this.warmup.register({ name: 'the score distribution', order: WARM_ORDER.engagement, read: () => this.distribution({}) });
  }

  listModels(): Promise<ScoringModelDto[]> {
    return this.models.list();
  }

  /** A new model version; history is recomputed with it in the background. */
  async createModel(input: NewModel, createdBy: string): Promise<ScoringModelCreated> {
    const model = await this.models.create(input, createdBy);
    const job = await this.enqueue('full', 'model');
    return { model, job_id: job };
  }

  async startJob({ kind }: z.output<typeof jobSchema>): Promise<{ job_id: string | null }> {
    return { job_id: await this.enqueue(kind === 'full' ? 'full' : 'auto', 'manual') };
  }

  private async enqueue(kind: 'full' | 'auto', reason: JobPayloads[JobName.ScoresRecompute]['reason']): Promise<string | null> {
    const data: JobPayloads[JobName.ScoresRecompute] = { reason, kind };
    const job = await this.queue.add(JobName.ScoresRecompute, data, JOB_OPTS);
    return job.id ?? null;
  }

  /** The most recent score jobs of every state, newest first. */
  async jobs(): Promise<ScoreJobDto[]> {
    const jobs = await this.queue.getJobs(['active', 'waiting', 'delayed', 'prioritized', 'completed', 'failed'], 0, 40);
    const rows = await Promise.all(jobs.filter(Boolean).map((j) => this.jobDto(j)));
    return rows.sort((a, b) => (a.created_at < b.created_at ? 1 : -1)).slice(0, 30);
  }

  private async jobDto(job: Job): Promise<ScoreJobDto> {
    const data = job.data as JobPayloads[JobName.ScoresRecompute];
    const progress = job.progress as { pct?: number; phase?: string } | number | undefined;
    const state = (await job.getState()) as ScoreJobState;
    const iso = (ms?: number) => (ms ? new Date(ms).toISOString() : null);
    return {
      id: String(job.id),
      kind: data.kind === 'full' ? 'full' : 'auto',
      reason: data.reason,
      state,
      progress: typeof progress === 'number' ? progress : (progress?.pct ?? (state === 'completed' ? 100 : 0)),
      phase: typeof progress === 'object' ? (progress?.phase ?? null) : null,
      created_at: iso(job.timestamp)!,
      started_at: iso(job.processedOn),
      finished_at: iso(job.finishedOn),
      attempts: job.attemptsMade,
      failed_reason: job.failedReason ?? null,
      result: (job.returnvalue as ScoreJobDto['result']) ?? null,
    };
  }

  private async resolveDay(day?: string): Promise<string | null> {
    return day ?? (await this.repo.lastScoredDay());
  }

  /**
   * The population's raw scores on a day: a table of disjoint cells and quantiles, released by
   * distribution.rule. The same for every reader: through the read cache, keyed by the day and the
   * data of the scores and the directory (three queries over the day's scores took ~130 ms a request).
   */
  async distribution(query: z.output<typeof daySchema>): Promise<ScoreDistributionDto> {
    const day = await this.resolveDay(query.day);
    if (!day) return this.computeDistribution(null);
    return this.cache.get({ name: 'engagement.distribution', params: { day }, tables: ['engagement_scores', 'score_days', 'people'], compute: () => this.computeDistribution(day) });
  }

  private async computeDistribution(day: string | null): Promise<ScoreDistributionDto> {
    const k = this.config.minGroupSize;
    const meta = day ? await this.repo.day(day) : null;
    const empty: ScoreDistributionDto = {
      day,
      model_version: null,
      min_group_size: k,
      population: null,
      active: null,
      active_hidden: null,
      inactive: null,
      inactive_hidden: null,
      bins: [],
      quantiles: null,
      quantiles_hidden: null,
      suppressed: false,
    };
    if (!day || !meta) return empty;
    const population = await this.directory.count();
    if (population < k) return { ...empty, model_version: meta.model_version, active_hidden: 'below_minimum', inactive_hidden: 'below_minimum', suppressed: true };
    const { bins, active, quantiles } = await this.repo.distribution(day, population);
    const cells = bins.map((b) => ({ from: round(10 ** (b.b / 3), 3), to: round(10 ** ((b.b + 1) / 3), 3), n: b.n }));
    const released = releaseDistribution(population, active, cells, quantiles.map((v) => round(v, 3)), k);
    return { day, model_version: meta.model_version, min_group_size: k, population, ...released };
  }

  async groups(q: z.output<typeof groupsSchema>): Promise<GroupScoresDto> {
    if (q.days !== undefined && q.from !== undefined) throw new InvalidInputError(['days: give days or from, not both']);
    const to = q.to ?? (await this.repo.lastScoredDay()) ?? formatDayKey(Date.now());
    const from = q.from ?? formatDayKey(Date.parse(to) - ((q.days ?? 30) - 1) * DAY_MS);
    if (from > to) throw new InvalidInputError([`from: must not be after to (${from} > ${to})`]);
    if (Date.parse(to) - Date.parse(from) > 366 * DAY_MS) throw new InvalidInputError(['from: range is limited to one year']);
    return this.groupScores.groups(q.by, from, to, q.attribution);
  }

  async people(q: z.output<typeof peopleSchema>): Promise<ScoredPersonDto[]> {
    const day = await this.resolveDay(q.day);
    if (!day) return [];
    const rows = await this.repo.people(day, q.q?.trim() ?? '', q.limit);
    return rows.map((r) => ({ person_id: r.person_id, name: r.name, department: r.department, raw: round(r.raw, 3), score: round(r.score, 1) }));
  }

  /** "Why 62": the stored score taken apart with the model version that made it. */
  async explain(personId: string, query: z.output<typeof daySchema>): Promise<ScoreExplanationDto> {
    const day = await this.resolveDay(query.day);
    if (!day) throw new NotFoundException('no scores yet: the first recompute has not run');
    const [row, meta, person] = await Promise.all([this.repo.scoreRow(personId, day), this.repo.day(day), this.directory.person(personId)]);
    if (!meta) throw new NotFoundException(`day: ${day} has no scores`);
    const model = await this.models.get(meta.model_version);
    if (!model) throw new NotFoundException(`model version ${meta.model_version} is missing`);
    const actions = row ? await this.repo.actions(personId, day, model.lookbackDays) : [];
    if (!row && !person) throw new NotFoundException(`personId: nobody called ${personId} in the directory or in the scores of ${day}`);

    const dayMs = Date.parse(`${day}T00:00:00Z`);
    const perAction = actions.map((a) => {
      const type = a.type as EventType;
      const age = Math.round((dayMs - Date.parse(`${a.day}T00:00:00Z`)) / DAY_MS);
      const counted = countedActions(Number(a.n), type, model);
      const factor = decay(age, model.halfLives[type]);
      return { day: a.day, type, actions: Number(a.n), counted, decay: round(factor, 6), points: (model.weights[type] ?? 0) * counted * factor };
    });
    const byType = EVENT_TYPES.map((type) => {
      const mine = perAction.filter((a) => a.type === type);
      return {
        type,
        weight: model.weights[type],
        half_life_days: model.halfLives[type],
        daily_cap: model.dailyCaps[type] ?? null,
        actions: mine.reduce((s, a) => s + a.actions, 0),
        counted: mine.reduce((s, a) => s + a.counted, 0),
        points: round(mine.reduce((s, a) => s + a.points, 0), 4),
      };
    }).filter((t) => t.actions > 0);
    const raw = row?.raw ?? 0;
    const score = row?.score ?? 0;
    const cohort = row?.cohort ?? '';
    const cohortPopulation = cohort ? await this.repo.cohortPopulation(cohort, day) : 0;
    const lower = Math.round((score / 100) * Math.max(meta.population - 1, 0));
    const top = [...byType].sort((a, b) => b.points - a.points).slice(0, 3);
    const who = person?.name || personId;
    const summary = !row
      ? `${who} had no counted action in the ${model.lookbackDays} days up to ${day}: raw 0, score 0.`
      : `${who} scores ${Math.round(score)} on ${day}: ${round(raw, 2)} points put them above ${lower} of the other ${meta.population - 1} people ` +
        `in the organisation (model v${meta.model_version}). Most points came from ${top.map((t) => `${t.type} (${t.counted} counted, ${round(t.points, 1)} pts)`).join(', ')}. ` +
        `Within ${cohort} they score ${Math.round(row.score_cohort)}.`;
    return {
      person_id: personId,
      name: person?.name ?? null,
      day,
      model_version: meta.model_version,
      raw: round(raw, 4),
      score: round(score, 2),
      score_cohort: round(row?.score_cohort ?? 0, 2),
      cohort,
      population: meta.population,
      cohort_population: cohortPopulation,
      by_type: byType,
      actions: perAction.map((a) => ({ ...a, points: round(a.points, 4) })),
      summary,
    };
  }
}
