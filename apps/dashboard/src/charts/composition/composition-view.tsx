import { ATTRIBUTE_FIELD_LABELS, SCORE_BANDS_DEFINITION, SEGMENT_COMPOSITION_DIMENSIONS, type SegmentCompositionDto } from '@hubpulse/contracts';
import { PeopleCount } from '../shared/people-count';
import { CompositionBars } from './composition-bars';
import { type ScoreBar, buildScoreBars, hasScoreData } from './composition.transform';
import { ScoreBandsChart } from './score-bands-chart';

/** Composition by department, location and title, and the engagement distribution; hidden cells say why. */
export function CompositionView({ composition, minGroupSize, compact = false }: { composition: SegmentCompositionDto; minGroupSize: number; compact?: boolean }) {
  const bands = buildScoreBars(composition.score);
  return (
    <div className={compact ? 'composition composition--compact' : 'composition'}>
      <div className="composition__dims">
        {SEGMENT_COMPOSITION_DIMENSIONS.map((d) => (
          <CompositionBars key={d} title={ATTRIBUTE_FIELD_LABELS[d]} table={composition.by[d]} minGroupSize={minGroupSize} />
        ))}
      </div>
      <figure className="comp comp--scores">
        <figcaption className="comp__title">
          Engagement distribution
          <span className="comp__meta">
            No score: <PeopleCount value={composition.score.unscored} reason={composition.score.unscored_suppressed} minGroupSize={minGroupSize} />
          </span>
        </figcaption>
        {composition.score.suppressed && !hasScoreData(bands.filter((b) => b.count !== null)) ? (
          <p className="muted comp__empty">Hidden for privacy: the group is smaller than {minGroupSize}.</p>
        ) : hasScoreData(bands) ? (
          <>
            <ScoreBandsChart bars={bands} height={compact ? 150 : 190} minGroupSize={minGroupSize} />
            <HiddenBands bands={bands} minGroupSize={minGroupSize} />
          </>
        ) : (
          <p className="muted comp__empty">No member has a score yet.</p>
        )}
        <p className="definition">{SCORE_BANDS_DEFINITION}</p>
      </figure>
    </div>
  );
}

/** Names the bands drawn without a bar because their count is hidden (a 0 draws no bar either). */
function HiddenBands({ bands, minGroupSize }: { bands: ScoreBar[]; minGroupSize: number }) {
  const hidden = bands.filter((b) => b.count === null);
  if (hidden.length === 0) return null;
  const small = hidden.some((b) => b.suppressed === 'below_minimum');
  return (
    <p className="panel__note">
      Hidden for privacy: score {hidden.map((b) => b.label).join(', ')}
      {small ? ` (fewer than ${minGroupSize} members, or a count that would reveal one that small)` : ' (a count that would reveal a smaller one)'}.
    </p>
  );
}
