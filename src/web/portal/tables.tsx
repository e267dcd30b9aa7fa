/**
 * Data tables as the kit styles them, with a caption and header cells that name their scope.
 * A table of many columns sits in a box that scrolls sideways on a phone; the box is a named,
 * focusable region so that a keyboard can scroll it too (WCAG 2.1.1).
 */
import type { ComponentChildren } from 'preact';

/** Tables of this many columns or more may not fit a phone's width. */
const WIDE = 5;

export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="piano-table-wrapper" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export interface DataTableProps {
  caption: string;
  head: string[];
  rows: ComponentChildren[][];
  /** Columns holding amounts or counts, aligned right. */
  numeric?: number[];
  /** A totals row. */
  foot?: ComponentChildren[];
}

export function DataTable(props: DataTableProps) {
  const numeric = new Set(props.numeric ?? []);
  const cls = (i: number) => (numeric.has(i) ? 'piano-number' : undefined);
  const table = (
    <table class="table table-sm">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h, i) => (
            <th scope="col" class={cls(i)} key={i}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th scope="row" class={cls(i)} key={i}>
                  {cell}
                </th>
              ) : (
                <td class={cls(i)} key={i}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {props.foot ? (
        <tfoot>
          <tr>
            {props.foot.map((cell, i) =>
              i === 0 ? (
                <th scope="row" class={cls(i)} key={i}>
                  {cell}
                </th>
              ) : (
                <td class={cls(i)} key={i}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
  if (props.head.length >= WIDE) return <TableWrap label={props.caption}>{table}</TableWrap>;
  return <div class="piano-table">{table}</div>;
}
