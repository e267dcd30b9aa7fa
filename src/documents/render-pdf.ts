/**
 * The outline as a tagged PDF 1.7 (pdfkit): real embedded fonts (Titillium Web, subset), text
 * that can be selected and searched, a structure tree (Document, H1–H4, P, L/LI, Table/TR/TH/TD,
 * Figure with alternative text, TOC/TOCI), document language it-IT, the title shown by viewers,
 * bookmarks, a linked table of contents with page numbers, a running header with the
 * organization's name and "Pagina N di M" footers marked as pagination artifacts.
 *
 * Pages are buffered: the table of contents reserves its pages after the cover and is written
 * last, once every heading's page is known; headers and footers are written on every page at
 * the end, when the page count is known.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { chartScene, type Scene } from './charts.js';
import { FONT_FILES } from './fonts.js';
import {
  cellBold,
  cellText,
  type Block,
  type ChartBlock,
  type DocumentOutline,
  type HeadingBlock,
  type Run,
  type TableBlock,
} from './outline.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 62, left: 62, right: 62 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const COLOR = {
  text: '#1A1A1A',
  heading: '#004D99',
  muted: '#5C6F82',
  link: '#0066CC',
  rule: '#C5CED8',
  headerFill: '#E6F0FA',
  totalFill: '#F2F5F8',
};
const BODY_SIZE = 10.5;
const HEADING: Record<HeadingBlock['level'], { size: number; before: number; after: number }> = {
  1: { size: 19, before: 0, after: 12 },
  2: { size: 14.5, before: 16, after: 8 },
  3: { size: 12.5, before: 12, after: 6 },
  4: { size: 11.5, before: 12, after: 4 },
};

type FontName = keyof typeof FONT_FILES;
type Layouts = Record<string, unknown>;
let sharedFonts: Record<FontName, fontkit.Font> | undefined;
const sharedLayouts = {} as Record<FontName, Layouts>;
const LAYOUT_CACHE_LIMIT = 50_000;

/** The fonts, read and parsed once per process. */
function fonts(): Record<FontName, fontkit.Font> {
  sharedFonts ??= {
    regular: parseFont(FONT_FILES.regular),
    italic: parseFont(FONT_FILES.italic),
    semibold: parseFont(FONT_FILES.semibold),
    bold: parseFont(FONT_FILES.bold),
  };
  return sharedFonts;
}

/**
 * A word cache whose entries carry their width as a plain number instead of a getter that sums
 * the glyphs on every read: pdfkit reads it for every word it measures.
 */
function newLayoutCache(): Layouts {
  const target = Object.create(null) as Layouts;
  return new Proxy(target, {
    set(t, key, run: { advanceWidth: number; glyphs: unknown; positions: unknown }) {
      t[key as string] = {
        glyphs: run.glyphs,
        positions: run.positions,
        advanceWidth: run.advanceWidth,
      };
      return true;
    },
  });
}

const parseFont = (path: string) =>
  withPlainLayout(fontkit.create(readFileSync(path)) as fontkit.Font);

/**
 * Lays words out glyph by glyph from the font's character map, without OpenType shaping.
 * Shaping (kerning pairs, ligatures) was most of the time of a document rendered by a fresh
 * process; Latin text needs none of it to be correct, and without ligatures the extracted text
 * never contains "ﬁ" for "fi". Calls that ask for specific features still get fontkit's layout.
 */
