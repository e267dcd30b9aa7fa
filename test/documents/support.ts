import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { editionForPlan, findLine } from '../../src/domain/catalog/catalog.js';
import type { PlanDocument } from '../../src/domain/model/interchange.js';
import { parsePlanDocument } from '../../src/operations/load-plan-document.js';
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

/** Whether Debian's poppler-utils are installed (pdftotext, pdfinfo). */
export const HAS_POPPLER = spawnSync('pdftotext', ['-v']).status === 0;
/** CI installs poppler-utils (.ci/run): there a missing tool must fail, not skip. */
export const REQUIRE_POPPLER = process.env.CI === 'true';

function withTempFile<T>(data: Buffer, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'piano-pdf-'));
  const path = join(dir, 'file.pdf');
  writeFileSync(path, data);
  try {
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The PDF's text as poppler extracts it, one string per page. `raw` keeps the order in which
 * the text was drawn, so a table cell's lines stay together instead of being interleaved with
 * the neighbouring cells' lines.
 */
export function pdfPages(pdf: Buffer, mode: 'reading' | 'raw' = 'reading'): string[] {
  const args = ['-enc', 'UTF-8', ...(mode === 'raw' ? ['-raw'] : [])];
  return withTempFile(pdf, (path) =>
    execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, -1),
  );
}

/** Text with runs of white space (line ends included) collapsed into single spaces. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** `pdfinfo` output as a map: Pages, Tagged, PDF version, Title... */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  return withTempFile(pdf, (path) => {
    const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    return Object.fromEntries(
      out
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    );
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
