import { type ReactNode, useId } from 'react';
import { ScrollBox } from './scroll-box';

/** A column heading; `{ num }` for a numeric column (right-aligned), `{ th, className }` for another class. */
export type Column = ReactNode | { num: ReactNode } | { th: ReactNode; className: string };

function isNum(c: Column): c is { num: ReactNode } {
  return typeof c === 'object' && c !== null && 'num' in c;
}

function isClassed(c: Column): c is { th: ReactNode; className: string } {
  return typeof c === 'object' && c !== null && 'th' in c;
}

/** A table's heading row, one `<th scope="col">` per column. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) =>
          isNum(c) ? (
            <th key={i} scope="col" className="num">
              {c.num}
            </th>
          ) : isClassed(c) ? (
            <th key={i} scope="col" className={c.className}>
              {c.th}
            </th>
          ) : (
            <th key={i} scope="col">
              {c}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

interface DataTableProps {
  caption?: ReactNode;
  /** The caption's class: read by screen readers only unless told otherwise (null: no class). */
  captionClass?: string | null;
  /** Classes beside `data-table`. */
  className?: string;
  columns: readonly Column[];
  /** Without the horizontally scrolling wrapper (a table inside a narrow column). */
  bare?: boolean;
  /** The rows. */
  children: ReactNode;
}

/** The dashboard's table: caption, heading row and body, in a wrapper that scrolls on small screens. */
export function DataTable({ caption, captionClass = 'visually-hidden', className, columns, bare, children }: DataTableProps) {
  const captionId = useId();
  const table = (
    <table className={className ? `data-table ${className}` : 'data-table'}>
      {caption !== undefined && (
        <caption id={captionId} className={captionClass ?? undefined}>
          {caption}
        </caption>
      )}
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
  return bare ? table : <ScrollBox labelledBy={caption !== undefined ? captionId : undefined}>{table}</ScrollBox>;
}
