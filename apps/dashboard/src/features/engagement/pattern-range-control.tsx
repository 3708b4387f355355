import { Segmented } from '../../charts/shared/segmented';
import { formatRange } from '../../lib/format';
import { PATTERN_WEEKS } from './pattern-range.transform';
import { usePatternSelection } from './use-engagement';

/** The weeks every pattern section reads, ending on the newest scored day. */
export function PatternRangeControl({ range }: { range?: { from: string; to: string } }) {
  const { selection, setSelection } = usePatternSelection();
  return (
    <div className="pattern-range">
      <Segmented label="Range" options={PATTERN_WEEKS} isActive={(w) => w === selection.weeks} onSelect={(w) => setSelection({ ...selection, weeks: w })}>
        {(w) => <>{w} weeks</>}
      </Segmented>
      {range && <span className="muted">{formatRange(range.from, range.to)}</span>}
    </div>
  );
}

const COMPARE_BY = ['department', 'location'] as const;

/** Department or location, for the tables that compare groups. */
export function CompareControl() {
  const { selection, setSelection } = usePatternSelection();
  return (
    <Segmented label="Compare by" options={COMPARE_BY} isActive={(by) => by === selection.compare} onSelect={(by) => setSelection({ ...selection, compare: by })}>
      {(by) => (by === 'department' ? 'Department' : 'Location')}
    </Segmented>
  );
}
