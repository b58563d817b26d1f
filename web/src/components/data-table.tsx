// A plain, accessible table: columns declared once, rows rendered, an empty state when none.
import type { ComponentChildren } from "preact";
import { Empty } from "./states";
import { TableScroll } from "./table-scroll";

export interface Column<Row> {
  key: string;
  header: ComponentChildren;
  cell: (row: Row) => ComponentChildren;
  /** Hidden on narrow screens (phones). */
  wide?: boolean;
  numeric?: boolean;
}

export function DataTable<Row>({ columns, rows, rowKey, empty, caption }: { columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string; empty?: ComponentChildren; caption: string }) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <TableScroll label={caption}>
      <table class="table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" class={[column.wide && "wide-only", column.numeric && "numeric"].filter(Boolean).join(" ")}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} class={[column.wide && "wide-only", column.numeric && "numeric"].filter(Boolean).join(" ")}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
