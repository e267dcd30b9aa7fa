import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDraft } from '../../src/importer/build-draft.js';
import { convertText } from '../../src/importer/converters/text.js';
import { importPlanFile } from '../../src/importer/import-plan.js';
import { splitResponsibles } from '../../src/importer/recognizers/responsibles.js';
import { parseAmount } from '../../src/importer/recognizers/spending.js';
import { parsePlanDocument } from '../../src/operations/load-plan-document.js';

/**
 * The recognizers on small plans of our own in layouts the seeds do not use, to check that the
 * rules describe the genre rather than three files.
 */
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const draftOf = (text: string) => parsePlanDocument(buildDraft(convertText(text)).document);

describe('bullet lists of actions with bracketed timing, and summary tables', () => {
  it('reads "Ambito" priorities, bracketed timings and merges the summary table', async () => {
    const result = await importPlanFile(fixture('piano-ambiti.txt'), {
      fileName: 'piano-ambiti.txt',
    });
    const doc = parsePlanDocument(result.document);
    expect(doc.organization).toMatchObject({
      name: 'Comune di Borgo Vallechiara',
      province: 'Rieti',
    });
    expect([doc.plan.startYear, doc.plan.endYear]).toEqual([2024, 2026]);
    expect(doc.priorities.map((p) => p.title)).toEqual([
      'Servizi digitali ai cittadini',
      'Infrastrutture e sicurezza',
      'Competenze digitali',
    ]);
    const rows = doc.actions.map((a) => [
      a.title,
      a.responsibles,
      a.timing?.due ?? null,
      a.priorityId,
    ]);
    expect(rows).toEqual([
      [
        'Attivazione dei pagamenti pagoPA per mensa e trasporto scolastico',
        ['Ufficio scuola'],
        '2024-12-31',
        'p1',
      ],
      [
        'Pubblicazione di cinque nuovi servizi online con accesso SPID e CIE',
        ['Ufficio tecnico'],
        '2025-12-31',
        'p1',
      ],
      [
        'Invio degli avvisi di scadenza dei tributi tramite App IO',
        ['Ufficio tributi'],
        '2025-12-31',
        'p1',
      ],
      // The summary table adds who is responsible, without a second copy of the action.
      [
        'Migrazione in cloud qualificato del gestionale di contabilità',
        ['CED'],
        '2025-06-30',
        'p2',
      ],
      [
        'Aggiornamento delle misure minime di sicurezza ICT',
        ['Amministratore di sistema'],
        '2026-12-31',
        'p2',
      ],
      [
        'Corso sul documento informatico per tutti i dipendenti',
        ['Segreteria generale'],
        '2025-12-31',
        'p3',
      ],
      // Only in the summary table: its X marks give the years.
      ['Avvio del fascicolo elettronico del cittadino', ['Ufficio anagrafe'], '2026-12-31', 'p3'],
    ]);
    expect(doc.actions[5]?.expectedResults).toEqual([
      "almeno l'80% del personale formato entro la scadenza",
    ]);
    expect(doc.spending.map((s) => [s.amount, s.fundingSource, s.pnrrMeasure])).toEqual([
      [12500, 'PNRR', '1.4.3'],
      [47000, 'PNRR', '1.2'],
      [3200, 'Bilancio comunale', null],
    ]);
    const merged = result.provenance.find((p) => p.pointer === '/actions/3');
    expect(merged?.notes?.join(' ')).toMatch(/tabella/);
  });
});

