import { buildGlossary, searchGlossary } from './glossary';
import { PERSONA_DEFINITIONS, PURPOSE_DEFINITIONS } from './pattern-definitions';
import { SCORE_DEFINITION } from './metric-definitions';
import { hiddenReasonText } from './privacy.types';

describe('glossary', () => {
  const groups = buildGlossary(5);
  const all = groups.flatMap((g) => g.entries);

  it('gives every entry a unique anchor and a non-empty term and definition', () => {
    const ids = [...all.map((e) => e.id), ...groups.map((g) => g.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of all) {
      expect(e.id).toMatch(/^[a-z0-9-]+$/);
      expect(e.term.trim()).not.toBe('');
      expect(e.definition.length).toBeGreaterThan(20);
    }
  });

  it('reads the sentences the panels show, not copies', () => {
    expect(all.find((e) => e.term === 'Engagement score (0–100)')?.definition).toBe(SCORE_DEFINITION);
    expect(all.find((e) => e.term === 'Persona: Catalyst')?.definition).toBe(PERSONA_DEFINITIONS.catalyst.definition);
    expect(all.find((e) => e.term === 'Shared vision index')?.definition.startsWith(PURPOSE_DEFINITIONS.vision.definition)).toBe(true);
    expect(all.find((e) => e.id === 'privacy-hidden-below-the-minimum-group-size')?.definition).toBe(hiddenReasonText('below_minimum', 5));
    expect(buildGlossary(7).find((g) => g.id === 'privacy')!.entries[0].definition).toContain('fewer than 7 people');
  });

  it('groups by area, every area with entries', () => {
    expect(groups.map((g) => g.id)).toEqual(['overview', 'scores', 'purposes', 'personas', 'ambassadors', 'leaders', 'strategy', 'segments', 'programmes', 'content', 'privacy']);
    expect(groups.every((g) => g.entries.length > 0)).toBe(true);
  });

  it('searches every word in term, definition and area, ignoring case and accents, dropping empty groups', () => {
    expect(searchGlossary(groups, '  ')).toHaveLength(groups.length);
    const found = searchGlossary(groups, 'CATALYST');
    expect(found.map((g) => g.id)).toEqual(['personas']);
    expect(found[0].entries.map((e) => e.term)).toEqual(['Persona: Catalyst']);
    expect(searchGlossary(groups, 'percentile rank').flatMap((g) => g.entries.map((e) => e.id))).toEqual(expect.arrayContaining(['scores-engagement-score-0-100', 'segments-score-bands']));
    expect(searchGlossary(groups, 'Fisher’s spearman').flatMap((g) => g.entries.map((e) => e.term))).toEqual(['Correlation with engagement']);
    expect(searchGlossary(groups, 'no such word anywhere')).toEqual([]);
  });
});
