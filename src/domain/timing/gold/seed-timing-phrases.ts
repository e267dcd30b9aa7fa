import type { TimingKind } from '../timing.js';

/*
 * Gold annotations of the seed plans' timing phrases (../shared/seeds): each phrase as the plan
 * writes it, with the meaning a reviewer gave it. The seeds themselves are read in place by
 * seed-phrases.test.ts; these short quotations are the annotations, like the importer's gold files.
 */

/** Every distinct "Tempi:" phrase per seed, with the kind and due date it must keep meaning. */
export const EXPECTED: Array<[seed: string, phrase: string, kind: TimingKind, due: string | null]> =
  [
    ['001', 'nei tempi previsti dal Bando PNRR', 'unresolved', null],
    ['001', 'entro il 31 dicembre 2023.', 'by', '2023-12-31'],
    [
      '001',
      'nei tempi previsti dal Bando PNRR e progressivamente per quanto attiene la formazione dei fascicoli.',
      'unresolved',
      null,
    ],
    [
      '001',
      'entro il 2023/2024, in linea con i tempi di realizzazione delle progettualità finanziate da Misure PNRR 1.4.3',
      'by',
      '2024-12-31',
    ],
    [
      '001',
      'entro il 2023/2024, in linea con i tempi di realizzazione delle progettualità finanziate da Misure PNRR 1.4.3.',
      'by',
      '2024-12-31',
    ],
    ['001', 'da subito', 'immediate', null],
    ['001', 'da subito per tutto il 2023/2024', 'period', '2024-12-31'],
    [
      '001',
      'secondo le scadenze parziali sopraindicate. Gli obiettivi legati alla realizzazione del form su usabilità e accessibilità, così come la registrazione del sito web su [webanalytics.italia](http://webanalytics.italia) vengono fissati nel 2023. Si rispettano i tempi per svolgere le attività di cui al Bando PNRR 1.4.1. esperienza del cittadino',
      'by',
      '2023-12-31',
    ],
    ['001', 'entro il 2023', 'by', '2023-12-31'],
    [
      '001',
      "costante monitoraggio, affinché alcuni processi vengano fascicolati digitalmente entro il 2023 e tutta l'Amministrazione fascicoli digitalmente entro il 2024",
      'by',
      '2024-12-31',
    ],
    [
      '001',
      "entro il 2023 e in tutti i casi entro i tempi di adesione dell'Ente alla Piattaforma Nazionale Notifiche",
      'by',
      '2023-12-31',
    ],
    [
      '001',
      "connesso alla piena attivazione della piattaforma Nazionale per le Notifiche Digitali, ad INAD e all'adeguamento delle PA all'utilizzo della stessa",
      'unresolved',
      null,
    ],
    [
      '001',
      'entro quanto previsto dalla Misura PNRR 1.4.1 conformemente ai tempi di adeguamento dei software in termini di interoperabilità in particolare tra piattaforme di attori distinti',
      'unresolved',
      null,
    ],
    ['001', 'entro tempi previsti dal Bando', 'unresolved', null],
    [
      '001',
      'da subito e fino al conferimento a cloud esterno secondo le prescrizioni ACN e Bando',
      'immediate',
      null,
    ],
    ['001', 'a partire dal 2023, negli anni a venire', 'from', null],
    ['001', 'rispetto dei tempi del Bando', 'unresolved', null],
    ['001', 'entro il 31 dicembre 2023 e negli anni a seguire', 'by', '2023-12-31'],
    ['002', 'da subito', 'immediate', null],
    ['002', 'da subito per tutto il 2025/2026', 'period', '2026-12-31'],
    ['002', 'da subito e per tutto il 2025/2026', 'period', '2026-12-31'],
    ['002', 'mese di Giugno 2026', 'period', '2026-06-30'],
    [
      '002',
      'entro il mese di Giugno 2026 e in linea con i tempi di realizzazione delle progettualità finanziate da Misure PNRR 1.4.3',
      'by',
      '2026-06-30',
    ],
    [
      '002',
      'entro il 2026, in linea con i tempi di realizzazione delle progettualità finanziate dalla Misura PNRR 1.4.3.',
      'by',
      '2026-12-31',
    ],
    ['002', 'da subito e per tutto il triennio', 'period', '2027-12-31'],
    [
      '002',
      'si rispettano le scadenze periodiche sopraindicate. Si rispettano i tempi per svolgere le attività di cui al Bando PNRR 1.4.1. esperienza del cittadino e cittadino informato',
      'unresolved',
      null,
    ],
    ['002', 'nel corso del 2025', 'year', '2025-12-31'],
    ['002', 'entro il 2026', 'by', '2026-12-31'],
    [
      '002',
      "costante monitoraggio, affinché alcuni processi vengano fascicolati digitalmente entro il 2025 e tutta l'Amministrazione fascicoli digitalmente entro il 2026.",
      'by',
      '2026-12-31',
    ],
    ['002', 'Nel corso del 2025', 'year', '2025-12-31'],
    [
      '002',
      'entro il 2026 (coordinamento con i tempi del Bando 1.4.1), conformemente ai tempi di adeguamento dei software in termini di interoperabilità in particolare tra piattaforme di attori distinti',
      'by',
      '2026-12-31',
    ],
    ['002', 'approvate con delibera G.M. n. 64 del 25/03/2025.', 'date', '2025-03-25'],
    ['002', 'entro mese Giugno 2026', 'by', '2026-06-30'],
    ['002', 'entro giugno 2026', 'by', '2026-06-30'],
    ['002', 'a partire dal 2025, negli anni a venire', 'from', null],
    ['002', 'da subito e negli anni a seguire', 'from', null],
    ['003', '30 ottobre di ogni anno', 'recurring', null],
    ['003', 'entro il 30 novembre di ogni anno', 'recurring', null],
    ['003', '28 febbraio 2021', 'date', '2021-02-28'],
    ['003', '30 aprile 2021', 'date', '2021-04-30'],
    ['003', 'entro il 30 settembre 2021', 'by', '2021-09-30'],
    ['003', '30 ottobre 2021', 'date', '2021-10-30'],
    ['003', 'entro 28 febbraio 2021', 'by', '2021-02-28'],
    ['003', 'entro 31 dicembre 2021.', 'by', '2021-12-31'],
    ['003', '30 dicembre 2021', 'date', '2021-12-30'],
  ];

/** The "Entro ..." table cells of seed 003. */
export const EXPECTED_ENTRO: Array<[phrase: string, due: string]> = [
  ['Entro Giugno 2021', '2021-06-30'],
  ['Entro il 31/12/2021', '2021-12-31'],
];
