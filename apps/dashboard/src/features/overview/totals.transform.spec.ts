import { buildTotalCards } from './totals.transform';

describe('buildTotalCards', () => {
  it('shows counts and the active share', () => {
    const cards = buildTotalCards({ events: 12_345, people: 400, active_people: 300, suppressed: false }, 5);
    expect(cards.map((c) => [c.label, c.value])).toEqual([
      ['Events', '12,345'],
      ['People', '400'],
      ['Active people', '300'],
    ]);
    expect(cards[2].caption).toBe('75% of the directory');
    expect(cards.every((c) => !c.suppressed)).toBe(true);
  });

  it('marks suppressed people counts as "fewer than N", never as 0', () => {
    const cards = buildTotalCards({ events: 12, people: null, active_people: null, suppressed: true }, 5);
    const [, people, active] = cards;
    expect(people).toMatchObject({ value: '—', caption: 'Fewer than 5 people', suppressed: true });
    expect(active.suppressed).toBe(true);
    expect(active.explanation).toContain('fewer than 5 people');
    expect(cards.some((c) => c.value === '0')).toBe(false);
    // Events are not about a group of people and are never suppressed.
    expect(cards[0].value).toBe('12');
  });

  it('never rounds the active share up to everyone', () => {
    const cards = buildTotalCards({ events: 1, people: 2400, active_people: 2391, suppressed: false }, 5);
    expect(cards[2].caption).toBe('99% of the directory');
  });

  it('keeps a real zero as 0', () => {
    const cards = buildTotalCards({ events: 0, people: 0, active_people: 0, suppressed: false }, 5);
    expect(cards.map((c) => c.value)).toEqual(['0', '0', '0']);
    expect(cards[2].caption).toBe('With at least one event in the range');
  });
});
