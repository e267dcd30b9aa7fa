/**
 * Text setting for the PDF: measuring, line breaking and drawing text in the embedded fonts.
 *
 * pdfkit embeds the fonts (subset, widths, ToUnicode map) and keeps the structure tree; this
 * module decides where lines break and writes the text operators of the content stream itself.
 * pdfkit's own text path lays out every word with OpenType shaping, wraps it with a Unicode line
 * breaker and writes each fragment through several graphics-state changes: that was most of the
 * time of a rendered plan. Plan documents are Latin text that needs no shaping (no kerning
 * pairs, no ligatures, so extracted text never contains "ﬁ"), so here a word's width is the sum
 * of its characters' advances, read once per font and character.
 *
 * Lines break after spaces and after a hyphen between letters; "\n" forces a break; a word
 * wider than the line is cut between characters. Line heights are pdfkit's (font ascender to
 * descender plus the font's line gap, plus the caller's `lineGap`), so a paragraph takes the
 * same room as when pdfkit set it.
 */
import type * as fontkit from 'fontkit';

type Doc = PDFKit.PDFDocument;

export interface TextRun {
  text: string;
  font: string;
  color: string;
  /** A web address, or the index of a page to go to. */
  link?: string | number | null | undefined;
  underline?: boolean;
}

export interface TextOptions {
  size: number;
  /** The width lines break at. */
  width: number;
  /** Extra space below every line. */
  lineGap?: number;
  align?: 'left' | 'center' | 'right';
}

/** Page geometry for text that may continue on the next page. */
export interface Pagination {
  top: number;
  bottom: number;
}

export interface Piece {
  run: number;
  text: string;
  /** Offset from the line's start. */
  x: number;
  width: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

/** What pdfkit's EmbeddedFont offers that this module uses. */
interface EmbeddedFont {
  id: string;
  ref(): unknown;
  encode(text: string): [string[], unknown[]];
}

interface FontMetrics {
  font: fontkit.Font;
  /** Advance of each code point in thousandths of the size. */
  advances: Map<number, number>;
  ascender: number;
  descender: number;
  gap: number;
}

const metricsCache = new WeakMap<fontkit.Font, FontMetrics>();

function metricsOf(font: fontkit.Font): FontMetrics {
  let m = metricsCache.get(font);
  if (!m) {
    const scale = 1000 / font.unitsPerEm;
    m = {
      font,
      advances: new Map(),
      ascender: font.ascent * scale,
      descender: font.descent * scale,
      gap: font.lineGap * scale,
    };
    metricsCache.set(font, m);
  }
  return m;
}

function advanceOf(m: FontMetrics, codePoint: number): number {
  let a = m.advances.get(codePoint);
  if (a === undefined) {
    a = (m.font.glyphForCodePoint(codePoint).advanceWidth * 1000) / m.font.unitsPerEm;
    m.advances.set(codePoint, a);
  }
  return a;
}

/** Width of a string in thousandths of the font size. */
function unitsOf(m: FontMetrics, text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i += 1) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i += 1;
    sum += advanceOf(m, cp);
  }
  return sum;
}

const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

const num = (n: number) => String(Math.round(n * 100) / 100);

const colorCache = new Map<string, string>();
/** "#RRGGBB" as the operands of rg/RG. */
function rgb(hex: string): string {
  let out = colorCache.get(hex);
  if (!out) {
    const v = Number.parseInt(hex.slice(1), 16);
    out = [(v >> 16) & 255, (v >> 8) & 255, v & 255]
      .map((c) => String(Math.round((c / 255) * 1000) / 1000))
      .join(' ');
    colorCache.set(hex, out);
  }
  return out;
}

interface Token {
  run: number;
  text: string;
  width: number;
  /** Width of the trailing spaces, which do not count at the end of a line. */
  trailing: number;
  /** A line may break after this token. */
  breakAfter: boolean;
  /** A line must break after this token. */
  hardBreak: boolean;
}

function token(
  run: number,
  text: string,
  width: number,
  trailing: number,
  breakAfter: boolean,
  hardBreak: boolean,
): Token {
  return { run, text, width, trailing, breakAfter, hardBreak };
}

/** The lines being filled, a piece at a time. */
class LineBreaker {
  readonly lines: Line[] = [];
  private pieces: Piece[] = [];
  lineWidth = 0;
  private trailing = 0;

  constructor(readonly width: number) {}

