import type { ReactNode } from 'react';

/** A column heading; `{ num }` for a numeric column (right-aligned). */
export type Column = ReactNode | { num: ReactNode };

function isNum(c: Column): c is { num: ReactNode } {
  return typeof c === 'object' && c !== null && 'num' in c;
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
