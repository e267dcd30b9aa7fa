import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanDocument } from '../../src/operations/load-plan-document.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { seedPlan, seedUser } from '../support/factories.js';
import {
  catalogSample,
  demoInputLinking,
  docxParagraphs,
  docxParts,
  flat,
  pdfPages,
} from './support.js';

let api: TestApi;
let published: { organizationId: string; planId: string };
let draft: { organizationId: string; planId: string };
let memberCookie: string;
let outsiderCookie: string;

beforeAll(async () => {
  api = await startTestApi();
  published = await seedPlan(api.db, { status: 'published' });
  draft = await seedPlan(api.db, { status: 'draft' });
  const member = await seedUser(api.db, { organizationId: draft.organizationId, role: 'viewer' });
  const outsider = await seedUser(api.db, {
    organizationId: published.organizationId,
    role: 'admin',
  });
  memberCookie = await api.signIn(member.email);
  outsiderCookie = await api.signIn(outsider.email);
}, 60_000);

afterAll(async () => {
  await api?.close();
});

const get = (url: string, cookie?: string) => api.request({ method: 'GET', url, cookie });

describe('downloading a plan’s documents and open data', { timeout: 60_000 }, () => {
  it('gives anyone the PDF of a published plan', async () => {
    const res = await get(`/api/plans/${published.planId}/exports/plan.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'inline; filename="comune-di-prova-piano-2025-2027.pdf"',
    );
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('hides a draft from anonymous visitors and from other organizations (404)', async () => {
    for (const cookie of [undefined, outsiderCookie]) {
      const res = await get(`/api/plans/${draft.planId}/exports/plan.pdf`, cookie);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('gives a draft to the members of its organization', async () => {
    const res = await get(`/api/plans/${draft.planId}/exports/plan.docx`, memberCookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.docx"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('serves each table as CSV and the HTML page with a strict content policy', async () => {
    const csv = await get(`/api/plans/${published.planId}/exports/actions.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.body.split('\r\n')[0]).toMatch(/^id,priorityId,priorityCode,code,title,/);
    expect(csv.body).toContain('Subentro in ANPR dei servizi di stato civile');
    const html = await get(`/api/plans/${published.planId}/exports/plan.html`);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('describes the dataset in DCAT-AP_IT with absolute download URLs', async () => {
    const res = await get(`/api/plans/${published.planId}/exports/dataset.jsonld`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const body = res.json() as { 'dcat:distribution': { '@id': string }[] };
    const base = `http://localhost:3000/api/plans/${published.planId}/exports/`;
    expect(body['dcat:distribution'].map((d) => d['@id'])).toContain(`${base}actions.csv`);
  });

  it('writes the monitoring report at the requested date and refuses a date that does not exist', async () => {
    const ok = await get(`/api/plans/${published.planId}/exports/report.html?date=2026-07-01`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Situazione al 1 luglio 2026');
    const bad = await get(`/api/plans/${published.planId}/exports/report.pdf?date=2026-02-30`);
    expect(bad.statusCode).toBe(422);
  });

  it('lists the files of a readable plan and knows no other file', async () => {
    const list = await get(`/api/plans/${published.planId}/exports`);
    expect(list.statusCode).toBe(200);
    const names = (list.json() as { items: { name: string }[] }).items.map((i) => i.name);
    expect(names).toEqual(
      expect.arrayContaining(['plan.pdf', 'report.pdf', 'actions.csv', 'dataset.jsonld']),
    );
    expect((await get(`/api/plans/${draft.planId}/exports`)).statusCode).toBe(404);
    const unknown = await get(`/api/plans/${published.planId}/exports/plan.odt`);
    expect(unknown.statusCode).toBe(422);
  });
});

describe('downloading the PIAO annex and the performance objectives', { timeout: 60_000 }, () => {
  const url = (file: string) => `/api/plans/${published.planId}/exports/${file}`;

  it('lists the PIAO annex and the objectives among the files', async () => {
    const list = await get(`/api/plans/${published.planId}/exports`);
    const names = (list.json() as { items: { name: string }[] }).items.map((i) => i.name);
    expect(names).toEqual(
      expect.arrayContaining(['piao-allegato.docx', 'objectives.docx', 'objectives.csv']),
    );
  });

  it('gives the plan as the annex of PIAO subsection 2.1, with Word headings', async () => {
    const res = await get(url('piao-allegato.docx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="comune-di-prova-piano-2025-2027-piao-allegato.docx"',
    );
    const paragraphs = docxParagraphs((await docxParts(res.rawPayload))['word/document.xml']!);
    const heading = (style: string) =>
      paragraphs.filter((p) => p.style === style).map((p) => p.text);
    expect(heading('Heading1')[0]).toBe(
      'Sezione 2 – Valore pubblico, performance e anticorruzione',
    );
    expect(heading('Heading2')[0]).toBe('Sottosezione 2.1 – Valore pubblico');
  });

  it('gives the objectives of the year asked for, as DOCX and as CSV', async () => {
    const docx = await get(url('objectives.docx?year=2025'));
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toBe(
      'attachment; filename="comune-di-prova-obiettivi-performance-2025.docx"',
    );
    const paragraphs = docxParagraphs((await docxParts(docx.rawPayload))['word/document.xml']!);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      'Obiettivi di performance 2025',
    ]);
    const csv = await get(url('objectives.csv?year=2025'));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const records = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0] ?? {})).toEqual([
      'unitId',
      'unit',
      'actionId',
      'action',
      'due',
      'status',
      'indicator',
      'target',
      'targetText',
    ]);
    // The cache keeps each year apart.
    const other = await get(url('objectives.docx?year=2027'));
    const otherH1 = docxParagraphs((await docxParts(other.rawPayload))['word/document.xml']!)
      .filter((p) => p.style === 'Heading1')
      .map((p) => p.text);
    expect(otherH1).toEqual(['Obiettivi di performance 2027']);
    expect((await get(url('objectives.csv?year=1800'))).statusCode).toBe(422);
  });
});