  get hasContent() {
    return this.pieces.length > 0;
  }

  append(run: number, text: string, width: number, trailing: number) {
    const prev = this.pieces.at(-1);
    if (prev && prev.run === run) {
      prev.text += text;
      prev.width += width;
    } else {
      this.pieces.push({ run, text, x: this.lineWidth, width });
    }
    this.lineWidth += width;
    this.trailing = trailing;
  }

  /** Closes the current line; an empty one only when `force` (a blank line of the text). */
  endLine(force: boolean) {
    if (this.pieces.length === 0 && !force) return;
    this.lines.push({ pieces: this.pieces, width: this.lineWidth - this.trailing });
    this.pieces = [];
    this.lineWidth = 0;
    this.trailing = 0;
  }
}

export class PdfText {
  private readonly embedded = new Map<string, EmbeddedFont>();
  private readonly glyphs = new Map<string, Map<number, string>>();

  constructor(
    readonly doc: Doc,
    private readonly fonts: Record<string, fontkit.Font>,
  ) {}

  private metrics(font: string): FontMetrics {
    const f = this.fonts[font];
    if (!f) throw new Error(`Unknown font ${font}`);
    return metricsOf(f);
  }

  /** Width of one line of text. */
  width(text: string, font: string, size: number): number {
    return (unitsOf(this.metrics(font), text) * size) / 1000;
  }

  /** Distance from one line's top to the next line's top. */
  lineHeight(font: string, size: number, lineGap = 0): number {
    const m = this.metrics(font);
    return ((m.ascender - m.descender + m.gap) * size) / 1000 + lineGap;
  }

  /** Height of the glyphs' box: ascender to descender, without the font's line gap. */
  glyphHeight(font: string, size: number): number {
    const m = this.metrics(font);
    return ((m.ascender - m.descender) * size) / 1000;
  }

  /** Height of the text set at `options.width`. */
  height(runs: TextRun[], options: TextOptions): number {
    const lines = this.breakLines(runs, options);
    return (
      lines.length * this.lineHeight(runs[0]?.font ?? 'regular', options.size, options.lineGap)
    );
  }

  /** The text cut with "…" so that it fits `width` on one line. */
  fit(text: string, font: string, size: number, width: number): string {
    if (this.width(text, font, size) <= width) return text;
    let out = text;
    while (out.length > 1 && this.width(`${out}…`, font, size) > width) out = out.slice(0, -1);
    return `${out.trimEnd()}…`;
  }

  /**
   * Lays the runs out from (x, y), top of the first line. With `pagination`, lines that do not
   * fit above the bottom margin continue at the top of the next page when drawn.
   */
  set(runs: TextRun[], x: number, y: number, options: TextOptions, pagination?: Pagination) {
    return new SetText(this, runs, this.breakLines(runs, options), x, y, options, pagination);
  }

  /** One line of text with its baseline at `baseline`, never broken. */
  drawLine(text: string, font: string, size: number, color: string, x: number, baseline: number) {
    if (!text) return;
    this.write(
      `${rgb(color)} rg BT /${this.fontId(font)} ${num(size)} Tf 1 0 0 -1 ${num(x)} ${num(baseline)} Tm <${this.hex(font, text)}> Tj ET`,
    );
  }

  /** One line of text with the top of its line box at `top`, never broken. */
  drawAt(text: string, font: string, size: number, color: string, x: number, top: number) {
    this.drawLine(text, font, size, color, x, top + this.ascender(font, size));
  }

  ascender(font: string, size: number): number {
    return (this.metrics(font).ascender * size) / 1000;
  }

  /**
   * Appends operators to the page's content stream. pdfkit takes bytes as they are and converts
   * strings byte by byte in JavaScript; Buffer.from does it natively (the operators are ASCII).
   */
  private write(operators: string) {
    this.doc.addContent(Buffer.from(`${operators}\n`, 'latin1') as never);
  }

  /** The font's resource name on the current page. */
  fontId(font: string): string {
    let ef = this.embedded.get(font);
    if (!ef) {
      this.doc.font(font);
      ef = (this.doc as unknown as { _font: EmbeddedFont })._font;
      this.embedded.set(font, ef);
    }
    const page = this.doc.page as unknown as { fonts: Record<string, unknown> };
    page.fonts[ef.id] ??= ef.ref();
    return ef.id;
  }

