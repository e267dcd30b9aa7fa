/**
 * The outline as a Word document (library `docx`): what a council attaches to a deliberation
 * and can still edit. Headings use Word's built-in Heading 1–4 styles (so the navigation pane,
 * the table of contents and screen readers see the structure), lists are real numbered-list
 * paragraphs, tables are real tables with a repeated header row and a caption, charts are PNG
 * images with alternative text, and every page but the cover has a header with the
 * organization's name and a "Pagina N di M" ("Page N of M") footer made of page fields.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { chartPng } from './chart-png.js';
import { labelsFor, langOfTag, type DocumentLabels } from './labels.js';
import {
  cellBold,
  cellText,
  type Block,
  type DocumentOutline,
  type Run,
  type TableBlock,
} from './outline.js';

const FONT = 'Calibri';
const BLUE = '004D99';
const MUTED = '5C6F82';
/** A4 with 2 cm margins: the text is 17 cm wide. */
const TEXT_WIDTH_TWIPS = 9638;
const TEXT_WIDTH_PX = 642;

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

export async function renderDocx(outline: DocumentOutline): Promise<Buffer> {
  const words = labelsFor(langOfTag(outline.lang));
  const writer = new DocxWriter(words);
  const body: FileChild[] = [
    new Paragraph({
      style: 'TOCHeading',
      children: [new TextRun({ text: outline.tocTitle })],
    }),
    new TableOfContents(outline.tocTitle, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  for (const block of outline.blocks) body.push(...writer.block(block));

  const document = new Document({
    title: outline.title,
    subject: outline.subject,
    creator: outline.author,
    keywords: outline.keywords.join(', '),
    description: outline.subject,
    lastModifiedBy: 'piano',
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, language: { value: outline.lang } },
          paragraph: { spacing: { after: 100, line: 276, lineRule: LineRuleType.AUTO } },
        },
        heading1: {
          run: { font: FONT, size: 34, bold: true, color: BLUE },
          paragraph: { spacing: { before: 0, after: 240 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: 28, bold: true, color: BLUE },
          paragraph: { spacing: { before: 320, after: 140 }, keepNext: true },
        },
        heading3: {
          run: { font: FONT, size: 24, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
        },
        heading4: {
          run: { font: FONT, size: 22, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { before: 220, after: 80 }, keepNext: true },
        },
        title: {
          run: { font: FONT, size: 52, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: [
        {
          id: 'Caption',
          name: 'Caption',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 18, bold: true, color: MUTED },
          paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
        },
        {
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 34, bold: true, color: BLUE },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: 'Note',
          name: words.noteStyle,
          basedOn: 'Normal',
          run: { size: 18, color: MUTED },
        },
        {
          id: 'TableText',
          name: words.tableTextStyle,
          basedOn: 'Normal',
          run: { size: 18 },
          paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 240 } } },
            },
          ],
        },
      ],
    },
    sections: [
      { properties: pageProperties(), children: cover(outline) },
      {
        properties: pageProperties(),
        headers: { default: header(outline) },
        footers: { default: footer(words) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function pageProperties() {
  return {
    page: {
      size: { width: 11906, height: 16838 },
      margin: { top: 1418, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 },
    },
  };
}

function cover(outline: DocumentOutline): Paragraph[] {
  const c = outline.cover;
  const line = (
    text: string,
    options: { size: number; bold?: boolean; color?: string; after?: number },
  ) =>
    new Paragraph({
      spacing: { after: options.after ?? 80 },
      children: [
        new TextRun({
          text,
          size: options.size,
          bold: options.bold ?? false,
          color: options.color ?? '1A1A1A',
        }),
      ],
    });
  return [
    new Paragraph({ spacing: { before: 1800 }, children: [] }),
    line(c.organization, { size: 44, bold: true, color: BLUE }),
    ...c.organizationDetails.map((d) => line(d, { size: 22, color: MUTED })),
    new Paragraph({ spacing: { before: c.frame?.length ? 700 : 1400 }, children: [] }),
    ...(c.frame ?? []).map((f, i) =>
      line(f, { size: i === 0 ? 28 : 24, bold: i === 0, color: BLUE, after: 120 }),
    ),
    ...(c.frame?.length ? [new Paragraph({ spacing: { before: 500 }, children: [] })] : []),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { after: 200 },
      children: [new TextRun({ text: c.title })],
    }),
    line(c.period, { size: 30, bold: true, color: BLUE, after: 400 }),
    ...c.details.map((d) => line(d, { size: 22, after: 100 })),
  ];
}

function header(outline: DocumentOutline): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'C5CED8', space: 4 } },
        children: [
          new TextRun({ text: outline.header, size: 16, color: MUTED }),
          new TextRun({ text: `\t${outline.title}`, size: 16, color: MUTED }),
        ],
      }),
    ],
  });
}