describe('linked national codes in the downloaded documents', { timeout: 120_000 }, () => {
  const sample = catalogSample();
  let demoPlanId: string;

  beforeAll(async () => {
    const loaded = await loadPlanDocument({
      db: api.db,
      actor: { userId: null, name: 'test' },
      input: demoInputLinking(sample.foreign),
    });
    demoPlanId = loaded.planId;
  }, 60_000);

  const file = (name: string) => get(`/api/plans/${demoPlanId}/exports/${name}`);

  it('prints a code with its title from the plan’s catalog edition, and other codes bare', async () => {
    const html = await file('plan.html');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(`<li>${sample.text}</li>`);
    expect(html.body).toContain(`<li>${sample.foreign}</li>`);

    const docx = await file('plan.docx');
    const texts = docxParagraphs((await docxParts(docx.rawPayload))['word/document.xml']!).map(
      (p) => p.text,
    );
    expect(texts).toContain(sample.text);
    expect(texts).toContain(sample.foreign);

    const pdf = await file('plan.pdf');
    const text = flat((await pdfPages(pdf.rawPayload)).join(' '));
    expect(text).toContain(flat(sample.text));
    expect(text).toContain(sample.foreign);
    expect(text).not.toContain(`${sample.foreign} –`);
  });

  it('gives the titles in the actions CSV, one per linked code', async () => {
    const csv = await file('actions.csv');
    const [first] = parse(csv.body, { columns: true }) as Record<string, string>[];
    const codes = first!.catalogRefs!.split('; ');
    const titles = first!.catalogTitles!.split('; ');
    expect(codes[0]).toBe(sample.linked);
    expect(titles[0]).toBe(sample.title);
    expect(codes.at(-1)).toBe(sample.foreign);
    expect(titles).toHaveLength(codes.length);
    expect(titles.at(-1)).toBe('');
  });
});

describe('downloading the documents in English', { timeout: 60_000 }, () => {
  it('gives the plan and the report in English with ?lang=en, and Italian without', async () => {
    const en = await get(`/api/plans/${published.planId}/exports/plan.html?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(en.body).toContain('1. Introduction and legal framework');
    expect(en.headers['content-disposition']).toBe(
      'inline; filename="comune-di-prova-piano-2025-2027-en.html"',
    );
    // The cache keeps each language apart: Italian again after English.
    const it = await get(`/api/plans/${published.planId}/exports/plan.html`);
    expect(it.body).toMatch(/^<!DOCTYPE html>\n<html lang="it">/);
    expect(it.body).toContain('1. Introduzione e quadro normativo');
    const again = await get(`/api/plans/${published.planId}/exports/plan.html?lang=en`);
    expect(again.body).toBe(en.body);

    const report = await get(
      `/api/plans/${published.planId}/exports/report.pdf?date=2026-07-01&lang=en`,
    );
    expect(report.statusCode).toBe(200);
    const text = flat((await pdfPages(report.rawPayload)).join(' '));
    expect(text).toContain('Status as of 1 July 2026');
    expect(text).not.toContain('Situazione al');
  });

  it('serves open data the same in every language', async () => {
    const it = await get(`/api/plans/${published.planId}/exports/actions.csv`);
    const en = await get(`/api/plans/${published.planId}/exports/actions.csv?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toBe(it.body);
  });

  it('refuses a language it does not know with a problem in Italian', async () => {
    const res = await get(`/api/plans/${published.planId}/exports/plan.pdf?lang=fr`);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as { detail: string; errors: { field: string; in: string }[] };
    expect(problem.detail).toBe('Dati non validi: /lang deve essere uno tra: it, en');
    expect(problem.errors).toEqual([
      { field: '/lang', message: 'deve essere uno tra: it, en', in: 'querystring' },
    ]);
  });
});
