import { describe, expect, it } from 'vitest';
import { buildDraft } from '../../src/importer/build-draft.js';
import { convertHtml } from '../../src/importer/converters/html.js';
import { convertMarkdown } from '../../src/importer/converters/markdown.js';
import { convertText } from '../../src/importer/converters/text.js';
import type { TextDocument } from '../../src/importer/text-model.js';
import { parsePlanDocument } from '../../src/operations/load-plan-document.js';

/**
 * Synthetic variations of the forms of the genre (issue 12): the same plan with other list
 * markers, other field names, tables flattened or written in Markdown and HTML. Written by hand
 * for these tests; they add to the real plans of eval:import, they do not replace them.
 */
const draft = (doc: TextDocument) => {
  const result = buildDraft(doc);
  return { doc: parsePlanDocument(result.document), provenance: result.provenance };
};
const rows = (text: string) =>
  draft(convertText(text)).doc.actions.map((a) => [a.title, a.timing?.due ?? null]);

const HEAD = `COMUNE DI VALLEROSA
Piano triennale per l'informatica 2021-2023

`;

describe('list items of any marker with their timing in brackets at the end', () => {
  const body = (marker: string) => `${HEAD}AZIONI DEL PIANO

${marker} Migrazione al cloud dei gestionali dell'ente e dismissione della sala server
comunale [triennio 2021 – 2023]

${marker} Adeguamento del sito istituzionale alle linee guida di design [2021]

${marker} Attivazione dei pagamenti pagoPA per tutti i servizi a domanda individuale
[biennio 2022 – 2023]
`;
  const expected = [
    [
      "Migrazione al cloud dei gestionali dell'ente e dismissione della sala server comunale",
      '2023-12-31',
    ],
    ['Adeguamento del sito istituzionale alle linee guida di design', '2021-12-31'],
    ['Attivazione dei pagamenti pagoPA per tutti i servizi a domanda individuale', '2023-12-31'],
  ];

  it.each(['\uF0B7', '\uF0A7', '•', '●', '▪', '–', '-', 'o', '➢', '1.', 'a)'])(
    'reads items marked "%s", joining their wrapped lines',
    (marker) => {
      expect(rows(body(marker))).toEqual(expected);
    },
  );

  it('says why each item was taken for an action and how sure it is', () => {
    const { provenance } = draft(convertText(body('•')));
    const actions = provenance.filter((p) => /^\/actions\/\d+$/.test(p.pointer));
    expect(actions).toHaveLength(3);
    for (const p of actions) {
      expect(p.why).toContain('tempi-tra-parentesi');
      expect(p.confidence).toBeGreaterThan(0.5);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('gives the items the responsibles their section names once', () => {
    const text = `${HEAD}SERVIZI DIGITALI

Responsabili: Capi dei Servizi / Uffici + RTD

• Attivazione dell'accesso con SPID e CIE a tutti i servizi online [2021]

• Digitalizzazione delle pratiche edilizie con il portale SUE [triennio 2021 – 2023]
`;
    const { doc } = draft(convertText(text));
    expect(doc.actions.map((a) => a.responsibles)).toEqual([
      ['Capi dei Servizi / Uffici + RTD'],
      ['Capi dei Servizi / Uffici + RTD'],
    ]);
  });

  it('reads a section’s responsibles after an introduction, and an item’s own before its timing', () => {
    const text = `${HEAD}SICUREZZA INFORMATICA

Responsabili: Capi dei Servizi / Uffici + RTD

Le azioni del triennio sono le seguenti.

\uF0B7 Adozione delle misure minime di sicurezza ICT per tutte le postazioni di lavoro
dell'ente (Resp.: Ufficio CED) [2022]

\uF0B7 Formazione del personale sul phishing e sulla gestione delle password
[biennio 2022 – 2023]
`;
    const { doc } = draft(convertText(text));
    expect(doc.actions.map((a) => [a.title, a.responsibles, a.timing?.due ?? null])).toEqual([
      [
        "Adozione delle misure minime di sicurezza ICT per tutte le postazioni di lavoro dell'ente",
        ['Ufficio CED'],
        '2022-12-31',
      ],
      [
        'Formazione del personale sul phishing e sulla gestione delle password',
        ['Capi dei Servizi / Uffici + RTD'],
        '2023-12-31',
      ],
    ]);
  });

  it('keeps an impossible year as written and flags it, without guessing a correction', () => {
    const text = `${HEAD}AZIONI

• Migrazione in cluod del protocollo informatico [Entro fine 2121]

• Formazione del personale sulla sicurezza informatica [2022]
`;
    const result = buildDraft(convertText(text));
    const action = result.document.actions.find((a) => a.title.includes('cluod'));
    expect(action?.title).toBe('Migrazione in cluod del protocollo informatico');
    expect(action?.timing).toBe('[Entro fine 2121]');
    const i = result.document.actions.indexOf(action as (typeof result.document.actions)[number]);
    const notes = result.provenance.find((p) => p.pointer === `/actions/${i}`)?.notes ?? [];
    expect(notes.join(' ')).toContain('2121');
  });
});

describe('a timing table flattened into lines that open with the deadline', () => {
  it('reads "Entro aprile 2019 Migrazione …" as an action due at the end of that month', () => {
    const text = `${HEAD}TEMPISTICA INTERVENTO

Entro aprile 2019 Migrazione del server di posta elettronica in cloud
Entro fine 2020 Adozione del nuovo sistema di conservazione documentale
`;
    expect(rows(text)).toEqual([
      ['Migrazione del server di posta elettronica in cloud', '2019-04-30'],
      ['Adozione del nuovo sistema di conservazione documentale', '2020-12-31'],
    ]);
  });
});

describe('a summary table flattened into text', () => {
  it('reads titles wrapped over lines, then responsibles and X marks under the years', () => {
    const text = `${HEAD}RIEPILOGO DELLE AZIONI

AZIONE RESPONSABILI 2021 2022 2023
Migrazione in cloud dei servizi
demografici e del protocollo
Ufficio CED X X X
Attivazione di pagoPA per le rette
della mensa scolastica
Servizi scolastici, RTD X
`;
    const { doc } = draft(convertText(text));
    expect(doc.actions.map((a) => [a.title, a.responsibles, a.timing?.due ?? null])).toEqual([
      [
        'Migrazione in cloud dei servizi demografici e del protocollo',
        ['Ufficio CED'],
        '2023-12-31',
      ],
      // One X of three: which year is lost with the columns, so no date is guessed.
      [
        'Attivazione di pagoPA per le rette della mensa scolastica',
        ['Servizi scolastici', 'RTD'],
        null,
      ],
    ]);
  });
});

describe('"Linee di azione" blocks with their fields named in bold', () => {
  const html = (fields: [string, string, string]) => `<html><body>
<h1>Comune di Vallerosa</h1><p>Agenda digitale 2020-2023</p>
<h2>Infrastrutture</h2><h3>Linee di azione</h3>
<h4>LA01 - Trasloco dei server nel cloud</h4>
<p><strong>${fields[0]}</strong></p><p>marzo 2020 - novembre 2023</p>
<p><strong>${fields[1]}</strong></p><p>Comune (Ufficio Tecnologie, Ufficio Risorse umane), Consorzio informatico</p>
<p><strong>${fields[2]}</strong></p><p>Il trasloco riguarda le macchine virtuali e gli archivi.</p>
<p><strong>Risultati</strong></p><p>Cronoprogramma approvato</p>
<h4>LA02 - Copie di sicurezza dei dati comunali</h4>
<p><strong>${fields[0]}</strong></p><p>Azione continua</p>
<p><strong>${fields[1]}</strong></p><p>Comune</p>
<h3>Applicazioni</h3>
<h4>LA01 - Trasloco dei server nel cloud</h4>
<p>La stessa azione è descritta nella parte “Infrastrutture”.</p>
</body></html>`;

  it.each([
    [['Tempi', 'Attori', 'Descrizione']],
    [['Tempistica', 'Soggetti coinvolti', 'Descrizione dell’azione']],
    [['Scadenza', 'Responsabili', 'Contenuto']],
  ] as Array<[[string, string, string]]>)('reads the fields named %j', (fields) => {
    const { doc } = draft(convertHtml(html(fields)));
    expect(
      doc.actions.map((a) => [a.code, a.title, a.responsibles, a.timing?.due ?? null]),
    ).toEqual([
      [
        'LA01',
        'Trasloco dei server nel cloud',
        ['Ufficio Tecnologie', 'Ufficio Risorse umane', 'Consorzio informatico'],
        '2023-11-30',
      ],
      ['LA02', 'Copie di sicurezza dei dati comunali', ['Comune'], null],
    ]);
    expect(doc.actions[0]?.description).toContain('macchine virtuali');
  });
});

describe('tables with one column per year', () => {
  const expected = [
    ['Server in cloud', '2022-12-31'],
    ['Pagamenti online', '2021-12-31'],
    ['Anagrafe nazionale', '2020-12-31'],
  ];

  it('reads an HTML table inside Markdown, each row an action over the years it fills', () => {
    const md = `# Piano triennale per l'informatica del Comune di Vallerosa 2020-2022

## Infrastrutture

<table>
  <tr><td><b>tema</b></td><td><b>anno 2020</b></td><td><b>anno 2021</b></td><td><b>anno 2022</b></td></tr>

  <tr><td>Server in cloud</td><td>Scelta del fornitore qualificato.<p>Primo trasloco di prova.</td><td>Spostamento dei vecchi applicativi.</td><td>Spegnimento della sala macchine.</td></tr>
  <tr><td>Pagamenti online</td><td>Avvisi di pagamento per ogni tributo.</td><td>Riconciliazione automatica in ragioneria.</td><td></td></tr>
  <tr><td>Anagrafe nazionale</td><td>Certificati anagrafici dallo sportello online.</td><td></td><td></td></tr>
</table>
`;
    const { doc } = draft(convertMarkdown(md));
    expect(doc.actions.map((a) => [a.title, a.timing?.due ?? null])).toEqual(expected);
    expect(doc.actions[0]?.description).toContain('2021: Spostamento dei vecchi applicativi');
  });

  it('reads the same table written with Markdown pipes', () => {
    const md = `# Piano triennale per l'informatica del Comune di Vallerosa 2020-2022

| Tema | Anno 2020 | Anno 2021 | Anno 2022 |
| --- | --- | --- | --- |
| Server in cloud | Scelta del fornitore qualificato. | Spostamento dei vecchi applicativi. | Spegnimento della sala macchine. |
| Pagamenti online | Avvisi di pagamento per ogni tributo. | Riconciliazione automatica in ragioneria. | |
| Anagrafe nazionale | Certificati anagrafici dallo sportello online. | | |
`;
    const { doc } = draft(convertMarkdown(md));
    expect(doc.actions.map((a) => [a.title, a.timing?.due ?? null])).toEqual(expected);
  });
});

describe('interventions listed in prose under a sentence that announces them', () => {
  it('takes the items of "nel periodo 2020–2022 il Comune realizzerà:" as actions of that period', () => {
    const text = `${HEAD}CONNETTIVITÀ

Il Comune ha già realizzato:

• il collegamento in fibra della sede municipale;
• la rete wifi della biblioteca.

Nel periodo 2021–2023 il Comune realizzerà:

• l'estensione della rete wifi pubblica alle piazze del centro storico;
• la convergenza delle reti radio sull'anello in fibra ottica comunale.
`;
    expect(rows(text)).toEqual([
      ["l'estensione della rete wifi pubblica alle piazze del centro storico", '2023-12-31'],
      ["la convergenza delle reti radio sull'anello in fibra ottica comunale", '2023-12-31'],
    ]);
  });
});