function footer(words: DocumentLabels): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            size: 16,
            color: MUTED,
            children: [
              `${words.page} `,
              PageNumber.CURRENT,
              ` ${words.pageOf} `,
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

class DocxWriter {
  private tables = 0;
  private figures = 0;

  constructor(private readonly words: DocumentLabels) {}

  block(block: Block): FileChild[] {
    switch (block.kind) {
      case 'heading': {
        // Chapters start on a new page (the first one after the table of contents).
        const pageBreakBefore = block.level === 1;
        return [
          new Paragraph({
            heading: HEADINGS[block.level],
            pageBreakBefore,
            children: [new TextRun({ text: block.text })],
          }),
        ];
      }
      case 'paragraph':
        return [
          new Paragraph({
            ...(block.style === 'note' ? { style: 'Note' } : {}),
            children: runsOf(block.runs),
          }),
        ];
      case 'list':
        return block.items.map(
          (item) =>
            new Paragraph({
              numbering: { reference: 'bullets', level: 0 },
              spacing: { after: 60 },
              children: runsOf(item),
            }),
        );
      case 'fields':
        return block.items.map(
          (item) =>
            new Paragraph({
              spacing: { after: 60 },
              children: runsOf([{ text: `${item.label}: `, bold: true }, ...item.value]),
            }),
        );
      case 'table':
        return this.table(block);
      case 'chart': {
        this.figures += 1;
        const { png, width, height } = chartPng(block.chart);
        const w = Math.min(TEXT_WIDTH_PX, width);
        return [
          new Paragraph({
            keepNext: true,
            children: [
              new ImageRun({
                type: 'png',
                data: png,
                transformation: { width: w, height: Math.round((height * w) / width) },
                altText: {
                  name: block.id,
                  title: block.caption,
                  description: block.chart.description,
                },
              }),
            ],
          }),
          new Paragraph({
            style: 'Note',
            children: [
              new TextRun({
                text: `${this.words.figure} ${this.figures} – ${block.caption}`,
                italics: true,
              }),
            ],
          }),
        ];
      }
      case 'pageBreak':
        return [new Paragraph({ pageBreakBefore: true, children: [] })];
    }
  }

  private table(t: TableBlock): FileChild[] {
    this.tables += 1;
    const total = t.columns.reduce((s, c) => s + c.weight, 0);
    const widths = t.columns.map((c) => Math.round((c.weight / total) * TEXT_WIDTH_TWIPS));
    const size = t.compact ? 17 : 18;
    const cell = (text: string, i: number, kind: 'header' | 'body' | 'total', bold: boolean) =>
      new TableCell({
        width: { size: widths[i] ?? 0, type: WidthType.DXA },
        margins: { top: 50, bottom: 50, left: 80, right: 80 },
        ...(kind === 'body'
          ? {}
          : {
              shading: {
                type: ShadingType.CLEAR,
                color: 'auto',
                fill: kind === 'header' ? 'E6F0FA' : 'F2F5F8',
              },
            }),
        children: text.split('\n').map(
          (line) =>
            new Paragraph({
              style: 'TableText',
              alignment:
                t.columns[i]?.align === 'right'
                  ? AlignmentType.RIGHT
                  : t.columns[i]?.align === 'center'
                    ? AlignmentType.CENTER
                    : AlignmentType.LEFT,
              children: [
                new TextRun({
                  text: line,
                  size,
                  bold: bold || kind !== 'body',
                  color: kind === 'header' ? BLUE : '1A1A1A',
                }),
              ],
            }),
        ),
      });
    const rows = [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.columns.map((c, i) => cell(c.header, i, 'header', true)),
      }),
      ...t.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cell(cellText(c), i, 'body', cellBold(c))),
          }),
      ),
      ...(t.totals ?? []).map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cell(cellText(c), i, 'total', true)),
          }),
      ),
    ];
    const rule = { style: BorderStyle.SINGLE, size: 4, color: 'C5CED8' };
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    return [
      new Paragraph({
        style: 'Caption',
        children: [new TextRun(`${this.words.table} ${this.tables} – ${t.caption}`)],
      }),
      new Table({
        width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
        columnWidths: widths,
        borders: {
          top: { style: BorderStyle.SINGLE, size: 6, color: BLUE },
          bottom: { style: BorderStyle.SINGLE, size: 6, color: BLUE },
          left: none,
          right: none,
          insideHorizontal: rule,
          insideVertical: none,
        },
        rows,
      }),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
    ];
  }
}

function runsOf(runs: Run[]): ParagraphChild[] {
  return runs.map((r) => {
    const run = new TextRun({
      text: r.text,
      bold: r.bold ?? false,
      italics: r.italic ?? false,
      ...(r.link ? { style: 'Hyperlink' } : {}),
    });
    if (!r.link) return run;
    return r.link.startsWith('#')
      ? new InternalHyperlink({ anchor: r.link.slice(1), children: [run] })
      : new ExternalHyperlink({ link: r.link, children: [run] });
  });
}
