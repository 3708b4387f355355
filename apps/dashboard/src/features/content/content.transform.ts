import { CHANNELS, CONTENT_SORTS, PURPOSES, type ContentDecayDto } from '@hubpulse/contracts';
import type { ContentListParams } from '../../api/content.api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The item list's filters from the page address (so a link or a saved view opens the same list):
 * values the API would refuse are dropped, so a stale link falls back to the defaults, not an error.
 */
export function listParamsFrom(search: URLSearchParams): ContentListParams {
  const pick = (key: string, ok: (v: string) => boolean) => {
    const v = search.get(key);
    return v !== null && v !== '' && ok(v) ? v : undefined;
  };
  const params: ContentListParams = {
    from: pick('from', (v) => DAY.test(v)),
    to: pick('to', (v) => DAY.test(v)),
    channel: pick('channel', (v) => (CHANNELS as readonly string[]).includes(v)),
    purpose: pick('purpose', (v) => (PURPOSES as readonly string[]).includes(v)),
    segment: pick('segment', (v) => v.length <= 200),
    sort: pick('sort', (v) => (CONTENT_SORTS as readonly string[]).includes(v)),
    order: pick('order', (v) => v === 'asc' || v === 'desc'),
  };
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as ContentListParams;
}

/** The newsletters read's parameters in an address: machine opens are left out unless asked for. */
export function newslettersParamsFrom(search: URLSearchParams): { include_machine?: string } {
  return search.get('include_machine') === '1' ? { include_machine: '1' } : {};
}

/** One bar of an item's attention by day since publishing. */
export interface DecayBar {
  label: string;
  readers: number;
  /** Percent of the item's readers. */
  percent: number;
}

/** "Day 0", "Day 1", "Days 2–5": a bucket of the API's decay, labelled by the days it covers. */
export function decayBars(decay: readonly ContentDecayDto[]): DecayBar[] {
  return decay.map((b) => ({
    label: b.from_day === b.to_day ? `Day ${b.from_day}` : `Days ${b.from_day}–${b.to_day}`,
    readers: b.readers,
    percent: Math.round(b.share * 1000) / 10,
  }));
}