describe('objective sheets and year grids', () => {
  it('reads "Scheda intervento" sheets, a TEMPISTICA INTERVENTO grid and a platform table', async () => {
    const doc = parsePlanDocument(
      (await importPlanFile(fixture('piano-schede.md'), { fileName: 'piano-schede.md' })).document,
    );
    expect(doc.priorities.map((p) => p.title)).toEqual([
      'Dati e interoperabilità',
      'Piattaforme nazionali',
    ]);
    expect(
      doc.actions.map((a) => [a.title, a.responsibles, a.timing?.text, a.timing?.kind]),
    ).toEqual([
      [
        'Adesione alla PDND',
        ['RTD', 'Responsabile dei Servizi demografici'],
        '2025 – 2026',
        'period',
      ],
      [
        'Dati aperti del bilancio',
        ['Responsabile del Servizio finanziario'],
        'entro il 31 marzo di ogni anno',
        'recurring',
      ],
      [
        'Notifiche digitali con SEND',
        ['Comandante della Polizia locale', 'Ufficio tributi'],
        'entro il 30 giugno 2026',
        'by',
      ],
    ]);
    expect(doc.platforms.map((p) => [p.platform, p.status, p.due, p.unitText])).toEqual([
      ['SPID', 'adopted', null, 'Tutti i settori'],
      ['SEND', 'planned', '2026-06-30', 'Polizia locale'],
    ]);
  });

  it('dates a sheet by the latest date in its table when its timing is scattered', () => {
    const doc = draftOf(
      [
        'Comune di Prova',
        'Piano triennale per l’informatica 2021-2023',
        '',
        'SCHEDA OBIETTIVO N° 4 ARCHIVIO DIGITALE',
        'RESPONSABILITÀ: RTD e Servizio archivio',
        'Stato dell’arte Obiettivo Attività Tempi di attuazione',
        'Archivio cartaceo Scansione Entro marzo',
        'dei fascicoli 2022',
        'Conservazione Affidamento Entro il 30 settembre 2022',
      ].join('\n'),
    );
    expect(doc.actions.map((a) => [a.title, a.responsibles, a.timing?.due])).toEqual([
      ['ARCHIVIO DIGITALE', ['RTD', 'Servizio archivio'], '2022-09-30'],
    ]);
  });
});

describe('actions with micro-actions', () => {
  it('gives an "Azione:" the union of its micro-actions’ responsibles and their last deadline', () => {
    const doc = draftOf(
      [
        'Comune di Prova',
        'Piano triennale per l’informatica 2024-2026',
        '',
        'Priorità 1 – Servizi',
        '',
        'Azione: Nuovo sito istituzionale',
        'Micro azioni:',
        '- analisi dei contenuti',
        'Soggetti: RTD, Ufficio comunicazione',
        'Tempi: entro il 31 marzo 2024',
        '- pubblicazione del nuovo sito',
        'Soggetti: RTD, Fornitore',
        'Tempi: entro il 30 settembre 2024',
      ].join('\n'),
    );
    const action = doc.actions[0];
    expect(doc.actions).toHaveLength(1);
    expect(action?.title).toBe('Nuovo sito istituzionale');
    expect(action?.responsibles).toEqual(['RTD', 'Ufficio comunicazione', 'Fornitore']);
    expect(action?.timing?.due).toBe('2024-09-30');
    expect(action?.microActions.map((m) => [m.title, m.timing?.due])).toEqual([
      ['analisi dei contenuti', '2024-03-31'],
      ['pubblicazione del nuovo sito', '2024-09-30'],
    ]);
  });

  it('leaves national catalog codes out of the draft and warns about them', () => {
    const result = buildDraft(
      convertText(
        [
          'Comune di Prova',
          'Piano triennale per l’informatica 2024-2026',
          'Priorità 1 – Sicurezza',
          '*Formazione sulla sicurezza (CAP6.PA.LA05)*',
          'Responsabilità: RTD',
          'Tempi: entro il 2025',
        ].join('\n'),
      ),
    );
    expect(result.document.actions[0]?.catalogRefs).toEqual([]);
    expect(result.warnings.join(' ')).toContain('CAP6.PA.LA05');
    expect(result.provenance.find((p) => p.pointer === '/actions/0')?.notes?.join(' ')).toContain(
      'CAP6.PA.LA05',
    );
  });
});