  /** The text as glyph ids in the font's subset (hex), adding new glyphs to the subset. */
  hex(font: string, text: string): string {
    let map = this.glyphs.get(font);
    if (!map) {
      map = new Map();
      this.glyphs.set(font, map);
    }
    this.fontId(font);
    const ef = this.embedded.get(font)!;
    let out = '';
    for (let i = 0; i < text.length; i += 1) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i += 1;
      let h = map.get(cp);
      if (h === undefined) {
        // pdfkit's encode adds the glyph to the subset with its width and Unicode value.
        h = ef.encode(String.fromCodePoint(cp))[0].join('');
        map.set(cp, h);
      }
      out += h;
    }
    return out;
  }

  /**
   * The runs cut into tokens: a token ends after spaces (a line may break there), after a hyphen
   * between letters (idem), at a "\n" (a line must break there) or at the end of its run.
   */
  private tokens(runs: TextRun[], size: number): Token[] {
    const tokens: Token[] = [];
    const k = size / 1000;
    for (let index = 0; index < runs.length; index += 1) {
      const run = runs[index]!;
      const m = this.metrics(run.font);
      const text = run.text.includes('\t') ? run.text.replace(/\t/g, ' ') : run.text;
      let start = 0;
      let width = 0;
      let trailing = 0;
      for (let i = 0; i < text.length; i += 1) {
        const ch = text.charCodeAt(i);
        if (ch === 10 /* \n */) {
          tokens.push(token(index, text.slice(start, i), width * k, trailing * k, true, true));
          start = i + 1;
          width = 0;
          trailing = 0;
          continue;
        }
        if (ch === 13 /* \r */) continue;
        const cp = text.codePointAt(i)!;
        const advance = advanceOf(m, cp);
        if (cp > 0xffff) i += 1;
        width += advance;
        if (ch === 32 /* space */) {
          trailing += advance;
          if (text.charCodeAt(i + 1) !== 32) {
            tokens.push(
              token(index, text.slice(start, i + 1), width * k, trailing * k, true, false),
            );
            start = i + 1;
            width = 0;
            trailing = 0;
          }
        } else if (
          ch === 45 /* - */ &&
          i > start &&
          isLetter(text[i - 1]) &&
          isLetter(text[i + 1])
        ) {
          tokens.push(token(index, text.slice(start, i + 1), width * k, 0, true, false));
          start = i + 1;
          width = 0;
        }
      }
      if (start < text.length) {
        tokens.push(token(index, text.slice(start), width * k, trailing * k, false, false));
      }
    }
    return tokens;
  }

  /** Lines at `options.width`: greedy, a word at a time. */
  breakLines(runs: TextRun[], options: TextOptions): Line[] {
    const { size, width } = options;
    // Most texts (cells, headings, labels) are one run on one line: no need to tokenize them.
    const only = runs.length === 1 ? runs[0]! : undefined;
    if (only && !only.text.includes('\n')) {
      const text = only.text.trim();
      const w = this.width(text, only.font, size);
      if (w <= width) return text ? [{ pieces: [{ run: 0, text, x: 0, width: w }], width: w }] : [];
    }
    const breaker = new LineBreaker(width);
    const tokens = this.tokens(runs, size);
    let i = 0;
    while (i < tokens.length) {
      // A word: tokens up to the next break opportunity (a word may change font midway).
      let j = i;
      let wordWidth = tokens[i]!.width;
      while (j < tokens.length - 1 && !tokens[j]!.breakAfter) {
        j += 1;
        wordWidth += tokens[j]!.width;
      }
      if (breaker.hasContent && breaker.lineWidth + wordWidth - tokens[j]!.trailing > width) {
        breaker.endLine(false);
      }
      for (let n = i; n <= j; n += 1) {
        const t = tokens[n]!;
        // Spaces at the start of a line are not drawn.
        if (!breaker.hasContent && t.width === t.trailing && !t.hardBreak) continue;
        if (breaker.lineWidth + t.width - t.trailing > width && t.text.length > 1) {
          this.cut(breaker, t, runs[t.run]!.font, size);
        } else {
          breaker.append(t.run, t.text, t.width, t.trailing);
        }
        if (t.hardBreak) breaker.endLine(true);
      }
      i = j + 1;
    }
    breaker.endLine(false);
    const lines = breaker.lines;
    if (lines.length > 0 && lines.at(-1)!.pieces.length === 0) lines.pop();
    for (const line of lines) {
      const last = line.pieces.at(-1);
      if (last && last.text.endsWith(' ')) {
        last.text = last.text.trimEnd();
        last.width = this.width(last.text, runs[last.run]!.font, size);
      }
    }
    return lines;
  }

  /** A word too wide for any line, cut between characters. */
  private cut(breaker: LineBreaker, t: Token, font: string, size: number) {
    const m = this.metrics(font);
    let part = '';
    let partWidth = 0;
    for (const ch of t.text) {
      const w = (advanceOf(m, ch.codePointAt(0)!) * size) / 1000;
      if (part && ch !== ' ' && breaker.lineWidth + partWidth + w > breaker.width) {
        breaker.append(t.run, part, partWidth, 0);
        breaker.endLine(false);
        part = '';
        partWidth = 0;
      }
      part += ch;
      partWidth += w;
    }
    breaker.append(t.run, part, partWidth, t.trailing);
  }

  /** Writes one line's pieces (those of run `only`, or all). */
  drawPieces(
    runs: TextRun[],
    line: Line,
    x: number,
    top: number,
    options: TextOptions,
    only?: number,
  ) {
    const { doc } = this;
    const { size } = options;
    const offset =
      options.align === 'right'
        ? options.width - line.width
        : options.align === 'center'
          ? (options.width - line.width) / 2
          : 0;
    for (const piece of line.pieces) {
      if (only !== undefined && piece.run !== only) continue;
      if (!piece.text) continue;
      const run = runs[piece.run]!;
      const left = x + offset + piece.x;
      const baseline = top + this.ascender(run.font, size);
      this.drawLine(piece.text, run.font, size, run.color, left, baseline);
      if (run.link !== undefined && run.link !== null) {
        const height = this.glyphHeight(run.font, size);
        const current = (
          doc as unknown as { _currentStructureElement?: PDFKit.PDFStructureElement }
        )._currentStructureElement;
        const isLink =
          (current as unknown as { dictionary?: { data?: { S?: string } } } | undefined)?.dictionary
            ?.data?.S === 'Link';
        doc.link(
          left,
          top,
          piece.width,
          height,
          run.link as string,
          {
            ...(isLink ? { structParent: current } : {}),
          } as never,
        );
        if (run.underline) {
          const lineWidth = size < 10 ? 0.5 : Math.floor(size / 10);
          const y = top + height - lineWidth;
          this.write(
            `q ${rgb(run.color)} RG ${num(lineWidth)} w ${num(left)} ${num(y)} m ${num(left + piece.width)} ${num(y)} l S Q`,
          );
        }
      }
    }
  }
}

