import { PATTERN_WEEKS } from './pattern-range.transform';
import { usePatternSelection } from './use-engagement';
import { formatRange } from '../../lib/format';

/** The weeks every pattern section reads, ending on the newest scored day. */
export function PatternRangeControl({ range }: { range?: { from: string; to: string } }) {
  const { selection, setSelection } = usePatternSelection();
  return (
    <div className="pattern-range">
      <div className="segmented" role="group" aria-label="Range">
        {PATTERN_WEEKS.map((w) => (
          <button
            key={w}
            type="button"
            className={w === selection.weeks ? 'segmented__item is-active' : 'segmented__item'}
            aria-pressed={w === selection.weeks}
            onClick={() => setSelection({ ...selection, weeks: w })}
          >
            {w} weeks
          </button>
        ))}
      </div>
      {range && <span className="muted">{formatRange(range.from, range.to)}</span>}
    </div>
  );
}

/** Department or location, for the tables that compare groups. */
export function CompareControl() {
  const { selection, setSelection } = usePatternSelection();
  return (
    <div className="segmented" role="group" aria-label="Compare by">
      {(['department', 'location'] as const).map((by) => (
        <button
          key={by}
          type="button"
          className={by === selection.compare ? 'segmented__item is-active' : 'segmented__item'}
          aria-pressed={by === selection.compare}
          onClick={() => setSelection({ ...selection, compare: by })}
        >
          {by === 'department' ? 'Department' : 'Location'}
        </button>
      ))}
    </div>
  );
}
