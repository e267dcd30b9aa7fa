import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { editionForPlan, findLine } from '../../src/domain/catalog/catalog.js';
import type { PlanDocument } from '../../src/domain/model/interchange.js';
import { parsePlanDocument } from '../../src/catalog/parse-plan-document.js';
import { planDocument } from '../support/factories.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The demo plan (49 actions), validated and interpreted as `piano load` would. */
export function demoPlan(): PlanDocument {
  return parsePlanDocument(JSON.parse(readFileSync(join(ROOT, 'data/demo/plan.json'), 'utf8')));
}

/** The demo plan file as a loader reads it, with `code` also linked to its first action. */
export function demoInputLinking(code: string): Record<string, unknown> & {
  actions: { catalogRefs: string[] }[];
} {
  const input = JSON.parse(readFileSync(join(ROOT, 'data/demo/plan.json'), 'utf8'));
  input.actions[0].catalogRefs.push(code);
  return input;
}

/**
 * Codes for the catalog title tests, read from the shipped catalog: `linked`, the first code the
 * demo plan links, with its `title` in the plan's edition; `foreign`, a line of another edition,
 * which links accept (the catalog knows it) but which has no title in the plan's edition.
 */
export function catalogSample() {
  const catalog = loadCatalog();
  const doc = demoPlan();
  const edition = editionForPlan(catalog, doc.plan);
  const linked = doc.actions[0]!.catalogRefs[0]!;
  const title = findLine(edition, linked)?.title;
  const foreign = catalog.editions
    .filter((e) => e !== edition)
    .flatMap((e) => e.lines.map((l) => l.code))
    .find((code) => !findLine(edition, code));
  if (!title || !foreign) throw new Error('the catalog no longer fits the title tests');
  return { linked, title, foreign, text: `${linked} – ${title}` };
}

/**
 * A small hand-made plan whose texts carry what breaks naive writers: commas, quotes, a line
 * break, an ampersand, angle brackets, leading spaces, accents and the euro sign.
 */
export function smallPlan(): PlanDocument {
  const input = planDocument({ name: 'Comune di Sant’Agata & Uniti', status: 'draft' });
  const [a1, a2] = input.actions as Record<string, unknown>[];
  Object.assign(a1 as object, {
    title: 'Subentro in ANPR, "stato civile" e <liste elettorali>',
    description: 'Prima riga.\nSeconda riga, con virgola; e punto e virgola.',
    expectedResults: ['Certificati online: più del 50%', '  spazi iniziali'],
  });
  Object.assign(a2 as object, { title: 'Nuovo sito — città più accessibile (€ e à)' });
  return parsePlanDocument(input);
}

/** Every action title of a plan. */
export const actionTitles = (doc: PlanDocument) => doc.actions.map((a) => a.title);

/** A structure element as pdf.js reads it; `alt` is not in pdf.js's own type. */
interface StructNode {
  role: string;
  alt?: string;
  children?: (StructNode | { type: string; id: string })[];
}

/**
 * Opens a PDF with pdf.js, hands it to `fn` and frees it. The legacy build, as the importer uses
 * it: plain Node, no worker thread, no font faces; the fonts are embedded, so no standard font
 * data is needed. Loaded on first use, so tests that read no PDF do not pay for it. The bytes
 * are copied: the caller's buffer stays as it was.
 */
async function withPdf<T>(pdf: Buffer, fn: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    return await fn(doc);
  } finally {
    await doc.destroy();
  }
}

/** A text content item's string with its line end, or '' for a marked-content marker. */
const itemText = (item: object) =>
  'str' in item ? `${item.str as string}${'hasEOL' in item && item.hasEOL ? '\n' : ''}` : '';

/**
 * The PDF's text, one string per page, in the order it was drawn (so a table cell's lines stay
 * together instead of being interleaved with the neighbouring cells' lines), with a line end
 * wherever pdf.js sees the text move to a new line.
 */
export function pdfPages(pdf: Buffer): Promise<string[]> {
  return withPdf(pdf, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const { items } = await page.getTextContent();
      pages.push(`${items.map(itemText).join('')}\n`);
    }
    return pages;
  });
}

/** Text with runs of white space (line ends included) collapsed into single spaces. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** What viewers and assistive technology read from the PDF's catalog and information. */
export interface PdfInfo {
  pages: number;
  /** `/MarkInfo << /Marked true >>`: the PDF declares itself tagged. */
  tagged: boolean;
  /** The header's version, e.g. "1.7". */
  version: string;
  title: string | undefined;
  author: string | undefined;
  /** The catalog's `/Lang`. */
  language: string | undefined;
  /** The viewer preference that shows the title instead of the file name. */
  displayDocTitle: boolean;
}

export function pdfInfo(pdf: Buffer): Promise<PdfInfo> {
  return withPdf(pdf, async (doc) => {
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    const text = (key: string) => (typeof info[key] === 'string' ? info[key] : undefined);
    const preferences = (await doc.getViewerPreferences()) as Record<string, unknown> | null;
    return {
      pages: doc.numPages,
      tagged: (await doc.getMarkInfo())?.Marked === true,
      version: String(info['PDFFormatVersion']),
      title: text('Title'),
      author: text('Author'),
      language: text('Language'),
      displayDocTitle: preferences?.['DisplayDocTitle'] === true,
    };
  });
}

/** A structure element on one page: its role, alternative text and the text it holds there. */
export interface PdfTag {
  role: string;
  alt: string | undefined;
  /** The text of the marked content under it on this page, white space collapsed. */
  text: string;
  page: number;
  children: PdfTag[];
}

/**
 * The structure tree as pdf.js gives it page by page: every element, parents before their
 * children, each with the text of the content it marks on that page. An element whose content
 * runs over several pages (a table, a paragraph) appears once per page.
 */
export function pdfTags(pdf: Buffer): Promise<PdfTag[]> {
  return withPdf(pdf, async (doc) => {
    const tags: PdfTag[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      // Marked content can nest (an artifact inside a paragraph): text belongs to the innermost
      // sequence, and only sequences with an id belong to the structure tree.
      const content = new Map<string, string>();
      const open: (string | null)[] = [];
      for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
        if ('type' in item && item.type === 'beginMarkedContentProps') open.push(item.id);
        else if ('type' in item && item.type === 'beginMarkedContent') open.push(null);
        else if ('type' in item && item.type === 'endMarkedContent') open.pop();
        else {
          const current = open.at(-1);
          if (current) content.set(current, (content.get(current) ?? '') + itemText(item));
        }
      }
      const visit = (node: StructNode): PdfTag => {
        const children: PdfTag[] = [];
        let text = '';
        for (const child of node.children ?? []) {
          if ('role' in child) {
            const tag = visit(child);
            children.push(tag);
            text += ` ${tag.text}`;
          } else text += ` ${content.get(child.id) ?? ''}`;
        }
        return { role: node.role, alt: node.alt, text: flat(text).trim(), page: n, children };
      };
      const flatten = (tag: PdfTag): PdfTag[] => [tag, ...tag.children.flatMap(flatten)];
      const root = visit((await page.getStructTree()) as StructNode);
      tags.push(...root.children.flatMap(flatten));
    }
    return tags;
  });
}

/** The DOCX's parts, unzipped. */
export async function docxParts(docx: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file && /\.(xml|rels)$/.test(name)) parts[name] = await file.async('string');
  }
  return parts;
}

const XML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/** The paragraphs of a WordprocessingML part: each paragraph's style and its text. */
export function docxParagraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1] ?? '')
      .join('')
      .replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e),
  }));
}
