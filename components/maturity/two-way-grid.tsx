import type { CSSProperties, ReactNode } from "react";

export interface GridAxis<K extends string> {
  key: K;
  header: ReactNode;
  /** The header cell's colour (a stage's own colour), when it has one. */
  style?: CSSProperties;
}

/**
 * A table placing things in the cells of two axes, the top row first (so `rows` go from highest
 * to lowest): the maturity × stage grid and the influence × interest stakeholder map. Real table
 * headers on both axes, so a screen reader names a cell by its row and column; scrolls sideways
 * at phone width instead of squeezing the cells.
 */
export function TwoWayGrid<R extends string, C extends string>({
  caption,
  corner,
  rows,
  columns,
  cell,
  minWidthClass,
  cornerWidthClass,
  rowHeaderClass,
  columnHeaderClass = "",
}: {
  caption: string;
  corner: string;
  rows: GridAxis<R>[];
  columns: GridAxis<C>[];
  cell: (row: R, column: C) => ReactNode;
  minWidthClass: string;
  cornerWidthClass: string;
  rowHeaderClass: string;
  columnHeaderClass?: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full ${minWidthClass} table-fixed border-collapse text-sm`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${cornerWidthClass} p-2 text-left text-xs uppercase tracking-wide text-slate-500`}>
              {corner}
            </th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`p-2 text-left text-xs font-medium${columnHeaderClass ? ` ${columnHeaderClass}` : ""}`} style={column.style}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-200">
              <th scope="row" className={`p-2 text-left align-top ${rowHeaderClass}`}>
                {row.header}
              </th>
              {columns.map((column) => (
                <td key={column.key} className="border-l border-slate-100 p-2 align-top">
                  {cell(row.key, column.key)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
