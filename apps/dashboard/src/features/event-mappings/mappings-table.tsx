import type { Ref } from 'react';
import type { DraftRow, MappingField, RowErrors } from './event-mappings.transform';
import { MAPPING_COLUMNS, MappingRow } from './mapping-row';
import { DataTable } from '../../charts/shared/data-table';

interface MappingsTableProps {
  rows: readonly DraftRow[];
  errors: RowErrors;
  disabled: boolean;
  addRef: Ref<HTMLButtonElement>;
  onChange: (id: string, field: MappingField, patch: Partial<DraftRow>) => void;
  onDelete: (id: string) => void;
  onAdd: () => void;
}

/** The mapping rows as a table of inputs, with "+ Add mapping" under it. */
export function MappingsTable({ rows, errors, disabled, addRef, onChange, onDelete, onAdd }: MappingsTableProps) {
  return (
    <fieldset className="bare-fieldset" disabled={disabled}>
      <legend className="visually-hidden">Event mappings</legend>
      <DataTable className="mappings-table" columns={['Source', 'Event name', 'Hub action', 'Channel', 'Purpose', <span className="visually-hidden">Actions</span>]}>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={MAPPING_COLUMNS} className="mappings-table__empty">
              No mappings yet: every Segment track and PostHog event is rejected until its name is mapped here.
            </td>
          </tr>
        ) : (
          rows.map((row, i) => <MappingRow key={row.id} row={row} index={i} errors={errors.byRow[row.id]} onChange={onChange} onDelete={onDelete} />)
        )}
      </DataTable>
      <button type="button" className="button button--secondary mappings-add" ref={addRef} onClick={onAdd}>
        + Add mapping
      </button>
    </fieldset>
  );
}
