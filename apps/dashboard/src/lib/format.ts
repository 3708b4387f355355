// Number and date formatting shared by every chart. One locale for the whole product so a
// screenshot or export reads the same for everyone.

import { parseDay } from '@hubpulse/contracts';

export const LOCALE = 'en-US';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

export function formatInteger(n: number): string {
  return integer.format(n);
}

/** 1234 → "1,234"; 1_234_567 → "1.2M" (compact only from a million, where digits stop being read). */
export function formatCount(n: number): string {
  return Math.abs(n) >= 1_000_000 ? compact.format(n) : integer.format(n);
}

/** Axis ticks: always short ("250K", "1.2M"), since axes have little room. */
export function formatAxisNumber(n: number): string {
  return compact.format(n);
}

/** Shown instead of a number that was suppressed below the privacy threshold. */
export const SUPPRESSED_MARK = '—';

export function suppressedLabel(minGroupSize: number): string {
  return `fewer than ${minGroupSize}`;
}

export function suppressedExplanation(minGroupSize: number): string {
  return `Hidden to protect privacy: fewer than ${minGroupSize} people are behind this number.`;
}

/**
 * A count of people that may be suppressed. `null` means the group was below the threshold —
 * never zero — so it reads "fewer than N".
 */
export function formatPeople(n: number | null, minGroupSize: number): string {
  return n === null ? suppressedLabel(minGroupSize) : formatCount(n);
}

const CURRENCIES = new Set(['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'CAD', 'AUD']);

function isCurrency(unit: string): boolean {
  return CURRENCIES.has(unit.trim().toUpperCase());
}

/**
 * A KPI value in its unit: currencies as money ("$12.4M", "€850K"), "%" as a percentage of
 * points (12.5 → "12.5%"), anything else as a number followed by the unit.
 */
export function formatMetricValue(value: number, unit: string, opts: { compact?: boolean } = {}): string {
  const useCompact = opts.compact ?? Math.abs(value) >= 10_000;
  const u = unit.trim();
  if (isCurrency(u)) {
    return new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency: u.toUpperCase(),
      notation: useCompact ? 'compact' : 'standard',
      minimumFractionDigits: 0,
      maximumFractionDigits: useCompact ? 1 : 0,
    }).format(value);
  }
  if (u === '%') return `${oneDecimal.format(value)}%`;
  const num = useCompact ? compact.format(value) : oneDecimal.format(value);
  return u ? `${num} ${u}` : num;
}

/** 0.4567 → "46%"; with `decimals` 1 (a single item's rate, read closely) → "45.7%". */
export function formatShare(share: number, decimals = 0): string {
  const f = 10 ** decimals;
  return `${(Math.round(share * 100 * f) / f).toFixed(decimals)}%`;
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** '2026-03-05' → "Mar 5, 2026". */
export function formatDay(day: string): string {
  const t = parseDay(day);
  return t === null ? day : dayFormat.format(t);
}

/** '2026-03-05' → "Mar 5" (axis ticks). */
export function formatShortDay(day: string): string {
  const t = parseDay(day);
  return t === null ? day : shortDayFormat.format(t);
}

/** '2026-03-01' → "Mar 2026". */
export function formatMonth(day: string): string {
  const t = parseDay(day);
  return t === null ? day : monthFormat.format(t);
}

export function formatRange(from: string, to: string): string {
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** A 0–100 score: one decimal ("62.4"); whole numbers stay whole ("62"). */
export function formatScore(score: number): string {
  return oneDecimal.format(score);
}

/**
 * Raw (decayed) points: enough digits to tell small values apart, no more —
 * "0.42", "0.0031", "3.7", "48", "1,234".
 */
export function formatPoints(points: number): string {
  const abs = Math.abs(points);
  if (abs === 0) return '0';
  if (abs < 1) return new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 2 }).format(points);
  if (abs < 10) return oneDecimal.format(points);
  return integer.format(points);
}

const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' });

/** An ISO timestamp as "Dec 3, 2026, 17:20 UTC"; "—" for none, the text itself when it is not a date. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${dateTimeFormat.format(t)} UTC`;
}

/** 1536 → "1.5 KB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v >= 100 ? Math.round(v) : Math.round(v * 10) / 10} ${units[u]}`;
}