/** Text laid out at a place: drawn all at once or run by run (one structure element each). */
export class SetText {
  private readonly places: { top: number; page: number }[] = [];
  private pagesDrawn = 0;
  /** Where the text ends: the top of the line after the last one, on the last page. */
  readonly bottom: number;
  readonly height: number;

  constructor(
    private readonly text: PdfText,
    private readonly runs: TextRun[],
    private readonly lines: Line[],
    private readonly x: number,
    y: number,
    private readonly options: TextOptions,
    pagination?: Pagination,
  ) {
    const step = text.lineHeight(runs[0]?.font ?? 'regular', options.size, options.lineGap);
    let top = y;
    let page = 0;
    for (const _ of lines) {
      if (pagination && top + step > pagination.bottom && top > pagination.top + 0.5) {
        page += 1;
        top = pagination.top;
      }
      this.places.push({ top, page });
      top += step;
    }
    this.bottom = top;
    this.height = lines.length * step;
  }

  /** The number of page breaks the text takes. */
  get pageBreaks(): number {
    return this.places.at(-1)?.page ?? 0;
  }

  draw() {
    this.lines.forEach((_, n) => this.drawLine(n));
  }

  /** Draws the pieces of one run only, in reading order. */
  drawRun(run: number) {
    this.lines.forEach((line, n) => {
      if (line.pieces.some((p) => p.run === run)) this.drawLine(n, run);
    });
  }

  private drawLine(n: number, only?: number) {
    const place = this.places[n]!;
    while (this.pagesDrawn < place.page) {
      this.text.doc.continueOnNewPage();
      this.pagesDrawn += 1;
    }
    this.text.drawPieces(this.runs, this.lines[n]!, this.x, place.top, this.options, only);
  }
}
