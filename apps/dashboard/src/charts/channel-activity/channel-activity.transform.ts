import { channelLabel, type Channel, type HiddenReason, type OverviewResponse } from '@hubpulse/contracts';

type ChannelRow = OverviewResponse['by_channel'][number];

export interface ChannelBar {
  channel: Channel | 'other';
  label: string;
  /** null = hidden by the disclosure layer (`eventsHidden` says why); no bar, never a 0. */
  events: number | null;
  eventsHidden: HiddenReason | null;
  /** null = hidden (`peopleHidden` says why); the bar is left out, never drawn as 0. */
  activePeople: number | null;
  peopleHidden: HiddenReason | null;
  suppressed: boolean;
}

/** Busiest channel first; "other" always last so it never looks like a channel of its own. */
export function buildChannelBars(rows: readonly ChannelRow[]): ChannelBar[] {
  return rows
    .map((row) => ({
      channel: row.channel,
      label: channelLabel(row.channel),
      events: row.events,
      eventsHidden: row.events_hidden,
      activePeople: row.active_people,
      peopleHidden: row.active_people_hidden,
      suppressed: row.active_people === null || row.events === null,
    }))
    .sort((a, b) => {
      if ((a.channel === 'other') !== (b.channel === 'other')) return a.channel === 'other' ? 1 : -1;
      return (b.events ?? -1) - (a.events ?? -1) || a.label.localeCompare(b.label);
    });
}

export function hasChannelActivity(bars: readonly ChannelBar[]): boolean {
  return bars.some((b) => b.events === null || b.events > 0);
}
