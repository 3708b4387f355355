import { channelLabel } from '@hubpulse/contracts';
import { buildChannelBars, hasChannelActivity } from './channel-activity.transform';

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

  it('shows an unknown channel by its id', () => {
    expect(channelLabel('podcast')).toBe('podcast');
  });
});
