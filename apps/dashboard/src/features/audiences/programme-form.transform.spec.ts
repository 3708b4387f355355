import type { ProgrammeDto } from '@hubpulse/contracts';
import { checkDraft, draftFromProgramme, draftToInput, emptyDraft, issuesFromLines, targetToText, toggleIn } from './programme-form.transform';

const valid = () => ({
  ...emptyDraft('2026-12-01', 's1'),
  name: 'Q1 vision push',
  purposes: ['vision' as const],
  channels: ['ceo_blog' as const, 'blog' as const],
  target: '35',
});

describe('programme draft', () => {
  it('starts with a 90-day measure from today', () => {
    expect(emptyDraft('2026-12-01')).toMatchObject({ from: '2026-12-01', to: '2027-02-28', tactic: 'two_way', metric: 'read_rate' });
  });

  it('turns a percentage target into a fraction for rates, not for scores', () => {
    expect(draftToInput(valid()).measure.target).toBeCloseTo(0.35);
    expect(draftToInput({ ...valid(), metric: 'mean_score', target: '62.5' }).measure.target).toBe(62.5);
    expect(draftToInput({ ...valid(), goal_id: '' }).goal_id).toBeNull();
    expect(draftToInput({ ...valid(), contentNotes: '  ' }).content.notes).toBeNull();
  });

  it('round-trips a stored programme', () => {
    const p = { ...draftToInput(valid()), id: 'p1', segment_name: 'X', status: 'draft', launched_at: null, launched_by: null, forecast_at_launch: null, created_by: 'a', created_at: '', updated_at: '' } as ProgrammeDto;
    expect(draftFromProgramme(p)).toEqual(valid());
    expect(targetToText('read_rate', 0.07)).toBe('7');
  });

  it('checks with the contract and speaks in percentages', () => {
    expect(checkDraft(valid())).toEqual({});
    const issues = checkDraft({ ...valid(), name: '', segment_id: '', channels: [], target: '140', from: '2026-12-10', to: '2026-12-01' });
    expect(issues.name).toEqual(['must not be empty']);
    expect(issues.segment_id).toEqual(['choose the target segment']);
    expect(issues.channels).toEqual(['must hold at least one channel']);
    expect(issues['measure.target']).toEqual(['must be a percentage from 0 to 100']);
    expect(issues['measure.from']).toEqual(['must not be after to']);
    expect(checkDraft({ ...valid(), target: '' })['measure.target']).toEqual(['must be a number']);
  });

  it('places the server 400 lines on fields', () => {
    expect(issuesFromLines(['measure.target: must be a fraction 0–1 for rates, 0–100 for mean_score', 'segment_id: no segment x', 'Programme is launched'], 'read_rate')).toEqual({
      fields: { 'measure.target': ['must be a percentage from 0 to 100'], segment_id: ['choose the target segment'] },
      other: ['Programme is launched'],
    });
  });

  it('toggles list values in canonical order', () => {
    expect(toggleIn(['qa'], 'blog', ['blog', 'newsletter', 'qa'])).toEqual(['blog', 'qa']);
    expect(toggleIn(['blog', 'qa'], 'blog', ['blog', 'qa'])).toEqual(['qa']);
  });
});