describe('responsibles and amounts', () => {
  it('splits roles at commas and "e" only where a new role starts', () => {
    expect(
      splitResponsibles('RTD, Responsabile Servizi Finanziari e Responsabili delle Aree'),
    ).toEqual(['RTD', 'Responsabile Servizi Finanziari', 'Responsabili delle Aree']);
    expect(
      splitResponsibles('Responsabile della gestione documentale e della conservazione'),
    ).toEqual(['Responsabile della gestione documentale e della conservazione']);
    expect(
      splitResponsibles('responsabile del settore anagrafe, stato civile elettorale, RTD'),
    ).toEqual(['responsabile del settore anagrafe, stato civile elettorale', 'RTD']);
    expect(
      splitResponsibles('Responsabili delle Aree (in particolare, Polizia Locale, Tributi).'),
    ).toEqual(['Responsabili delle Aree (in particolare, Polizia Locale, Tributi)']);
    expect(splitResponsibles('DIRIGENTI DI SETTORE E RESPONSABILE DEL PROCESSO')).toEqual([
      'DIRIGENTI DI SETTORE',
      'RESPONSABILE DEL PROCESSO',
    ]);
  });

  it('reads Italian amounts', () => {
    expect(parseAmount('€ 121.992,00')).toBe(121992);
    expect(parseAmount('95.916,57')).toBe(95916.57);
    expect(parseAmount('0,00')).toBe(0);
    expect(parseAmount('12.500 €')).toBe(12500);
    expect(parseAmount('euro 3.000')).toBe(3000);
    expect(parseAmount('PNRR')).toBeNull();
    expect(parseAmount('2023-2025')).toBeNull();
  });
});

describe('links to the national catalog', () => {
  it('drops PNRR measures the catalog does not know, and says so', async () => {
    const text = [
      'Comune di Prova',
      'Piano triennale per l’informatica 2024-2026',
      'Priorità 1 – Servizi',
      '*Adesione al bando PNRR 1.4.1 e alla Misura 1.9.9*',
      'Responsabilità: RTD',
      'Tempi: entro il 2025',
      '',
      'Voce\tFonte\tImporto',
      'Misura 1.9.9 – sperimentazione\tPNRR\t€ 1.000,00',
    ].join('\n');
    const result = await importPlanFile(new TextEncoder().encode(text));
    const doc = parsePlanDocument(result.document);
    expect(doc.actions[0]?.pnrrMeasures).toEqual(['1.4.1']);
    expect(doc.spending[0]?.pnrrMeasure).toBeNull();
  });
});

describe('key–value tables', () => {
  it('reads an action laid out as a two-column table, as Word plans often do', async () => {
    const html = `<html><body>
      <p>Comune di Prova</p><h1>Piano triennale per l’informatica 2024-2026</h1>
      <h2>Priorità 1 – Dati</h2>
      <table>
        <tr><td>Azione</td><td>Pubblicazione dei dataset del bilancio</td></tr>
        <tr><td>Responsabile</td><td>Servizio finanziario, RTD</td></tr>
        <tr><td>Tempi di attuazione</td><td>entro il 30 aprile 2025</td></tr>
        <tr><td>Risultati attesi</td><td>Dataset pubblicati sul portale regionale</td></tr>
      </table>
      <p><strong>Migrazione della posta elettronica</strong></p>
      <ul><li>Analisi delle caselle in uso</li></ul>
      <p>Responsabilità: CED</p><p>Tempi: entro il 2025</p>
    </body></html>`;
    const doc = parsePlanDocument(
      (await importPlanFile(new TextEncoder().encode(html), { fileName: 'p.html' })).document,
    );
    expect(
      doc.actions.map((a) => [a.title, a.responsibles, a.timing?.due, a.expectedResults]),
    ).toEqual([
      [
        'Pubblicazione dei dataset del bilancio',
        ['Servizio finanziario', 'RTD'],
        '2025-04-30',
        ['Dataset pubblicati sul portale regionale'],
      ],
      ['Migrazione della posta elettronica', ['CED'], '2025-12-31', []],
    ]);
  });
});
