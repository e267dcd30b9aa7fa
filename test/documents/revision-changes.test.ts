import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '../../src/operations/callers.js';
import { loadPlanDocument } from '../../src/operations/load-plan-document.js';
import { renderExport } from '../../src/operations/render-export.js';
import { startPlanRevision } from '../../src/operations/start-plan-revision.js';
import type { Db } from '../../src/storage/db.js';
import { openTestDb } from '../support/db.js';
import { moveRemoveAdd } from '../support/revisions.js';
import { docxParagraphs, docxParts, flat, pdfPages } from './support.js';

const principal = COMMAND_LINE;
const HEADING = 'Cosa cambia rispetto alla revisione precedente';
let db: Db;
let demoId: string;
let revisionId: string;

beforeAll(async () => {
  db = await openTestDb();
  const input = JSON.parse(await readFile('data/demo/plan.json', 'utf8'));
  demoId = (await loadPlanDocument({ db, actor: { userId: null, name: 'test' }, input })).planId;
  revisionId = (
    await startPlanRevision({
      db,
      principal,
      planId: demoId,
      period: 'same',
      revisionLabel: 'Aggiornamento 2026',
      completed: 'carry',
    })
  ).planId;
  await moveRemoveAdd(db, revisionId, 'Prenotazioni online');
});
afterAll(async () => db.close());

const render = async (planId: string, file: string) =>
  (await renderExport({ db, principal, planId, file, baseUrl: 'http://localhost/' })).file.body;

describe('the plan document’s section on what changes from the previous revision', () => {
  it('lists the moved deadline, the removed and the added action in the DOCX', async () => {
    const body = (await render(revisionId, 'plan.docx')) as Buffer;
    const xml = (await docxParts(body))['word/document.xml'] ?? '';
    const paragraphs = docxParagraphs(xml).map((p) => p.text);
    // The last paragraph with the heading's words: the contents list it first.
    const at = paragraphs.map((t) => t.endsWith(HEADING)).lastIndexOf(true);
    expect(at).toBeGreaterThan(-1);
    const section = paragraphs.slice(at, at + 8).join('\n');
    expect(section).toContain('Rispetto alla revisione precedente (');
    expect(section).toContain('Azione aggiunta: Prenotazioni online');
    expect(section).toMatch(/Azione tolta: /);
    expect(section).toContain('Scadenza spostata:');
    expect(section).toContain('da 31 dicembre 2025 a 30 giugno 2026');
  });

  it('says the same in the PDF text and the HTML page', async () => {
    const pages = await pdfPages((await render(revisionId, 'plan.pdf')) as Buffer);
    const text = flat(pages.join(' '));
    expect(text).toContain(HEADING);
    expect(text).toContain('Azione aggiunta: Prenotazioni online');
    expect(text).toContain('da 31 dicembre 2025 a 30 giugno 2026');
    const html = String(await render(revisionId, 'plan.html'));
    expect(html).toContain(HEADING);
    expect(html).toContain('Azione aggiunta: Prenotazioni online');
  });

  it('is absent from a plan that no revision preceded', async () => {
    const html = String(await render(demoId, 'plan.html'));
    expect(html).not.toContain(HEADING);
  });
});
