/**
 * Charts for the documents: spending by funding source, actions by status per priority, and a
 * timeline of the actions over the plan's years.
 *
 * A chart is described once (ChartSpec), laid out once into a scene of rectangles, lines and
 * text in a 680-unit-wide box (chartScene), and that scene is written out three ways: inline
 * SVG for the HTML page, PNG (the SVG rasterized by resvg, a Rust renderer shipped prebuilt in
 * its npm package) for DOCX, and native vector drawing for the PDF (render-pdf.ts), where the
 * labels stay real, selectable text. The layout is hand-written rather than delegated to a
 * charting grammar such as Vega-Lite: loading Vega takes about a second and each chart about
 * 100 ms, which alone would exceed the time budget of a whole PDF, while three fixed chart
 * types need only simple geometry.
 */
import { FONT_FAMILY } from './fonts.js';
import { formatFor } from './format.js';
import { labelsFor, type DocumentLang } from './labels.js';

export interface BarsChart {
  type: 'bars';
  /** The language of the chart's own words and numbers; Italian when absent. */
  lang?: DocumentLang;
  /** One sentence read by screen readers instead of the picture. */
  description: string;
  unit: 'euro' | 'count';
  bars: { label: string; value: number }[];
}

export interface StackedChart {
  type: 'stacked';
  lang?: DocumentLang;
  description: string;
  unit?: 'euro' | 'count';
  categories: { key: string; label: string; color: string }[];
  rows: { label: string; values: Record<string, number> }[];
}

export type TimelineMark =
  /** From start to end (a year, a period). */
  | { kind: 'span'; start: string; end: string }
  /** Starts, with no end ("a partire dal 2026", "da subito"). */
  | { kind: 'open'; start: string }
  /** A deadline day ("entro giugno 2026"). */
  | { kind: 'deadline'; date: string }
  /** The same day every year. */
  | { kind: 'recurring'; dates: string[] }
  /** Words that name no date. */
  | { kind: 'undated' };

export interface TimelineChart {
  type: 'timeline';
  lang?: DocumentLang;
  description: string;
  startYear: number;
  endYear: number;
  /** A vertical line at this day (the report's date). */
  today?: string;
  rows: { label: string; group: string; mark: TimelineMark }[];
}

export type ChartSpec = BarsChart | StackedChart | TimelineChart;

export type Shape =
  | { type: 'rect'; x: number; y: number; w: number; h: number; fill: string; opacity?: number }
  | {
      type: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      stroke: string;
      width: number;
      dash?: boolean;
    }
  | { type: 'diamond'; cx: number; cy: number; r: number; fill: string }
  | {
      type: 'text';
      x: number;
      /** Baseline. */
      y: number;
      text: string;
      size: number;
      anchor: 'start' | 'middle' | 'end';
      bold?: boolean;
      italic?: boolean;
      fill: string;
    };

export interface Scene {
  width: number;
  height: number;
  shapes: Shape[];
}

export const COLORS = {
  primary: '#0066CC',
  text: '#1A1A1A',
  muted: '#5C6F82',
  grid: '#D4DBE3',
  light: '#99C2EB',
  planned: '#A7B6C5',
  in_progress: '#0066CC',
  completed: '#008055',
  suspended: '#CC7A00',
  cancelled: '#D9364F',
  today: '#D9364F',
} as const;

const WIDTH = 680;
/**
 * Room left beside labels beyond their estimated width: the estimate is Titillium Web's, and a
 * browser without that font draws the HTML's SVG labels in a wider fallback face.
 */
const SLACK = 1.15;

/** Lays a chart out in a 680-unit-wide box. */
export function chartScene(spec: ChartSpec): Scene {
  switch (spec.type) {
    case 'bars':
      return barsScene(spec);
    case 'stacked':
      return stackedScene(spec);
    case 'timeline':
      return timelineScene(spec);
  }
}

