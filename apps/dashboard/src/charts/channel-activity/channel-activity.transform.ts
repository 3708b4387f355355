import { channelLabel, type Channel, type HiddenReason, type OverviewResponse } from '@hubpulse/contracts';
import { formatInteger } from '../../lib/format';
import { summarizeCategories, type SummaryPoint } from '../shared/chart-summary';
import { valueCell, type ChartTableModel } from '../shared/chart-table';

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

/** The channels whose active-people count is hidden (a hidden events count alone does not belong in the people note). */
export function channelsWithHiddenPeople(bars: readonly ChannelBar[]): string[] {
  return bars.filter((b) => b.activePeople === null).map((b) => b.label);
}

export function hasChannelActivity(bars: readonly ChannelBar[]): boolean {
  return bars.some((b) => b.events === null || b.events > 0);
}

function items(bars: readonly ChannelBar[], pick: 'events' | 'activePeople'): SummaryPoint[] {
  return bars.map((b) => ({ label: b.label, value: b[pick], hidden: b[pick] === null }));
}

/** The chart's text alternative: the busiest and quietest channels by events and by active people, and what is hidden. */
export function channelActivitySummary(bars: readonly ChannelBar[]): string {
  return `${summarizeCategories({ what: 'Events per channel', items: items(bars, 'events'), format: formatInteger })} ${summarizeCategories({ what: 'Active people per channel', items: items(bars, 'activePeople'), format: formatInteger })}`;
}

/** The chart as a table: events and active people per channel, hidden counts with their reason. */
export function channelActivityTable(bars: readonly ChannelBar[]): ChartTableModel {
  return {
    caption: 'Events and active people by channel',
    rowHeader: 'Channel',
    columns: [
      { label: 'Events', numeric: true },
      { label: 'Active people', numeric: true },
    ],
    rows: bars.map((b) => ({
      key: b.channel,
      label: b.label,
      cells: [valueCell(b.events, formatInteger, { hidden: true, reason: b.eventsHidden }), valueCell(b.activePeople, formatInteger, { hidden: true, reason: b.peopleHidden })],
    })),
  };
}
