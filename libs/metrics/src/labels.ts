/**
 * Label values, kept to closed or code-defined sets: a label taking a value per person, key, id or
 * free text would make one time series each (unbounded memory) and could describe someone.
 */

/** `2xx` … `5xx`. */
export const statusClass = (status: number): string => `${Math.floor(status / 100)}xx`;

/**
 * A rejected event's reason: the field its first error names (`occurred_at: must be …` →
 * `occurred_at`, `properties.x: …` → `properties`, `identify.hired_at: …` → `identify`), `request_<status>`
 * for a whole refused request (`request: 429 …`), `unknown_field`, else `invalid`. Error texts carry
 * sent values (property names, event names, ids): only the leading field name survives.
 */
export function rejectReason(error: string | undefined): string {
  if (!error) return 'invalid';
  const request = /^request: (\d{3})\b/.exec(error);
  if (request) return `request_${request[1]}`;
  if (error.startsWith('unknown field')) return 'unknown_field';
  const field = /^([A-Za-z_$][A-Za-z0-9_$]{0,39})(?:\.[^:]*)?:/.exec(error);
  return field ? field[1] : 'invalid';
}

const VERBS = new Set(['select', 'insert', 'alter', 'create', 'drop', 'truncate', 'delete', 'optimize', 'exchange', 'rename', 'system']);

/**
 * The default purpose of a ClickHouse statement: `<table>.<verb>` from the first of Hubpulse's
 * tables it names (database-qualified, as every query names them) and its leading keyword
 * (`WITH …` reads: select), e.g. `engagement_scores.select`, `segment_members.insert`; `none.<verb>`
 * when it names none. Both parts come from closed lists, so the label stays bounded.
 */
export function queryPurposes(tables: readonly string[]): (sql: string) => string {
  const table = new RegExp(`\\.(${tables.join('|')})\\b`);
  return (sql) => {
    const word = /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toLowerCase() ?? '';
    const verb = word === 'with' ? 'select' : VERBS.has(word) ? word : 'other';
    return `${table.exec(sql)?.[1] ?? 'none'}.${verb}`;
  };
}
