import { useQuery } from '@tanstack/react-query';
import {
  CHANNELS,
  ENGAGEMENT_TACTICS,
  ENGAGEMENT_TACTIC_DEFINITIONS,
  PROGRAMME_GROUPINGS,
  PROGRAMME_METRICS,
  PROGRAMME_METRIC_DEFINITIONS,
  PURPOSES,
  type SegmentListDto,
} from '@hubpulse/contracts';
import type { ReactNode } from 'react';
import { goalsQuery } from '../../api/goals.api';
import { segmentChannelsQuery } from '../../api/segments.api';
import { METRIC_LABELS } from '../../charts/scorecard/scorecard.transform';
import { formatCount } from '../../lib/format';
import { CHANNEL_LABELS, GROUPING_LABELS, PURPOSE_LABELS, TACTIC_LABELS, hiddenShortText } from '@hubpulse/contracts';
import { type FormIssues, type ProgrammeDraft, isRateMetric, toggleIn } from './programme-form.transform';

interface StepsProps {
  draft: ProgrammeDraft;
  set: (patch: Partial<ProgrammeDraft>) => void;
  issues: FormIssues;
  segments: SegmentListDto | undefined;
}

function Step({ n, title, children, problems }: { n: number; title: string; children: ReactNode; problems?: string[] }) {
  return (
    <fieldset className={problems?.length ? 'step is-invalid' : 'step'}>
      <legend className="step__legend">
        <span className="step__n">{n}</span> {title}
      </legend>
      <div className="step__body">{children}</div>
      {problems?.length ? <p className="field-error">{problems.join('; ')}</p> : null}
    </fieldset>
  );
}

const err = (issues: FormIssues, key: string) => issues[key];

