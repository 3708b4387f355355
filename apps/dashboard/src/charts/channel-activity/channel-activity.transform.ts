import type { Channel, OverviewResponse } from '@hubpulse/contracts';

type ChannelRow = OverviewResponse['by_channel'][number];

export const CHANNEL_LABELS: Record<Channel | 'other', string> = {
  blog: 'Blogs',
  newsletter: 'Newsletters',
  microblog: 'Microblog',
  ceo_blog: 'CEO blog',
  documents: 'Documents',
  tasks: 'Tasks',
  qa: 'Q&A',
  other: 'Other',
};

export function channelLabel(channel: string): string {
  return (CHANNEL_LABELS as Record<string, string>)[channel] ?? channel;
}

export interface ChannelBar {
  channel: Channel | 'other';
  label: string;
  events: number;
  /** null = suppressed below the privacy minimum; the bar is left out, never drawn as 0. */
  activePeople: number | null;
  suppressed: boolean;
}

/** Busiest channel first; "other" always last so it never looks like a channel of its own. */
export function buildChannelBars(rows: readonly ChannelRow[]): ChannelBar[] {
  return rows
    .map((row) => ({
      channel: row.channel,
      label: channelLabel(row.channel),
      events: row.events,
      activePeople: row.active_people,
      suppressed: row.active_people === null,
    }))
    .sort((a, b) => {
      if ((a.channel === 'other') !== (b.channel === 'other')) return a.channel === 'other' ? 1 : -1;
      return b.events - a.events || a.label.localeCompare(b.label);
    });
}

export function hasChannelActivity(bars: readonly ChannelBar[]): boolean {
  return bars.some((b) => b.events > 0);
}
