import { channelLabel } from '@hubpulse/contracts';
import { buildChannelBars, channelActivitySummary, channelActivityTable, channelsWithHiddenPeople, hasChannelActivity } from './channel-activity.transform';

describe('buildChannelBars', () => {
  it('labels channels, puts the busiest first and "other" last', () => {
    const bars = buildChannelBars([
      { channel: 'other', events: 900, active_people: 50, events_hidden: null, active_people_hidden: 50 === null ? 'below_minimum' : null },
      { channel: 'qa', events: 10, active_people: 8, events_hidden: null, active_people_hidden: 8 === null ? 'below_minimum' : null },
      { channel: 'ceo_blog', events: 300, active_people: 120, events_hidden: null, active_people_hidden: 120 === null ? 'below_minimum' : null },
    ]);
    expect(bars.map((b) => b.label)).toEqual(['CEO blog', 'Q&A', 'Other']);
  });

  it('keeps suppressed active people as null, never 0', () => {
    const [bar] = buildChannelBars([{ channel: 'tasks', events: 7, active_people: null, events_hidden: null, active_people_hidden: null === null ? 'below_minimum' : null }]);
    expect(bar).toEqual({ channel: 'tasks', label: 'Tasks', events: 7, eventsHidden: null, activePeople: null, peopleHidden: 'below_minimum', suppressed: true });
  });

  it('knows when there is nothing to draw', () => {
    expect(hasChannelActivity(buildChannelBars([]))).toBe(false);
    expect(hasChannelActivity(buildChannelBars([{ channel: 'blog', events: 0, active_people: 0, events_hidden: null, active_people_hidden: 0 === null ? 'below_minimum' : null }]))).toBe(false);
    expect(hasChannelActivity(buildChannelBars([{ channel: 'blog', events: 1, active_people: null, events_hidden: null, active_people_hidden: null === null ? 'below_minimum' : null }]))).toBe(true);
  });

  it('lists under the people note only the channels whose active people are hidden, not those with only events hidden', () => {
    const bars = buildChannelBars([
      { channel: 'blog', events: 1200, active_people: 300, events_hidden: null, active_people_hidden: null },
      { channel: 'qa', events: null, active_people: 40, events_hidden: 'difference', active_people_hidden: null },
      { channel: 'tasks', events: 9, active_people: null, events_hidden: null, active_people_hidden: 'below_minimum' },
      { channel: 'documents', events: null, active_people: null, events_hidden: 'below_minimum', active_people_hidden: 'below_minimum' },
    ]);
    expect(bars.filter((b) => b.suppressed).map((b) => b.label)).toEqual(['Tasks', 'Documents', 'Q&A']); // any hidden count
    expect(channelsWithHiddenPeople(bars)).toEqual(['Tasks', 'Documents']);
    expect(channelsWithHiddenPeople(buildChannelBars([{ channel: 'blog', events: null, active_people: 8, events_hidden: 'period', active_people_hidden: null }]))).toEqual([]);
  });

  it('shows an unknown channel by its id', () => {
    expect(channelLabel('podcast')).toBe('podcast');
  });
});

describe('channel activity text alternative and table', () => {
  const bars = buildChannelBars([
    { channel: 'blog', events: 1200, active_people: 300, events_hidden: null, active_people_hidden: null },
    { channel: 'qa', events: 40, active_people: null, events_hidden: null, active_people_hidden: 'below_minimum' },
    { channel: 'tasks', events: 400, active_people: 12, events_hidden: null, active_people_hidden: null },
  ]);

  it('names the largest and smallest channel per measure and the hidden count', () => {
    expect(channelActivitySummary(bars)).toBe(
      'Events per channel (3 shown): largest Blogs, 1,200; smallest Q&A, 40. Active people per channel (2 shown): largest Blogs, 300; smallest Tasks, 12. Hidden for privacy: Q&A.',
    );
  });

  it('puts a hidden people count in the table as hidden with its reason', () => {
    const table = channelActivityTable(bars);
    expect(table.rows.map((r) => r.label)).toEqual(['Blogs', 'Tasks', 'Q&A']);
    expect(table.rows[2].cells).toEqual([{ kind: 'value', text: '40' }, { kind: 'hidden', reason: 'below_minimum' }]);
  });
});