/** The chart as a standalone SVG document, with its description as title for accessibility. */
export function chartSvg(spec: ChartSpec, options: { id?: string; inline?: boolean } = {}): string {
  const scene = chartScene(spec);
  const titleId = options.id ? `${options.id}-title` : undefined;
  const attrs = [
    'xmlns="http://www.w3.org/2000/svg"',
    `viewBox="0 0 ${scene.width} ${scene.height}"`,
    options.inline
      ? `width="100%" style="max-width:${scene.width}px;height:auto"`
      : `width="${scene.width}" height="${scene.height}"`,
    'role="img"',
    titleId ? `aria-labelledby="${titleId}"` : `aria-label="${escapeXml(spec.description)}"`,
    `font-family="${FONT_FAMILY}, 'Segoe UI', Arial, sans-serif"`,
  ];
  const out = [`<svg ${attrs.join(' ')}>`];
  out.push(`<title${titleId ? ` id="${titleId}"` : ''}>${escapeXml(spec.description)}</title>`);
  out.push(`<rect x="0" y="0" width="${scene.width}" height="${scene.height}" fill="#FFFFFF"/>`);
  for (const s of scene.shapes) out.push(shapeSvg(s));
  out.push('</svg>');
  return out.join('');
}

function shapeSvg(s: Shape): string {
  switch (s.type) {
    case 'rect':
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"${
        s.opacity !== undefined ? ` fill-opacity="${s.opacity}"` : ''
      }/>`;
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.stroke}" stroke-width="${s.width}"${
        s.dash ? ' stroke-dasharray="4 3"' : ''
      }/>`;
    case 'diamond':
      return `<path d="M${n(s.cx)} ${n(s.cy - s.r)}L${n(s.cx + s.r)} ${n(s.cy)}L${n(s.cx)} ${n(s.cy + s.r)}L${n(s.cx - s.r)} ${n(s.cy)}Z" fill="${s.fill}"/>`;
    case 'text':
      return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${s.size}" text-anchor="${s.anchor}" fill="${s.fill}"${
        s.bold ? ' font-weight="bold"' : ''
      }${s.italic ? ' font-style="italic"' : ''}>${escapeXml(s.text)}</text>`;
  }
}

const n = (v: number) => String(Math.round(v * 10) / 10);

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// Approximate advance widths of Titillium Web, in ems, to fit labels without a font engine.
const NARROW = new Set("ijlrtfI.,;:'!|()[] ’");
const WIDE = new Set('mwMW');

/** Approximate width of a text in the chart's units. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.26;
    else if (WIDE.has(ch)) em += 0.8;
    else if (ch >= 'A' && ch <= 'Z') em += 0.6;
    else if (ch >= '0' && ch <= '9') em += 0.52;
    else em += 0.47;
  }
  return em * size * (bold ? 1.06 : 1);
}

/** Cuts a label to fit `width`, ending with "…". */
export function fitText(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  let out = text;
  while (out.length > 1 && textWidth(`${out}…`, size) > width) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

function barsScene(spec: BarsChart): Scene {
  const size = 12;
  const rowH = 28;
  const top = 8;
  const labelW = Math.min(230, Math.max(...spec.bars.map((b) => textWidth(b.label, size)), 40));
  const valueW = 120;
  const x0 = labelW + 12;
  const barMax = WIDTH - x0 - valueW;
  const max = Math.max(...spec.bars.map((b) => b.value), 1);
  const f = formatFor(spec.lang);
  const shapes: Shape[] = [];
  spec.bars.forEach((bar, i) => {
    const y = top + i * rowH;
    const w = Math.max((bar.value / max) * barMax, bar.value > 0 ? 1 : 0);
    shapes.push(label(fitText(bar.label, size, labelW), 0, y + 18, size, 'start'));
    shapes.push({ type: 'rect', x: x0, y: y + 5, w, h: 18, fill: COLORS.primary });
    const value = spec.unit === 'euro' ? f.euro(bar.value) : f.number(bar.value);
    shapes.push(label(value, x0 + w + 6, y + 18, size, 'start', true));
  });
  shapes.push(axisLine(x0, top, x0, top + spec.bars.length * rowH));
  return { width: WIDTH, height: top * 2 + spec.bars.length * rowH, shapes };
}

function stackedScene(spec: StackedChart): Scene {
  const size = 12;
  const rowH = 28;
  const shapes: Shape[] = [];
  // Legend on top, wrapping onto more lines when needed.
  let lx = 0;
  let ly = 6;
  for (const c of spec.categories) {
    const w = 14 + 5 + textWidth(c.label, 11) + 16;
    if (lx + w > WIDTH) {
      lx = 0;
      ly += 20;
    }
    shapes.push({ type: 'rect', x: lx, y: ly, w: 12, h: 12, fill: c.color });
    shapes.push(label(c.label, lx + 17, ly + 10.5, 11, 'start'));
    lx += w;
  }
  const top = ly + 26;
  const labelW = Math.min(250, Math.max(...spec.rows.map((r) => textWidth(r.label, size)), 40));
  const x0 = labelW * SLACK + 12;
  const euro = spec.unit === 'euro';
  const f = formatFor(spec.lang);
  const format = (v: number) => (euro ? f.euro(v) : f.number(v));
  const totalW = euro ? 110 : 50;
  const barMax = WIDTH - x0 - totalW;
  const totals = spec.rows.map((r) =>
    spec.categories.reduce((t, c) => t + (r.values[c.key] ?? 0), 0),
  );
  const max = Math.max(...totals, 1);
  spec.rows.forEach((row, i) => {
    const y = top + i * rowH;
    shapes.push(label(fitText(row.label, size, labelW), 0, y + 18, size, 'start'));
    let x = x0;
    for (const c of spec.categories) {
      const v = row.values[c.key] ?? 0;
      if (v <= 0) continue;
      const w = (v / max) * barMax;
      shapes.push({ type: 'rect', x, y: y + 5, w, h: 18, fill: c.color });
      const text = format(v);
      if (w >= textWidth(text, 11, true) + 8) {
        const fill = c.key === 'planned' ? COLORS.text : '#FFFFFF';
        shapes.push(label(text, x + w / 2, y + 18, 11, 'middle', true, fill));
      }
      x += w;
    }
    shapes.push(label(format(totals[i] ?? 0), x + 6, y + 18, size, 'start', true));
  });
  shapes.push(axisLine(x0, top, x0, top + spec.rows.length * rowH));
  return { width: WIDTH, height: top + spec.rows.length * rowH + 8, shapes };
}

function timelineScene(spec: TimelineChart): Scene {
  const words = labelsFor(spec.lang);
  const size = 10;
  const rowH = 15;
  const labelW = 210;
  const x0 = labelW * SLACK + 10;
  const x1 = WIDTH - 6;
  const top = 22;
  const start = Date.UTC(spec.startYear, 0, 1);
  const end = Date.UTC(spec.endYear + 1, 0, 1);
  const xOf = (iso: string) => {
    const t = Date.parse(`${iso}T00:00:00Z`);
    const clamped = Math.min(Math.max(t, start), end);
    return x0 + ((clamped - start) / (end - start)) * (x1 - x0);
  };
  const shapes: Shape[] = [];
  const bottom = top + spec.rows.length * rowH;
  // Year bands and quarter ticks.
  for (let y = spec.startYear; y <= spec.endYear; y += 1) {
    const a = xOf(`${y}-01-01`);
    const b = y === spec.endYear ? x1 : xOf(`${y + 1}-01-01`);
    if ((y - spec.startYear) % 2 === 1) {
      shapes.push({ type: 'rect', x: a, y: top, w: b - a, h: bottom - top, fill: '#F2F5F8' });
    }
    shapes.push(label(String(y), (a + b) / 2, 14, 12, 'middle', true));
    for (const m of ['04', '07', '10']) {
      const q = xOf(`${y}-${m}-01`);
      shapes.push({
        type: 'line',
        x1: q,
        y1: top,
        x2: q,
        y2: bottom,
        stroke: COLORS.grid,
        width: 0.5,
      });
    }
    shapes.push({
      type: 'line',
      x1: a,
      y1: top - 4,
      x2: a,
      y2: bottom,
      stroke: COLORS.muted,
      width: 0.8,
    });
  }
  shapes.push({
    type: 'line',
    x1: x1,
    y1: top - 4,
    x2: x1,
    y2: bottom,
    stroke: COLORS.muted,
    width: 0.8,
  });
  let previousGroup: string | undefined;
  spec.rows.forEach((row, i) => {
    const y = top + i * rowH;
    const mid = y + rowH / 2;
    if (previousGroup !== undefined && row.group !== previousGroup) {
      shapes.push({ type: 'line', x1: 0, y1: y, x2: x1, y2: y, stroke: COLORS.grid, width: 0.8 });
    }
    previousGroup = row.group;
    shapes.push(label(fitText(row.label, size, labelW), 0, mid + 3.5, size, 'start'));
    const m = row.mark;
    if (m.kind === 'span') {
      const a = xOf(m.start);
      shapes.push({
        type: 'rect',
        x: a,
        y: mid - 4,
        w: Math.max(xOf(m.end) - a, 2),
        h: 8,
        fill: COLORS.primary,
      });
    } else if (m.kind === 'open') {
      const a = xOf(m.start);
      shapes.push({
        type: 'rect',
        x: a,
        y: mid - 4,
        w: Math.max(x1 - a, 2),
        h: 8,
        fill: COLORS.light,
      });
      shapes.push({ type: 'rect', x: a, y: mid - 4, w: 3, h: 8, fill: COLORS.primary });
    } else if (m.kind === 'deadline') {
      shapes.push({ type: 'diamond', cx: xOf(m.date), cy: mid, r: 5, fill: COLORS.primary });
    } else if (m.kind === 'recurring') {
      for (const d of m.dates) {
        shapes.push({ type: 'diamond', cx: xOf(d), cy: mid, r: 4, fill: COLORS.completed });
      }
    } else {
      shapes.push(
        label(words.chartUndated, x0 + 4, mid + 3.5, size, 'start', false, COLORS.muted, true),
      );
    }
  });
  if (spec.today) {
    const t = xOf(spec.today);
    shapes.push({
      type: 'line',
      x1: t,
      y1: top - 4,
      x2: t,
      y2: bottom,
      stroke: COLORS.today,
      width: 1.2,
      dash: true,
    });
    shapes.push(
      label(
        formatFor(spec.lang).shortDate(spec.today),
        t,
        bottom + 12,
        10,
        'middle',
        true,
        COLORS.today,
      ),
    );
  }
  // Legend.
  const ly = bottom + (spec.today ? 28 : 18);
  let lx = 0;
  const legend = (draw: (x: number) => Shape[], text: string) => {
    shapes.push(...draw(lx));
    shapes.push(label(text, lx + 22, ly + 3.5, 10, 'start'));
    lx += 22 + textWidth(text, 10) + 18;
  };
  legend(
    (x) => [{ type: 'rect', x, y: ly - 4, w: 16, h: 8, fill: COLORS.primary }],
    words.legendPeriod,
  );
  legend(
    (x) => [{ type: 'diamond', cx: x + 8, cy: ly, r: 5, fill: COLORS.primary }],
    words.legendDeadline,
  );
  legend(
    (x) => [
      { type: 'rect', x, y: ly - 4, w: 16, h: 8, fill: COLORS.light },
      { type: 'rect', x, y: ly - 4, w: 3, h: 8, fill: COLORS.primary },
    ],
    words.legendOpen,
  );
  legend(
    (x) => [{ type: 'diamond', cx: x + 8, cy: ly, r: 4, fill: COLORS.completed }],
    words.legendYearly,
  );
  return { width: WIDTH, height: ly + 10, shapes };
}

function label(
  text: string,
  x: number,
  y: number,
  size: number,
  anchor: 'start' | 'middle' | 'end',
  bold = false,
  fill: string = COLORS.text,
  italic = false,
): Shape {
  return { type: 'text', x, y, text, size, anchor, bold, italic, fill };
}

function axisLine(x1: number, y1: number, x2: number, y2: number): Shape {
  return { type: 'line', x1, y1, x2, y2, stroke: COLORS.muted, width: 1 };
}
