import { PianoError } from '../domain/errors.js';
import { parsePlanDocument } from '../catalog/parse-plan-document.js';
import { buildDraft, type Draft } from './build-draft.js';
import type { ActionModel } from './scoring.js';
import { dehyphenate, joinSpacedLetters } from './clean/text-cleanup.js';
import { convertDocx } from './converters/docx.js';
import { convertHtml } from './converters/html.js';
import { convertMarkdown } from './converters/markdown.js';
import { convertPdf } from './converters/pdf.js';
import { convertText } from './converters/text.js';
import { detectFormat } from './detect-format.js';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js';
import type { SourceFormat, TextDocument } from './text-model.js';

export interface ImportOptions {
  /** The file's name: tells Markdown and HTML from plain text when the content does not. */
  fileName?: string;
  limits?: Partial<ImportLimits>;
  /** The model that weighs candidate actions (see scoring.ts); null keeps them all. */
  actionModel?: ActionModel | null;
}

/** One line (or paragraph, or table row) of the source text, where it was. */
export interface SourceLine {
  page: number | null;
  line: number;
  text: string;
}

/** The draft, and what it was read from. */
export interface ImportResult extends Draft {
  source: { fileName: string | null; format: SourceFormat; pages: number | null; bytes: number };
  /** The text the draft was read from, for a reviewer to see each item beside its source. */
  lines: SourceLine[];
}

/**
 * Reads a plan written as DOCX, PDF, HTML, Markdown or text and returns a draft in the
 * interchange format, with where each item came from and how sure the importer is. Nothing is
 * stored. Files that cannot be read throw a PianoError with code unsupported_file,
 * unreadable_file or file_too_large and an Italian message saying what to do.
 */
export async function importPlanFile(
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxBytes) {
    throw new PianoError(
      'file_too_large',
      `Il file pesa ${mb(bytes.length)}: il limite per l’importazione è ${mb(limits.maxBytes)}`,
    );
  }
  const detected = detectFormat(bytes, options.fileName);
  if (detected.text !== null && detected.text.length > limits.maxTextChars) {
    throw new PianoError('file_too_large', 'Il file contiene troppo testo per essere un piano');
  }
  const doc = await convert(detected.format, detected.text, bytes, limits);
  const draft = withoutUnknownLinks(
    buildDraft(repairWrapped(doc), { actionModel: options.actionModel }),
  );
  return {
    ...draft,
    source: {
      fileName: options.fileName ?? null,
      format: doc.format,
      pages: doc.pages,
      bytes: bytes.length,
    },
    lines: sourceLines(doc),
  };
}

function sourceLines(doc: TextDocument): SourceLine[] {
  return doc.blocks
    .map((b) => ({ ...b.source, text: b.text || (b.cells ?? []).join(' | ') }))
    .filter((l) => l.text.trim() !== '');
}

const LINK_FIELD =
  /^\/(actions\/(\d+)\/(?:pnrrMeasures|catalogRefs)\/(\d+)|spending\/(\d+)\/pnrrMeasure)$/;

/**
 * The draft must load as it is. The only problems it may have are links the national catalog
 * does not know (a PNRR measure the plan names that the catalog lacks): those are dropped and
 * reported. Anything else is a bug of the importer, not of the file, and is thrown.
 */
function withoutUnknownLinks(draft: Draft): Draft {
  try {
    parsePlanDocument(structuredClone(draft.document));
    return draft;
  } catch (error) {
    if (!(error instanceof PianoError) || error.code !== 'validation') throw error;
    const links = error.problems.map((p) => LINK_FIELD.exec(p.field));
    if (links.some((m) => m === null)) throw error;
    const document = structuredClone(draft.document);
    const dropped: string[] = [];
    // Last first, so removing one entry leaves the indices of the others valid.
    for (const m of [...links].reverse()) {
      const [, path = '', action, index, spending] = m ?? [];
      if (spending !== undefined) {
        const item = document.spending[Number(spending)];
        if (item?.pnrrMeasure) dropped.push(item.pnrrMeasure);
        if (item) item.pnrrMeasure = null;
        continue;
      }
      const a = document.actions[Number(action)];
      const list = path.includes('/catalogRefs/') ? a?.catalogRefs : a?.pnrrMeasures;
      dropped.push(...(list?.splice(Number(index), 1) ?? []));
    }
    parsePlanDocument(structuredClone(document));
    const warning = `Misure o codici non presenti nel catalogo nazionale, non collegati: ${[...new Set(dropped)].join(', ')}`;
    return { ...draft, document, warnings: [...draft.warnings, warning] };
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function convert(
  format: SourceFormat,
  text: string | null,
  bytes: Uint8Array,
  limits: ImportLimits,
): Promise<TextDocument> | TextDocument {
  switch (format) {
    case 'pdf':
      return convertPdf(bytes, limits);
    case 'docx':
      return convertDocx(bytes, limits);
    case 'html':
      return convertHtml(text ?? '');
    case 'markdown':
      return convertMarkdown(text ?? '');
    default:
      return convertText(text ?? '');
  }
}

/** Text pasted from a PDF has the PDF's broken words too: the same repairs apply. */
function repairWrapped(doc: TextDocument): TextDocument {
  if (!doc.wrapped || doc.format === 'pdf') return doc;
  const texts = dehyphenate(doc.blocks.map((b) => b.text));
  const blocks = doc.blocks.map((b, k) =>
    b.kind === 'paragraph' || b.kind === 'item'
      ? { ...b, text: joinSpacedLetters(texts[k] ?? b.text) }
      : b,
  );
  return { ...doc, blocks };
}