function withPlainLayout(font: fontkit.Font): fontkit.Font {
  const shaped = font.layout.bind(font) as (text: string, ...rest: unknown[]) => fontkit.GlyphRun;
  (font as { layout: unknown }).layout = (text: string, ...rest: unknown[]) => {
    if (rest.some((r) => r !== undefined)) return shaped(text, ...rest);
    const glyphs = font.glyphsForString(text);
    const positions = glyphs.map((g) => ({
      xAdvance: g.advanceWidth,
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
    }));
    return {
      glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  return font;
}

/**
 * pdfkit lays out each word, scales it to its units and caches it per document; documents
 * share most of their words, so each font's word cache is shared by every document this
 * process renders (pdfkit never changes a cached entry). If pdfkit's internals change shape,
 * documents simply keep their own caches.
 */
function shareLayoutCache(doc: Doc, name: FontName) {
  doc.font(name);
  const font = (doc as unknown as { _font?: { layoutCache?: Layouts } })._font;
  if (!font || typeof font.layoutCache !== 'object') return;
  let cache = sharedLayouts[name];
  if (!cache || Object.keys(cache).length > LAYOUT_CACHE_LIMIT) {
    cache = newLayoutCache();
    sharedLayouts[name] = cache;
  }
  font.layoutCache = cache;
}

interface TocEntry {
  level: number;
  text: string;
  id: string;
  page: number;
}

export async function renderPdf(outline: DocumentOutline): Promise<Buffer> {
  const doc = new PDFDocument({
    // No default font: pdfkit would load Helvetica's metrics for nothing.
    font: null as never,
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: outline.lang,
    displayTitle: true,
    info: {
      Title: outline.title,
      Author: outline.author,
      Subject: outline.subject,
      Keywords: outline.keywords.join(', '),
      Creator: 'piano',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = fonts();
  for (const name of Object.keys(f) as FontName[]) {
    doc.registerFont(name, f[name] as never, name);
    shareLayoutCache(doc, name);
  }
  doc.font('regular').fontSize(BODY_SIZE).fillColor(COLOR.text);

  const w = new PdfWriter(doc, outline);
  w.cover();
  const tocPages = w.reserveToc();
  doc.addPage();
  for (const block of outline.blocks) w.block(block);
  w.writeToc(tocPages);
  w.pageFurniture();
  w.root.end();
  doc.end();
  return done;
}

class PdfWriter {
  readonly root: Struct;
  private readonly toc: TocEntry[] = [];
  private tocStruct: Struct | undefined;
  private tableNumber = 0;
  private figureNumber = 0;
  private outlineParents: (PDFKit.PDFOutline | undefined)[] = [];

  constructor(
    private readonly doc: Doc,
    private readonly outline: DocumentOutline,
  ) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  private get maxY(): number {
    return PAGE.height - MARGIN.bottom;
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.maxY && this.doc.y > MARGIN.top + 1) this.doc.addPage();
  }

  private add(type: string, draw: () => void, options: Record<string, string> = {}) {
    this.root.add(this.doc.struct(type, options, [draw]));
  }

  cover() {
    const { doc, outline } = this;
    const c = outline.cover;
    doc.markContent('Artifact', { type: 'Layout' } as never);
    doc.rect(0, 0, PAGE.width, 14).fill('#0066CC');
    doc.rect(MARGIN.left, 300, 60, 4).fill('#0066CC');
    doc.endMarkedContent();
    doc.fillColor(COLOR.heading);
    this.add('P', () => {
      doc
        .font('bold')
        .fontSize(24)
        .text(c.organization, MARGIN.left, 150, { width: CONTENT_WIDTH });
    });
    for (const line of c.organizationDetails) {
      this.add('P', () => {
        doc
          .font('regular')
          .fontSize(12)
          .fillColor(COLOR.muted)
          .text(line, { width: CONTENT_WIDTH });
      });
    }
    doc.y = 320;
    this.add('P', () => {
      doc.font('bold').fontSize(28).fillColor(COLOR.text).text(c.title, MARGIN.left, 320, {
        width: CONTENT_WIDTH,
        lineGap: -6,
      });
    });
    doc.moveDown(0.3);
    this.add('P', () => {
      doc
        .font('semibold')
        .fontSize(16)
        .fillColor(COLOR.heading)
        .text(c.period, { width: CONTENT_WIDTH });
    });
    doc.moveDown(1.2);
    for (const line of c.details) {
      this.add('P', () => {
        doc
          .font('regular')
          .fontSize(11.5)
          .fillColor(COLOR.text)
          .text(line, { width: CONTENT_WIDTH });
      });
      doc.moveDown(0.35);
    }
    doc.fillColor(COLOR.text);
  }

  /** Adds the pages the table of contents will need, and returns their indexes. */
  reserveToc(): number[] {
    const { doc } = this;
    const entries = this.outline.blocks.filter(
      (b): b is HeadingBlock => b.kind === 'heading' && b.level <= 2,
    );
    let height = 44;
    for (const e of entries) height += this.tocEntryHeight(e.text, e.level) + 3;
    const available = this.maxY - MARGIN.top;
    const count = Math.max(1, Math.ceil(height / available));
    const pages: number[] = [];
    for (let i = 0; i < count; i += 1) {
      doc.addPage();
      pages.push(this.pageIndex);
    }
    this.tocStruct = doc.struct('TOC');
    this.root.add(this.tocStruct);
    return pages;
  }

  private tocEntryHeight(text: string, level: number) {
    this.doc.font(level === 1 ? 'semibold' : 'regular').fontSize(level === 1 ? 11 : 10.5);
    return this.doc.heightOfString(text, { width: CONTENT_WIDTH - 50 - (level - 1) * 16 });
  }

  writeToc(pages: number[]) {
    const { doc } = this;
    const toc = this.tocStruct;
    if (!toc || pages[0] === undefined) return;
    let pageCursor = 0;
    doc.switchToPage(pages[0]);
    doc.x = MARGIN.left;
    doc.y = MARGIN.top;
    toc.add(
      doc.struct('H1', {}, [
        () => {
          doc.font('bold').fontSize(HEADING[1].size).fillColor(COLOR.heading);
          doc.text(this.outline.tocTitle, MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH });
        },
      ]),
    );
    doc.y += 14;
    for (const e of this.toc) {
      const indent = (e.level - 1) * 16;
      const height = this.tocEntryHeight(e.text, e.level);
      if (doc.y + height > this.maxY) {
        pageCursor += 1;
        const next = pages[pageCursor];
        if (next === undefined) break;
        doc.switchToPage(next);
        doc.y = MARGIN.top;
      }
      const y = doc.y;
      const titleWidth = CONTENT_WIDTH - 50 - indent;
      // TOCI > Link, so that the entry's link annotations are tagged with their Link element.
      const link = doc.struct('Link', {}, [
        () => {
          const size = e.level === 1 ? 11 : 10.5;
          doc
            .font(e.level === 1 ? 'semibold' : 'regular')
            .fontSize(size)
            .fillColor(COLOR.text);
          doc.text(e.text, MARGIN.left + indent, y, { width: titleWidth, link: pageLink(e.page) });
          const afterY = doc.y;
          const oneLine = doc.widthOfString(e.text) <= titleWidth;
          const number = String(e.page + 1);
          const numberWidth = doc.widthOfString(number);
          if (oneLine) {
            const from = MARGIN.left + indent + doc.widthOfString(e.text) + 4;
            const to = MARGIN.left + CONTENT_WIDTH - numberWidth - 4;
            const baseline = y + size * 0.95;
            if (to > from) {
              doc
                .save()
                .lineWidth(0.8)
                .lineCap('round')
                .dash(0.01, { space: 3 })
                .strokeColor(COLOR.muted)
                .moveTo(from, baseline)
                .lineTo(to, baseline)
                .stroke()
                .undash()
                .restore();
            }
          }
          doc.text(number, MARGIN.left + CONTENT_WIDTH - numberWidth, y, {
            lineBreak: false,
            link: pageLink(e.page),
          });
          doc.y = afterY;
        },
      ]);
      toc.add(doc.struct('TOCI', {}, [link]));
      doc.y += e.level === 1 ? 5 : 2.5;
    }
    toc.end();
  }

  block(block: Block) {
    switch (block.kind) {
      case 'heading':
        return this.heading(block);
      case 'paragraph':
        return this.paragraph(block.runs, block.style === 'note');
      case 'list':
        return this.list(block.items);
      case 'fields':
        for (const item of block.items) {
          this.paragraph([{ text: `${item.label}: `, bold: true }, ...item.value], false, 3);
        }
        return;
      case 'table':
        return this.table(block);
      case 'chart':
        return this.chart(block);
      case 'pageBreak':
        this.doc.addPage();
        return;
    }
  }

  private heading(h: HeadingBlock) {
    const { doc } = this;
    const style = HEADING[h.level];
    if (h.level === 1) {
      if (doc.y > MARGIN.top + 1) doc.addPage();
    } else {
      doc.y += style.before;
      doc.font('bold').fontSize(style.size);
      const height = doc.heightOfString(h.text, { width: CONTENT_WIDTH });
      this.ensureSpace(height + 60);
    }
    doc.x = MARGIN.left;
    doc.addNamedDestination(h.id, 'XYZ', MARGIN.left, doc.y, null as never);
    this.addBookmark(h);
    if (h.level <= 2)
      this.toc.push({ level: h.level, text: h.text, id: h.id, page: this.pageIndex });
    this.add(`H${h.level}`, () => {
      doc
        .font('bold')
        .fontSize(style.size)
        .fillColor(h.level <= 2 ? COLOR.heading : COLOR.text);
      doc.text(h.text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    });
    doc.fillColor(COLOR.text);
    doc.y += style.after;
  }

  private addBookmark(h: HeadingBlock) {
    if (h.level > 3) return;
    const parent = h.level === 1 ? this.doc.outline : this.outlineParents[h.level - 1];
    if (!parent) return;
    const item = parent.addItem(h.text);
    this.outlineParents[h.level] = item;
    this.outlineParents.length = h.level + 1;
  }

  private paragraph(runs: Run[], note = false, after = 6) {
    const { doc } = this;
    const size = note ? 9 : BODY_SIZE;
    doc.font('regular').fontSize(size);
    this.ensureSpace(size * 2.6);
    doc.x = MARGIN.left;
    this.root.add(
      this.runsStruct('P', runs, size, note ? COLOR.muted : COLOR.text, MARGIN.left, CONTENT_WIDTH),
    );
    doc.y += after;
  }

  /**
   * A structure element holding runs of text. Text with links gets one Span or Link element per
   * run, so that each link annotation belongs to its Link element as tagged PDF requires.
   */
  private runsStruct(
    type: string,
    runs: Run[],
    size: number,
    color: string,
    x: number,
    width: number,
  ) {
    const { doc } = this;
    const y = doc.y;
    const draw = (r: Run, i: number) => () => {
      doc
        .font(r.bold ? 'bold' : r.italic ? 'italic' : 'regular')
        .fontSize(size)
        .fillColor(r.link ? COLOR.link : color);
      const options = {
        width,
        continued: i < runs.length - 1,
        link: r.link ?? null,
        underline: !!r.link,
        lineGap: 1.5,
      } as PDFKit.Mixins.TextOptions;
      if (i === 0) doc.text(r.text, x, y, options);
      else doc.text(r.text, options);
      doc.fillColor(COLOR.text);
    };
    if (!runs.some((r) => r.link)) {
      return doc.struct(type, {}, [() => runs.forEach((r, i) => draw(r, i)())]);
    }
    const element = doc.struct(type);
    runs.forEach((r, i) => element.add(doc.struct(r.link ? 'Link' : 'Span', {}, [draw(r, i)])));
    element.end();
    return element;
  }

  private list(items: Run[][]) {
    const { doc } = this;
    const list = doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      doc.font('regular').fontSize(BODY_SIZE);
      this.ensureSpace(BODY_SIZE * 1.6);
      const y = doc.y;
      const li = doc.struct('LI');
      list.add(li);
      li.add(
        doc.struct('Lbl', {}, [
          () => {
            doc.font('regular').fontSize(BODY_SIZE).fillColor(COLOR.heading);
            doc.text('•', MARGIN.left + 6, y, { lineBreak: false });
          },
        ]),
      );
      doc.y = y;
      li.add(
        this.runsStruct('LBody', item, BODY_SIZE, COLOR.text, MARGIN.left + 18, CONTENT_WIDTH - 18),
      );
      li.end();
      doc.y += 2.5;
    }
    list.end();
    doc.x = MARGIN.left;
    doc.y += 4;
  }

  private table(t: TableBlock) {
    const { doc } = this;
    const size = t.compact ? 8.5 : 9.5;
    const pad = 4;
    const totalWeight = t.columns.reduce((s, c) => s + c.weight, 0);
    const widths = t.columns.map((c) => (c.weight / totalWeight) * CONTENT_WIDTH);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((s, v) => s + v, 0));
    const textWidth = (i: number) => (widths[i] ?? 0) - pad * 2;
    const setFont = (bold: boolean) => doc.font(bold ? 'bold' : 'regular').fontSize(size);
    const textHeight = (text: string, i: number, bold: boolean) => {
      if (!text) return 0;
      setFont(bold);
      // Most cells hold one short line: measuring its width is cheaper than wrapping it.
      if (!text.includes('\n') && doc.widthOfString(text) <= textWidth(i)) {
        return doc.currentLineHeight(true) + 1;
      }
      return doc.heightOfString(text, { width: textWidth(i), lineGap: 1 });
    };
    const rowHeight = (texts: string[], bold: boolean[]) =>
      Math.max(...texts.map((text, i) => textHeight(text, i, bold[i] ?? false)), size) + pad * 2;
    const headerTexts = t.columns.map((c) => c.header);
    const headerBold = headerTexts.map(() => true);
    const headerHeight = rowHeight(headerTexts, headerBold);
    this.tableNumber += 1;
    const caption = `Tabella ${this.tableNumber} – ${t.caption}`;

    const firstRow = t.rows[0] ?? t.totals?.[0] ?? [];
    const firstHeight = rowHeight(firstRow.map(cellText), firstRow.map(cellBold));
    this.ensureSpace(22 + headerHeight + Math.min(firstHeight, 200));
    const table = doc.struct('Table');
    this.root.add(table);
    table.add(
      doc.struct('Caption', {}, [
        () => {
          doc.font('bold').fontSize(9.5).fillColor(COLOR.muted);
          doc.text(caption, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
        },
      ]),
    );
    doc.y += 3;

    /** Background and rules of one row (or part of a row): layout, not content. */
    const decorate = (y: number, height: number, kind: 'header' | 'body' | 'total') => {
      doc.markContent('Artifact', { type: 'Layout' } as never);
      if (kind !== 'body') {
        doc
          .rect(MARGIN.left, y, CONTENT_WIDTH, height)
          .fill(kind === 'header' ? COLOR.headerFill : COLOR.totalFill);
      }
      doc
        .lineWidth(kind === 'total' ? 1 : 0.5)
        .strokeColor(kind === 'body' ? COLOR.rule : COLOR.heading)
        .moveTo(MARGIN.left, y + height)
        .lineTo(MARGIN.left + CONTENT_WIDTH, y + height)
        .stroke();
      if (kind === 'total') {
        doc
          .moveTo(MARGIN.left, y)
          .lineTo(MARGIN.left + CONTENT_WIDTH, y)
          .stroke();
      }
      doc.endMarkedContent();
    };
    const drawText = (text: string, i: number, y: number, bold: boolean, header: boolean) => {
      if (!text) return;
      setFont(bold).fillColor(header ? COLOR.heading : COLOR.text);
      doc.text(text, (xs[i] ?? 0) + pad, y + pad, {
        width: textWidth(i),
        align: t.columns[i]?.align ?? 'left',
        lineGap: 1,
      });
    };
    const cellStruct = (i: number, kind: 'header' | 'body' | 'total') => {
      const isHeader = kind === 'header' || (i === 0 && t.rowHeaders === true && kind === 'body');
      const options = isHeader ? { scope: kind === 'header' ? 'Column' : 'Row' } : {};
      return doc.struct(isHeader ? 'TH' : 'TD', options as never);
    };
    /** The header row again on a new page: a repetition, so an artifact. */
    const repeatHeader = () => {
      const y = doc.y;
      decorate(y, headerHeight, 'header');
      doc.markContent('Artifact', { type: 'Pagination' } as never);
      headerTexts.forEach((text, i) => drawText(text, i, y, true, true));
      doc.endMarkedContent();
      doc.x = MARGIN.left;
      doc.y = y + headerHeight;
    };
    const newPage = () => {
      doc.addPage();
      repeatHeader();
    };

    /**
     * One row: moved to the next page when it does not fit, and split across pages (each cell
     * continuing in the same TD) only when it is taller than a whole page.
     */
    const row = (
      cells: string[],
      bold: boolean[],
      kind: 'header' | 'body' | 'total',
      parent: Struct,
    ) => {
      const tr = doc.struct('TR');
      parent.add(tr);
      const tds = cells.map((_, i) => {
        const td = cellStruct(i, kind);
        tr.add(td);
        return td;
      });
      let remaining = cells;
      let moved = false;
      while (remaining.some((text) => text !== '')) {
        const room = this.maxY - doc.y;
        const height = rowHeight(remaining, bold);
        let part = remaining;
        let partHeight = height;
        if (height > room) {
          const pageRoom = this.maxY - MARGIN.top - headerHeight;
          if (!moved && height <= pageRoom) {
            moved = true;
            newPage();
            continue;
          }
          const split = remaining.map((text, i) =>
            this.splitToFit(text, textWidth(i), room - pad * 2, () => setFont(bold[i] ?? false)),
          );
          if (split.every(([fit]) => fit === '')) {
            newPage();
            continue;
          }
          part = split.map(([fit]) => fit);
          partHeight = room;
          remaining = split.map(([, rest]) => rest);
        } else {
          remaining = remaining.map(() => '');
        }
        const y = doc.y;
        decorate(y, partHeight, kind);
        part.forEach((text, i) => {
          if (text) tds[i]!.add(() => drawText(text, i, y, bold[i] ?? false, kind === 'header'));
        });
        doc.x = MARGIN.left;
        doc.y = y + partHeight;
        if (remaining.some((text) => text !== '')) newPage();
      }
      tds.forEach((td) => td.end());
      tr.end();
    };

    const thead = doc.struct('THead');
    table.add(thead);
    row(headerTexts, headerBold, 'header', thead);
    thead.end();
    const tbody = doc.struct('TBody');
    table.add(tbody);
    for (const r of t.rows) row(r.map(cellText), r.map(cellBold), 'body', tbody);
    for (const r of t.totals ?? [])
      row(
        r.map(cellText),
        r.map(() => true),
        'total',
        tbody,
      );
    tbody.end();
    table.end();
    doc.fillColor(COLOR.text);
    doc.y += 12;
  }

  /**
   * Splits a cell's text at a word boundary so that the first part fits `height` at `width`:
   * [what fits, the rest]. A single word too long for the room goes whole into the rest.
   */
  private splitToFit(
    text: string,
    width: number,
    height: number,
    setFont: () => void,
  ): [string, string] {
    if (!text) return ['', ''];
    setFont();
    if (this.doc.heightOfString(text, { width, lineGap: 1 }) <= height) return [text, ''];
    const tokens = text.split(/(\s+)/);
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const candidate = tokens.slice(0, mid).join('').trimEnd();
      if (this.doc.heightOfString(candidate, { width, lineGap: 1 }) <= height) lo = mid;
      else hi = mid - 1;
    }
    return [tokens.slice(0, lo).join('').trimEnd(), tokens.slice(lo).join('').trimStart()];
  }

  private chart(c: ChartBlock) {
    const { doc } = this;
    const scene = chartScene(c.chart);
    const scale = Math.min(1, CONTENT_WIDTH / scene.width);
    const height = scene.height * scale;
    this.figureNumber += 1;
    this.ensureSpace(height + 30);
    const top = doc.y + 4;
    this.add('Figure', () => drawScene(doc, scene, MARGIN.left, top, scale), {
      alt: c.chart.description,
    });
    doc.x = MARGIN.left;
    doc.y = top + height + 6;
    this.add('Caption', () => {
      doc.font('italic').fontSize(9).fillColor(COLOR.muted);
      doc.text(`Figura ${this.figureNumber} – ${c.caption}`, MARGIN.left, doc.y, {
        width: CONTENT_WIDTH,
      });
    });
    doc.fillColor(COLOR.text);
    doc.y += 12;
  }

  /** Running header and "Pagina N di M" footer on every page but the cover. */
  pageFurniture() {
    const { doc, outline } = this;
    const range = doc.bufferedPageRange();
    const total = range.count;
    for (let i = range.start + 1; i < range.start + total; i += 1) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' } as never);
      doc.font('regular').fontSize(8.5).fillColor(COLOR.muted);
      const left = fitWidth(doc, outline.header, CONTENT_WIDTH * 0.45);
      const leftWidth = doc.widthOfString(left);
      const right = fitWidth(doc, outline.title, CONTENT_WIDTH - leftWidth - 24);
      doc.text(left, MARGIN.left, 38, { lineBreak: false });
      doc.text(right, MARGIN.left + CONTENT_WIDTH - doc.widthOfString(right), 38, {
        lineBreak: false,
      });
      doc
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .moveTo(MARGIN.left, 52)
        .lineTo(MARGIN.left + CONTENT_WIDTH, 52)
        .stroke();
      const footer = `Pagina ${i + 1} di ${total}`;
      doc.text(footer, MARGIN.left, PAGE.height - 40, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
    doc.switchToPage(range.start + total - 1);
  }
}

/** A link to a page by its index: pdfkit accepts a number where its types only say string. */
const pageLink = (index: number) => index as unknown as string;

/** The text, cut with "…" to fit `width` in the current font. */
function fitWidth(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let out = text;
  while (out.length > 1 && doc.widthOfString(`${out}…`) > width) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

/** Draws a chart scene (see charts.ts) as vector graphics and real text. */
function drawScene(doc: Doc, scene: Scene, x0: number, y0: number, scale: number) {
  doc.save();
  for (const s of scene.shapes) {
    if (s.type === 'rect') {
      doc
        .rect(x0 + s.x * scale, y0 + s.y * scale, s.w * scale, s.h * scale)
        .fillOpacity(s.opacity ?? 1)
        .fill(s.fill)
        .fillOpacity(1);
    } else if (s.type === 'line') {
      doc.lineWidth(s.width * scale).strokeColor(s.stroke);
      if (s.dash) doc.dash(4 * scale, { space: 3 * scale });
      doc
        .moveTo(x0 + s.x1 * scale, y0 + s.y1 * scale)
        .lineTo(x0 + s.x2 * scale, y0 + s.y2 * scale)
        .stroke();
      if (s.dash) doc.undash();
    } else if (s.type === 'diamond') {
      const cx = x0 + s.cx * scale;
      const cy = y0 + s.cy * scale;
      const r = s.r * scale;
      doc.polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]).fill(s.fill);
    } else {
      const size = s.size * scale;
      doc
        .font(s.bold ? 'bold' : s.italic ? 'italic' : 'regular')
        .fontSize(size)
        .fillColor(s.fill);
      const width = doc.widthOfString(s.text);
      const left = s.anchor === 'start' ? 0 : s.anchor === 'middle' ? width / 2 : width;
      doc.text(s.text, x0 + s.x * scale - left, y0 + s.y * scale, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
    }
  }
  doc.restore();
  doc.fillColor(COLOR.text);
}
