import type { PdfItem } from '../converters/run-extractor.js';

/**
 * Turns the text runs pdf.js gives for a page into lines: runs on the same baseline are one
 * line, read left to right; a wide horizontal gap separates table cells. Font size is kept so
 * headings (larger type) can be told from body text.
 */
export interface PdfLine {
  text: string;
  cells: string[];
  cellX: number[];
  size: number;
  /** Vertical distance from the previous line, in multiples of the line's font size. */
  gap: number;
}

export function layoutPage(items: PdfItem[]): PdfLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const ref = row?.[0];
    if (row && ref && Math.abs(ref.y - item.y) <= Math.max(2, Math.min(ref.h, item.h) * 0.5))
      row.push(item);
    else rows.push([item]);
  }
  const lines: PdfLine[] = [];
  let previousY: number | null = null;
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const line = joinRow(row);
    const y = row[0]?.y ?? 0;
    line.gap = previousY === null ? 0 : (previousY - y) / Math.max(1, line.size);
    previousY = y;
    if (line.text.trim() !== '') lines.push(line);
  }
  return lines;
}

function joinRow(row: PdfItem[]): PdfLine {
  const cells: string[] = [];
  const cellX: number[] = [];
  let current = '';
  let end: number | null = null;
  let size = 0;
  for (const item of row) {
    size = Math.max(size, item.h);
    const gap = end === null ? 0 : item.x - end;
    if (end !== null && gap > Math.max(item.h * 1.8, 14)) {
      cells.push(current.trim());
      current = '';
    }
    if (current === '') cellX.push(item.x);
    else if (gap > item.h * 0.15 && !current.endsWith(' ') && !item.s.startsWith(' '))
      current += ' ';
    current += item.s;
    end = item.x + item.w;
  }
  cells.push(current.trim());
  const clean = cells.map((c) => c.replace(/\s+/g, ' ').trim());
  const keep = clean.map((c, k) => [c, cellX[k] ?? 0] as const).filter(([c]) => c !== '');
  return {
    text: keep.map(([c]) => c).join(' '),
    cells: keep.map(([c]) => c),
    cellX: keep.map(([, x]) => x),
    size: size || 10,
    gap: 0,
  };
}
