/**
 * The one text model every converter produces: a list of blocks (a heading, a paragraph or a
 * line, a list item, a table row) each with a pointer to where it came from. Recognizers only
 * ever see this model, so a rule written for a Word file also works on a PDF or a pasted text.
 */

/** Where a block came from: the page (PDFs only) and the line (or paragraph) number, from 1. */
export interface SourcePointer {
  page: number | null;
  line: number;
}

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row' | 'blank';

export interface Block {
  kind: BlockKind;
  /** Plain text: markup and emphasis markers removed, spaces collapsed. */
  text: string;
  /** Heading level (1 = top), when the source says so. */
  level?: number;
  /** Table row cells, in order (an empty string for an empty cell, when the source says so). */
  cells?: string[];
  /** Horizontal position of each cell (PDF), so cells can be aligned with the header's. */
  cellX?: number[];
  /** The whole block is bold or italic: how Word plans set action titles and labels apart. */
  emphasis?: boolean;
  source: SourcePointer;
}

export const SOURCE_FORMATS = ['pdf', 'docx', 'html', 'markdown', 'text'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface TextDocument {
  format: SourceFormat;
  blocks: Block[];
  /** Number of pages (PDF), null for formats without pages. */
  pages: number | null;
  /**
   * Lines are hard-wrapped (text extracted from a PDF): a sentence may go on in the next block,
   * so recognizers join continuation lines.
   */
  wrapped: boolean;
  warnings: string[];
}

/** Collapses runs of white space (tabs included) into one space and trims. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * True when a sequence of lines reads as hard-wrapped prose: many lines stop mid-sentence at a
 * similar width, as text copied out of a PDF does.
 */
export function looksWrapped(lines: string[]): boolean {
  const full = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  if (full.length < 20) return false;
  const open = full.filter((l) => l.length >= 40 && !/[.;:!?»"”)]$/.test(l)).length;
  const short = full.filter((l) => l.length <= 100).length;
  return open / full.length > 0.3 && short / full.length > 0.8;
}
