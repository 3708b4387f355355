import type { ScoringModelDto } from '@hubpulse/contracts';
import {
  ACTION_TYPES,
  describePath,
  diffDraft,
  parseModelErrors,
  parseNumber,
  toDraft,
  toModelInput,
  validateDraft,
  versionChanges,
} from './scoring-model.transform';

const uniform = (v: number) => Object.fromEntries(ACTION_TYPES.map((t) => [t, v])) as ScoringModelDto['weights'];

const v1: ScoringModelDto = {
  version: 1,
  weights: { view: 1, react: 2, comment: 4, share: 4, feedback: 5, answer: 6, doc_share: 5, task_update: 3, post: 8, newsletter_send: 0, newsletter_open: 0, newsletter_click: 0 },
  half_lives: uniform(14),
  daily_caps: { view: 20 },
  lookback_days: 90,
  note: null,
  created_by: null,
  created_at: '2026-11-01T00:00:00Z',
};

describe('ACTION_TYPES', () => {
  it('lists every action type, the newsletter ones last', () => {
    expect(ACTION_TYPES).toEqual(['view', 'react', 'comment', 'post', 'share', 'doc_share', 'task_update', 'answer', 'feedback', 'newsletter_send', 'newsletter_open', 'newsletter_click']);
  });
});

describe('draft', () => {
  it('round-trips a model to the POST body, blank caps left out', () => {
    const draft = toDraft(v1);
    expect(draft.daily_caps.view).toBe('20');
    expect(draft.daily_caps.post).toBe('');
    expect(toModelInput(draft)).toEqual({ weights: v1.weights, half_lives: v1.half_lives, daily_caps: { view: 20 }, lookback_days: 90 });
  });

  it('sends a note only when there is one', () => {
    expect(toModelInput({ ...toDraft(v1), note: '  more weight on answers ' }).note).toBe('more weight on answers');
  });

  it('parses only plain numbers', () => {
    expect(parseNumber('2.5')).toBe(2.5);
    expect(parseNumber(' 7 ')).toBe(7);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1,5')).toBeNull();
    expect(parseNumber('-1')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
  });
});

describe('validateDraft mirrors the server', () => {
  it('passes the default model', () => {
    expect(validateDraft(toDraft(v1))).toEqual({});
  });

  it('wants weights ≥ 0, half-lives 1–365 days, caps whole 1–10000, lookback whole 7–365', () => {
    const draft = toDraft(v1);
    draft.weights.view = '-1';
    draft.weights.post = '';
    draft.weights.react = '0';
    draft.half_lives.comment = '0.5';
    draft.half_lives.share = '366';
    draft.daily_caps.view = '2.5';
    draft.daily_caps.react = '0';
    draft.lookback_days = '6';
    expect(validateDraft(draft)).toEqual({
      'weights.view': 'must be 0 or more',
      'weights.post': 'enter a number',
      'half_lives.comment': 'must be between 1 and 365 days',
      'half_lives.share': 'must be between 1 and 365 days',
      'daily_caps.view': 'enter a whole number',
      'daily_caps.react': 'must be between 1 and 10000',
      lookback_days: 'must be between 7 and 365 days',
    });
  });

  it('refuses a fractional lookback and an overlong note', () => {
    const errors = validateDraft({ ...toDraft(v1), lookback_days: '30.5', note: 'x'.repeat(501) });
    expect(errors.lookback_days).toBe('enter a whole number of days');
    expect(errors.note).toMatch(/500/);
  });
});

describe('diffDraft', () => {
  it('lists changed numbers, equal values written differently are no change', () => {
    const draft = toDraft(v1);
    draft.weights.comment = '6';
    draft.weights.view = '1.0';
    draft.daily_caps.view = '';
    draft.lookback_days = '60';
    draft.note = 'a note is not a change';
    expect(diffDraft(toDraft(v1), draft)).toEqual([
      { path: 'weights.comment', label: 'Comment weight', from: '4', to: '6' },
      { path: 'daily_caps.view', label: 'View daily cap', from: '20', to: 'no cap' },
      { path: 'lookback_days', label: 'Lookback', from: '90', to: '60' },
    ]);
  });

  it('describes how a version differs from the one before', () => {
    const v2 = { ...v1, version: 2, weights: { ...v1.weights, answer: 9 } };
    expect(versionChanges(v2, v1).map((c) => `${c.label} ${c.from} → ${c.to}`)).toEqual(['Answer weight 6 → 9']);
    expect(versionChanges(v1, undefined)).toEqual([]);
  });
});

describe('parseModelErrors', () => {
  it('places issues on fields', () => {
    expect(parseModelErrors(['invalid'], [{ path: 'weights.view', message: 'must be between 0 and 1000' }, { path: '', message: 'body' }])).toEqual({
      byField: { 'weights.view': 'must be between 0 and 1000' },
      general: ['body'],
    });
  });

  it('reads "path: message" lines when there are no issues', () => {
    expect(
      parseModelErrors(['half_lives.post: must be between 1 and 365', 'lookback_days: required, a whole number of days', 'weights.fly: unknown action type "fly"', 'Forbidden resource']),
    ).toEqual({
      byField: { 'half_lives.post': 'must be between 1 and 365', lookback_days: 'required, a whole number of days' },
      general: ['weights.fly: unknown action type "fly"', 'Forbidden resource'],
    });
  });

  it('names fields for people', () => {
    expect(describePath('daily_caps.doc_share')).toBe('Document share daily cap');
    expect(describePath('lookback_days')).toBe('Lookback');
  });
});
