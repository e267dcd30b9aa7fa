/**
 * A document's content as a format-neutral outline: headings, paragraphs, lists, tables and
 * charts in reading order. The plan document and the monitoring report are each built once as
 * an outline; the DOCX, PDF and HTML renderers only lay it out, so the three formats can never
 * say different things.
 */
import type { ChartSpec } from './charts.js';
import type { LangTag } from './labels.js';

/** A piece of text with its emphasis; `link` makes it a hyperlink. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export type Inline = string | Run | Run[];

export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3 | 4;
  text: string;
  /** Anchor used by the table of contents and internal links; unique in the document. */
  id: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  /** `note`: smaller, grey text (sources, explanations). */
  style?: 'normal' | 'note';
}

export interface ListBlock {
  kind: 'list';
  items: Run[][];
}

/** Label/value lines such as "Responsabilità: RTD, Settore tecnico". */
export interface FieldsBlock {
  kind: 'fields';
  items: { label: string; value: Run[] }[];
}

export interface TableColumn {
  header: string;
  /** Relative width; the renderers share the available width in these proportions. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

export type Cell = string | { text: string; bold?: boolean };

export interface TableBlock {
  kind: 'table';
  id: string;
  caption: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** Closing rows (totals), shown in bold. */
  totals?: Cell[][];
  /** The first cell of each row names the row (a row header for screen readers). */
  rowHeaders?: boolean;
  /** Small print, for wide tables. */
  compact?: boolean;
}

export interface ChartBlock {
  kind: 'chart';
  id: string;
  caption: string;
  chart: ChartSpec;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | FieldsBlock
  | TableBlock
  | ChartBlock
  | PageBreakBlock;

export interface Cover {
  /**
   * Lines of the frame the document sits in, printed above its title: the PIAO, its section
   * and subsection, "Allegato A2" for the plan as the PIAO's annex. None for a document of its own.
   */
  frame?: string[];
  /** "Comune di Valdimonte" */
  organization: string;
  /** Province, region, IPA code. */
  organizationDetails: string[];
  title: string;
  /** "Triennio 2025–2027" */
  period: string;
  /** Revision, approval act, national edition, state. */
  details: string[];
}

export interface DocumentOutline {
  /** BCP 47: it-IT or en-GB; the renderers' own words (captions, page numbers) follow it. */
  lang: LangTag;
  /** Metadata title and the running header's right-hand text. */
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** The running header's left-hand text: the organization's name. */
  header: string;
  cover: Cover;
  /** The heading of the table of contents, which lists the level 1 and 2 headings. */
  tocTitle: string;
  blocks: Block[];
}

/** Turns a string, a run or runs into runs. */
export function runs(inline: Inline): Run[] {
  if (typeof inline === 'string') return [{ text: inline }];
  return Array.isArray(inline) ? inline : [inline];
}

export function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

export function cellBold(cell: Cell): boolean {
  return typeof cell !== 'string' && cell.bold === true;
}

/** Helps builders write outlines: each call appends one block. */
export class OutlineBuilder {
  readonly blocks: Block[] = [];
  private readonly ids = new Map<string, number>();

  heading(level: HeadingBlock['level'], text: string, id?: string): this {
    this.blocks.push({ kind: 'heading', level, text, id: this.uniqueId(id ?? slug(text)) });
    return this;
  }

  paragraph(inline: Inline, style: ParagraphBlock['style'] = 'normal'): this {
    const r = runs(inline);
    if (r.some((x) => x.text.trim() !== ''))
      this.blocks.push({ kind: 'paragraph', runs: r, style });
    return this;
  }

  /** Text written with blank lines between paragraphs (the plan's narrative sections). */
  text(body: string | null | undefined): this {
    for (const part of splitParagraphs(body ?? '')) this.paragraph(part);
    return this;
  }

  list(items: Inline[]): this {
    if (items.length > 0) this.blocks.push({ kind: 'list', items: items.map(runs) });
    return this;
  }

  fields(items: { label: string; value: Inline }[]): this {
    const kept = items
      .map((i) => ({ label: i.label, value: runs(i.value) }))
      .filter((i) => i.value.some((r) => r.text.trim() !== ''));
    if (kept.length > 0) this.blocks.push({ kind: 'fields', items: kept });
    return this;
  }

  table(table: Omit<TableBlock, 'kind' | 'id'> & { id?: string }): this {
    const { id, ...rest } = table;
    this.blocks.push({ kind: 'table', id: this.uniqueId(id ?? slug(table.caption)), ...rest });
    return this;
  }

  chart(id: string, caption: string, chart: ChartSpec): this {
    this.blocks.push({ kind: 'chart', id: this.uniqueId(id), caption, chart });
    return this;
  }

  pageBreak(): this {
    this.blocks.push({ kind: 'pageBreak' });
    return this;
  }

  private uniqueId(base: string): string {
    const seen = this.ids.get(base) ?? 0;
    this.ids.set(base, seen + 1);
    return seen === 0 ? base : `${base}-${seen + 1}`;
  }
}

/** Paragraphs separated by blank lines; single line breaks inside a paragraph become spaces. */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}

/** An ASCII anchor from a heading: "Priorità 1 – Piattaforme" → "priorita-1-piattaforme". */
export function slug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s === '' ? 'sezione' : /^[a-z]/.test(s) ? s : `s-${s}`;
}
