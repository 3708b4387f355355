import { buildTotalCards } from './totals.transform';

describe('buildTotalCards', () => {
  it('shows counts and the active share', () => {
    const cards = buildTotalCards({ events: 12_345, events_hidden: null, people: 400, active_people: 300, active_people_hidden: null, suppressed: false }, 5);
    expect(cards.map((c) => [c.label, c.value])).toEqual([
      ['Events', '12,345'],
      ['People', '400'],
      ['Active people', '300'],
    ]);
    expect(cards[2].caption).toBe('75% of the directory');
    expect(cards.every((c) => !c.suppressed)).toBe(true);
  });

  it('marks hidden numbers with a dash and the reason the API gave, never as 0', () => {
    const cards = buildTotalCards({ events: null, events_hidden: 'period', people: null, active_people: null, active_people_hidden: 'earlier_release', suppressed: true }, 5);
    const [events, people, active] = cards;
    expect(people).toMatchObject({ value: '—', caption: 'Hidden to protect privacy', suppressed: true });
    expect(people.explanation).toContain('fewer than 5 people');
    expect(active.suppressed).toBe(true);
    expect(active.explanation).toContain('overlapping period you were shown before');
    // event counts are sums over days: hidden when a day of the range had fewer than k people
    expect(events).toMatchObject({ value: '—', suppressed: true });
    expect(events.explanation).toContain('neighbouring period');
    expect(cards.some((c) => c.value === '0')).toBe(false);
  });

  it('never rounds the active share up to everyone', () => {
    const cards = buildTotalCards({ events: 1, events_hidden: null, people: 2400, active_people: 2391, active_people_hidden: null, suppressed: false }, 5);
    expect(cards[2].caption).toBe('99% of the directory');
  });

  it('keeps a real zero as 0', () => {
    const cards = buildTotalCards({ events: 0, events_hidden: null, people: 0, active_people: 0, active_people_hidden: null, suppressed: false }, 5);
    expect(cards.map((c) => c.value)).toEqual(['0', '0', '0']);
    expect(cards[2].caption).toBe('With at least one event in the range');
  });
});