/** The planner's six steps as a form: who, how grouped, what content, which channels, how we engage, how we measure. */
export function ProgrammeSteps({ draft, set, issues, segments }: StepsProps) {
  const recs = useQuery({ ...segmentChannelsQuery(draft.segment_id), enabled: !!draft.segment_id });
  const channelRank = new Map(recs.data?.recommendations.channels.map((r) => [r.key as string, r]) ?? []);
  const purposeRank = new Map(recs.data?.recommendations.purposes.map((r) => [r.key as string, r]) ?? []);
  const live = (segments?.segments ?? []).filter((s) => !s.archived_at);
  const chosen = live.find((s) => s.id === draft.segment_id);
  const rate = isRateMetric(draft.metric);

  return (
    <div className="steps">
      <Step n={1} title="Who is targeted" problems={err(issues, 'segment_id')}>
        <label className="form-field">
          <span>Target segment</span>
          <select value={draft.segment_id} onChange={(e) => set({ segment_id: e.target.value })} aria-invalid={!!err(issues, 'segment_id')}>
            <option value="">Choose a segment…</option>
            {live.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.size !== null ? ` (${formatCount(s.size)})` : s.membership_version !== null && segments ? ` (${hiddenShortText(s.size_suppressed, segments.min_group_size)})` : ''}
              </option>
            ))}
          </select>
        </label>
        {chosen && chosen.membership_version === null && <p className="field-help">This segment has not been computed yet: the forecast waits for it.</p>}
      </Step>
      <Step n={2} title="How they are grouped">
        <div className="choice-grid">
          {PROGRAMME_GROUPINGS.map((g) => (
            <label key={g} className={draft.grouping === g ? 'choice is-selected' : 'choice'}>
              <input type="radio" name="grouping" checked={draft.grouping === g} onChange={() => set({ grouping: g })} />
              <span className="choice__label">{GROUPING_LABELS[g].label}</span>
              <span className="choice__hint">{GROUPING_LABELS[g].hint}</span>
            </label>
          ))}
        </div>
      </Step>
      <Step n={3} title="What content is relevant" problems={err(issues, 'content.purposes')}>
        <div className="check-row" role="group" aria-label="Content purposes">
          {PURPOSES.map((p) => (
            <label key={p} className="rule-check">
              <input type="checkbox" checked={draft.purposes.includes(p)} onChange={() => set({ purposes: toggleIn(draft.purposes, p, PURPOSES) })} />
              {PURPOSE_LABELS[p]}
              <RecHint rec={purposeRank.get(p)} />
            </label>
          ))}
        </div>
        <label className="form-field">
          <span>Notes on the content (optional)</span>
          <textarea rows={2} value={draft.contentNotes} onChange={(e) => set({ contentNotes: e.target.value })} maxLength={2000} />
        </label>
      </Step>
      <Step n={4} title="Which channels" problems={err(issues, 'channels')}>
        <div className="check-row" role="group" aria-label="Channels">
          {CHANNELS.map((c) => (
            <label key={c} className="rule-check">
              <input type="checkbox" checked={draft.channels.includes(c)} onChange={() => set({ channels: toggleIn(draft.channels, c, CHANNELS) })} />
              {CHANNEL_LABELS[c]}
              <RecHint rec={channelRank.get(c)} />
            </label>
          ))}
        </div>
        {recs.data && <p className="field-help">Ranks come from this segment's channel and purpose rates (see the segment's page).</p>}
      </Step>
      <Step n={5} title="How we engage">
        <div className="choice-grid">
          {ENGAGEMENT_TACTICS.map((t) => (
            <label key={t} className={draft.tactic === t ? 'choice is-selected' : 'choice'}>
              <input type="radio" name="tactic" checked={draft.tactic === t} onChange={() => set({ tactic: t })} />
              <span className="choice__label">{TACTIC_LABELS[t]}</span>
              <span className="choice__hint">{ENGAGEMENT_TACTIC_DEFINITIONS[t]}</span>
            </label>
          ))}
        </div>
        <label className="form-field">
          <span>Notes on the tactic (optional)</span>
          <textarea rows={2} value={draft.tacticNotes} onChange={(e) => set({ tacticNotes: e.target.value })} maxLength={2000} />
        </label>
      </Step>
      <Step n={6} title="How effectiveness is measured">
        <div className="measure">
          <label className="form-field">
            <span>Metric</span>
            <select value={draft.metric} onChange={(e) => set({ metric: e.target.value as ProgrammeDraft['metric'] })}>
              {PROGRAMME_METRICS.map((m) => (
                <option key={m} value={m}>
                  {METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <label className="form-field">
            <span>Target {rate ? '(%)' : '(score 0–100)'}</span>
            <input
              type="number"
              min={0}
              max={100}
              step="any"
              value={draft.target}
              onChange={(e) => set({ target: e.target.value })}
              aria-invalid={!!err(issues, 'measure.target')}
            />
            {err(issues, 'measure.target') && <span className="field-error">{err(issues, 'measure.target')!.join('; ')}</span>}
          </label>
          <label className="form-field">
            <span>From</span>
            <input type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} aria-invalid={!!err(issues, 'measure.from')} />
            {err(issues, 'measure.from') && <span className="field-error">{err(issues, 'measure.from')!.join('; ')}</span>}
          </label>
          <label className="form-field">
            <span>To</span>
            <input type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} aria-invalid={!!err(issues, 'measure.to')} />
            {err(issues, 'measure.to') && <span className="field-error">{err(issues, 'measure.to')!.join('; ')}</span>}
          </label>
        </div>
        <p className="definition">{PROGRAMME_METRIC_DEFINITIONS[draft.metric]}</p>
      </Step>
      <GoalHook value={draft.goal_id} onChange={(goal_id) => set({ goal_id })} problems={err(issues, 'goal_id')} />
    </div>
  );
}

function RecHint({ rec }: { rec: { rank: number; verdict: string } | undefined }) {
  if (!rec || rec.rank > 3) return null;
  return <span className={`rec-hint rec-hint--${rec.verdict}`}>#{rec.rank}</span>;
}

/** The link to a strategy goal: a select when goals exist, else a note (goals arrive with the strategy area). */
function GoalHook({ value, onChange, problems }: { value: string; onChange: (id: string) => void; problems?: string[] }) {
  const goals = useQuery({ ...goalsQuery, select: (d) => d.goals });
  const list = goals.data ?? [];
  return (
    <fieldset className="step step--goal">
      <legend className="step__legend">
        <span className="step__n step__n--link">↗</span> Strategy goal (optional)
      </legend>
      <div className="step__body">
        {goals.isPending ? (
          <p className="muted">Loading goals…</p>
        ) : list.length === 0 ? (
          <p className="muted">No strategy goals yet. Once leadership sets goals, a programme can name the one it serves; you can add it later.</p>
        ) : (
          <label className="form-field">
            <span>The goal this programme serves</span>
            <select value={value} onChange={(e) => onChange(e.target.value)}>
              <option value="">No goal</option>
              {value && !list.some((g) => g.id === value) && <option value={value}>{value}</option>}
              {list.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {problems?.length ? <p className="field-error">{problems.join('; ')}</p> : null}
      </div>
    </fieldset>
  );
}
