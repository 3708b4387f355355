import { EVENT_TYPE_LABELS, PURPOSE_LABELS, channelLabel, type Channel, type EventType, type Purpose } from '@hubpulse/contracts';
// The enums module alone: the package index also carries the zod schemas (~90 kB the dashboard never runs).
import { CHANNELS, EVENT_TYPES, PURPOSES } from '@hubpulse/contracts/enums';
import {
  type DraftRow,
  type FieldError,
  type MappingField,
  FIELD_LABELS,
  MAPPING_SOURCES,
  SOURCE_LABELS,
  errorText,
} from './event-mappings.transform';

export const MAPPING_COLUMNS = 6;

interface MappingRowProps {
  row: DraftRow;
  index: number;
  errors: FieldError[] | undefined;
  onChange: (id: string, field: MappingField, patch: Partial<DraftRow>) => void;
  onDelete: (id: string) => void;
}

export function fieldId(rowId: string, field: MappingField): string {
  return `mapping-${rowId}-${field}`;
}

/** One editable mapping; its errors, if any, on a line right under it. */
export function MappingRow({ row, index, errors, onChange, onDelete }: MappingRowProps) {
  const errorsId = `mapping-${row.id}-errors`;
  const invalid = (field: MappingField) => !!errors?.some((e) => e.field === field || e.field === null);
  const describe = (field: MappingField) => (invalid(field) ? errorsId : undefined);
  const label = (field: MappingField) => (
    <label htmlFor={fieldId(row.id, field)} className="visually-hidden">
      {FIELD_LABELS[field]}, row {index + 1}
    </label>
  );
  const common = (field: MappingField) => ({
    id: fieldId(row.id, field),
    'aria-invalid': invalid(field) || undefined,
    'aria-describedby': describe(field),
  });

  return (
    <>
      <tr className={errors?.length ? 'mapping-row has-errors' : 'mapping-row'}>
        <td>
          {label('source')}
          <select
            {...common('source')}
            value={row.source}
            onChange={(e) => onChange(row.id, 'source', { source: e.target.value as DraftRow['source'] })}
          >
            {MAPPING_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </td>
        <td>
          {label('event')}
          <input
            {...common('event')}
            type="text"
            className="mono-input"
            value={row.event}
            placeholder={row.source === 'posthog' ? '$pageview' : 'Post Created'}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange(row.id, 'event', { event: e.target.value })}
          />
        </td>
        <td>
          {label('type')}
          <select {...common('type')} value={row.type} onChange={(e) => onChange(row.id, 'type', { type: e.target.value as EventType })}>
            <option value="" disabled>
              Choose…
            </option>
            {EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {EVENT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </td>
        <td>
          {label('channel')}
          <select
            {...common('channel')}
            value={row.channel ?? ''}
            onChange={(e) => onChange(row.id, 'channel', { channel: (e.target.value || null) as Channel | null })}
          >
            <option value="">From properties</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </td>
        <td>
          {label('purpose')}
          <select
            {...common('purpose')}
            value={row.purpose ?? ''}
            onChange={(e) => onChange(row.id, 'purpose', { purpose: (e.target.value || null) as Purpose | null })}
          >
            <option value="">From properties</option>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {PURPOSE_LABELS[p]}
              </option>
            ))}
          </select>
        </td>
        <td className="actions-cell">
          <button
            type="button"
            className="button button--ghost button--small button--danger"
            aria-label={`Delete row ${index + 1}${row.event ? ` (${row.event})` : ''}`}
            onClick={() => onDelete(row.id)}
          >
            Delete
          </button>
        </td>
      </tr>
      {errors && errors.length > 0 && (
        <tr className="mapping-errors">
          <td colSpan={MAPPING_COLUMNS}>
            <ul id={errorsId} className="mapping-errors__list">
              {errors.map((e, i) => (
                <li key={i}>
                  <span className="visually-hidden">Row {index + 1}: </span>
                  {errorText(e)}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}
