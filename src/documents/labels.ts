/**
 * The fixed words of the documents, in Italian (the first language, worded as the documents
 * always were) and in English: headings, labels, table headers and captions, statuses, timing
 * explanations, chart titles, legends and alternative texts, cover lines and page furniture.
 * The plan's own content (titles, descriptions, the plan's "Tempi" words, names of offices and
 * organizations, catalog titles) is never translated: only the frame around it.
 *
 * `en` has the type of `it` with every string widened, so a label missing from `en` (or with
 * other parameters) is a type error. Labels with parameters are functions that receive values
 * already formatted for the language (format.ts), so this module holds words only.
 */
import type { ActionStatus } from '../domain/model/action.js';
import type { ROLE_KINDS } from '../domain/model/organization.js';
import type { INSTRUMENT_KINDS, PlanStatus } from '../domain/model/plan.js';
import type { PLATFORM_STATUSES } from '../domain/model/platform.js';
import type { SPENDING_STATUSES } from '../domain/model/spending.js';

/** The languages documents come in. */
export const DOCUMENT_LANGS = ['it', 'en'] as const;
export type DocumentLang = (typeof DOCUMENT_LANGS)[number];

/** BCP 47 tag of each language, as the PDF's /Lang, the DOCX language and the outline carry it. */
export const LANG_TAGS = { it: 'it-IT', en: 'en-GB' } as const satisfies Record<
  DocumentLang,
  string
>;
export type LangTag = (typeof LANG_TAGS)[DocumentLang];

export function isDocumentLang(value: unknown): value is DocumentLang {
  return typeof value === 'string' && (DOCUMENT_LANGS as readonly string[]).includes(value);
}

/** The language of an outline's BCP 47 tag. */
export function langOfTag(tag: LangTag): DocumentLang {
  return tag === 'en-GB' ? 'en' : 'it';
}

type Keyed<T extends readonly string[]> = Record<T[number], string>;

const it = {
  // Page furniture, captions (renderers).
  page: 'Pagina',
  pageOf: 'di',
  table: 'Tabella',
  figure: 'Figura',
  contents: 'Sommario',
  skipToContent: 'Vai al contenuto',
  noteStyle: 'Nota',
  tableTextStyle: 'Testo tabella',

  // Enumerations of the model.
  actionStatus: {
    planned: 'Da avviare',
    in_progress: 'In corso',
    completed: 'Completata',
    suspended: 'Sospesa',
    cancelled: 'Annullata',
  } satisfies Record<ActionStatus, string>,
  planStatus: {
    draft: 'Bozza',
    proposed: 'Proposta',
    approved: 'Approvato',
    published: 'Pubblicato',
    superseded: 'Sostituito',
  } satisfies Record<PlanStatus, string>,
  spendingStatus: {
    planned: 'Prevista',
    committed: 'Impegnata',
    paid: 'Liquidata',
  } satisfies Keyed<typeof SPENDING_STATUSES>,
  platformStatus: {
    adopted: 'SI',
    in_progress: 'In corso',
    planned: 'Prevista',
    not_adopted: 'NO',
    not_applicable: 'Non applicabile',
  } satisfies Keyed<typeof PLATFORM_STATUSES>,
  role: {
    rtd: 'Responsabile per la transizione al digitale',
    records_manager: 'Responsabile della gestione documentale',
    preservation_manager: 'Responsabile della conservazione',
    dpo: 'Responsabile della protezione dei dati',
    system_administrator: 'Amministratore di sistema',
    other: 'Altro ruolo',
  } satisfies Keyed<typeof ROLE_KINDS>,
  instrument: {
    DUP: 'DUP',
    PIAO: 'PIAO',
    PTPCT: 'PTPCT',
    PEG: 'PEG',
    PdO: 'Piano degli obiettivi',
    POLA: 'POLA',
    altro: 'Altro strumento',
  } satisfies Keyed<typeof INSTRUMENT_KINDS>,
  /** PNRR Mission 1 Component 1 measures that fund comuni, in short names. */
  pnrrMeasure: {
    '1.2': 'Abilitazione e migrazione al cloud',
    '1.3.1': 'Piattaforma digitale nazionale dati (PDND)',
    '1.4.1': 'Esperienza del cittadino nei servizi pubblici',
    '1.4.2': 'Accessibilità dei servizi digitali',
    '1.4.3': 'Adozione di pagoPA e App IO',
    '1.4.4': 'Identità digitale SPID/CIE e ANPR',
    '1.4.5': 'Piattaforma notifiche digitali (SEND)',
    '1.7.2': 'Rete dei servizi di facilitazione digitale',
  } as Record<string, string>,

  // Administrative acts: "deliberazione della Giunta comunale n. 46 del 17 aprile 2025".
  actDeliberation: 'deliberazione della',
  actDecree: 'decreto del',
  actOf: 'atto del',
  act: 'atto',
  actNumber: (n: string) => ` n. ${n}`,
  actDate: (date: string) => ` del ${date}`,

  // Timing and facts (plan-facts.ts).
  deadline: (date: string) => `scadenza: ${date}`,
  deadlineUndatable: 'scadenza non databile',
  fromTo: (start: string, end: string) => `dal ${start} al ${end}`,
  until: (date: string) => `fino al ${date}`,
  years: (years: string) => `anni ${years}`,
  periodUndatable: 'periodo non databile',
  fromNoEnd: (date: string) => `dal ${date}, senza termine`,
  noEnd: 'senza termine',
  immediate: 'avvio immediato, senza termine indicato',
  everyYearBy: (dayMonth: string) => `ogni anno entro il ${dayMonth}`,
  recurring: 'ricorrente',
  unresolved: 'non databile: dipende da tempi esterni al piano',
  timingNotStated: 'non indicati',
  asOf: (date: string) => ` al ${date}`,
  noMeasurement: 'nessuna rilevazione',
  priorityTitle: (code: string, title: string) => `Priorità ${code} – ${title}`,

  // The plan document (plan-outline.ts).
  introduction: 'Introduzione e quadro normativo',
  changes: 'Cosa cambia rispetto alla revisione precedente',
  changesIntro: (previous: string) => `Rispetto alla revisione precedente (${previous}):`,
  changesNone: 'Nessuna azione, scadenza, target, spesa o piattaforma è cambiata.',
  actionAdded: (title: string) => `Azione aggiunta: ${title}`,
  actionRemoved: (title: string) => `Azione tolta: ${title}`,
  actionChanged: (title: string, fields: string) => `Azione cambiata: ${title} (${fields})`,
  deadlineMoved: (title: string, from: string, to: string) =>
    `Scadenza spostata: ${title}, da ${from} a ${to}`,
  targetsChanged: (name: string) => `Target cambiati: ${name}`,
  platformChanged: (platform: string, from: string, to: string) =>
    `Piattaforma ${platform}: da ${from} a ${to}`,
  spendingChangesCaption: 'Spesa per fonte di finanziamento, prima e dopo',
  before: 'Prima',
  after: 'Dopo',
  roles: 'Ruoli per la transizione al digitale',
  rolesCaption: 'Ruoli e atti di nomina',
  roleHeader: 'Ruolo',
  holder: 'Titolare',
  unit: 'Settore',
  appointmentAct: 'Atto di nomina',
  normativeReferences: 'Riferimenti normativi',
  instruments: 'Le relazioni con gli altri strumenti di programmazione',
  instrumentsCaption: 'Strumenti di programmazione collegati',
  instrumentHeader: 'Strumento',
  section: 'Sezione',
  link: 'Collegamento',
  noInstruments: 'Il piano non indica collegamenti con altri strumenti di programmazione.',
  spending: 'La spesa per la transizione al digitale',
  noSpending: 'Il piano non prevede voci di spesa.',
  spendingIntro: (total: string, period: string) =>
    `Il piano destina alla transizione al digitale ${total} nel triennio ${period}, ripartiti per provenienza dei fondi come segue.`,
  spendingItems: 'Voci di spesa',
  titleClass: 'Titolo – Classe',
  description: 'Descrizione',
  fundingSource: 'Provenienza fondi',
  year: 'Anno',
  amount: 'Importo',
  measure: (code: string) => `Misura ${code}`,
  total: 'Totale',
  totalsBySource: 'Totali per provenienza dei fondi',
  share: 'Quota',
  spendingChartCaption: 'La spesa per provenienza dei fondi',
  spendingChartAlt: (items: string) => `Spesa per provenienza dei fondi: ${items}.`,
  priorities: 'Le priorità da affrontare',
  expectedBenefits: 'Benefici attesi',
  nationalChapters: 'Capitoli del Piano triennale nazionale',
  stateOfTheArt: 'Analisi dello stato dell’arte',
  baselineAt: (date: string) => `Baseline al ${date}`,
  baseline: 'Baseline',
  item: 'Voce',
  value: 'Valore',
  reference: 'Riferimento',
  source: 'Fonte',
  plannedActions: 'Azioni pianificate',
  noPlannedActions: 'Nessuna azione pianificata per questa priorità.',
  responsibility: 'Responsabilità',
  responsibilityNotStated: 'non indicata',
  timing: 'Tempi',
  status: 'Stato',
  statusProgress: (status: string, progress: string) => `${status}, avanzamento ${progress}`,
  expectedResults: 'Risultati attesi:',
  indicatorsList: 'Indicatori:',
  indicatorLine: (name: string, baseline: string, targets: string) =>
    `${name} — baseline ${baseline}${targets ? `; target ${targets}` : ''}`,
  nationalLinks: 'Collegamenti al Piano triennale nazionale e al PNRR:',
  microActions: 'Micro azioni:',
  summary: 'Riepilogo delle azioni',
  summaryIntro:
    'Le azioni del piano con i soggetti responsabili e gli anni del triennio in cui si svolgono (X).',
  summaryCaption: 'Riepilogo delle azioni per responsabili e anni',
  action: 'Azione',
  undatedActions: (list: string) =>
    `Senza anni indicati (tempi non databili o avvio immediato senza termine): ${list}.`,
  partOf: (part: number, parts: number) => ` (${part} di ${parts})`,
  timelineCaption: 'Cronoprogramma delle azioni',
  timelineAlt: (part: string, start: number, end: number, items: string) =>
    `Cronoprogramma ${part}delle azioni dal ${start} al ${end}: ${items}.`,
  timelinePart: (part: number, parts: number) => `(parte ${part} di ${parts}) `,
  statusChartCaption: 'Stato delle azioni per priorità',
  statusChartAlt: (items: string) => `Azioni per stato in ciascuna priorità: ${items}.`,
  indicatorsTargets: 'Indicatori e target',
  noIndicators: 'Il piano non definisce indicatori.',
  indicatorsCaption: 'Indicatori con baseline, target e ultima rilevazione',
  indicator: 'Indicatore',
  target: 'Target',
  latestMeasurement: 'Ultima rilevazione',
  platforms: 'Adesione alle piattaforme nazionali',
  noPlatforms: 'Il piano non riporta lo stato di adesione alle piattaforme nazionali.',
  platform: 'Piattaforma',
  adoption: 'Adesione',
  since: 'Dal',
  due: 'Scadenza',
  notes: 'Note',
  glossary: 'Termini, definizioni e acronimi',
  glossaryCaption: 'Glossario',
  term: 'Termine',
  definition: 'Definizione',
  approvedBy: (act: string) => `Approvato con ${act}`,
  nationalEdition: (edition: string) =>
    `Redatto secondo il Piano triennale per l’informatica nella PA, edizione ${edition}`,
  rtdCover: (person: string) => `Responsabile per la transizione al digitale: ${person}`,
  notApproved: (status: string) => `${status} – documento non ancora approvato`,
  planSubject: (period: string, organization: string) =>
    `Piano triennale per l’informatica ${period} – ${organization}`,
  planKeywords: ['piano triennale per l’informatica', 'transizione al digitale'],
  coverPeriod: (period: string) => `Triennio ${period}`,
  ipaCode: (code: string) => `Codice IPA ${code}`,

  // The monitoring report (monitoring-report.ts).
  outcome: {
    reached: 'Target raggiunto',
    not_reached: 'Non ancora raggiunto',
    no_measurement: 'Nessuna rilevazione',
    no_target: 'Target non definito',
  },
  microActionOf: (action: string, micro: string) => `${action} – micro azione: ${micro}`,
  reportSummary: 'Sintesi',
  reportCounts: (
    when: string,
    total: string,
    c: { completed: string; inProgress: string; planned: string; suspended: string },
    cancelled: string,
    average: string,
  ) =>
    `Al ${when} le ${total} azioni del piano risultano così: ${c.completed} completate, ${c.inProgress} in corso, ${c.planned} da avviare, ${c.suspended} sospese e ${cancelled} annullate. L’avanzamento medio delle azioni non annullate è del ${average}.`,
  reportDeadlines: (overdue: string, days: number, upcoming: string, reached: string, of: string) =>
    `Scadenze superate senza che l’azione sia completata: ${overdue}. Scadenze nei prossimi ${days} giorni: ${upcoming}. Indicatori che hanno raggiunto il target: ${reached} su ${of}.`,
  byStatusCaption: 'Azioni per stato e priorità',
  priority: 'Priorità',
  averageProgress: 'Avanzamento medio',
  overdue: 'Azioni in ritardo',
  noOverdue: (when: string) =>
    `Al ${when} nessuna azione ha superato la propria scadenza senza essere completata.`,
  overdueIntro: (when: string) =>
    `Azioni e micro azioni con una scadenza anteriore al ${when} non ancora completate, dalla più in ritardo.`,
  overdueCaption: (date: string) => `Azioni in ritardo al ${date}`,
  daysOverdue: 'Giorni di ritardo',
  upcoming: (days: number) => `Scadenze dei prossimi ${days} giorni`,
  noUpcoming: (days: number, when: string) =>
    `Nessuna scadenza nei ${days} giorni successivi al ${when}.`,
  upcomingCaption: (date: string, days: number) =>
    `Scadenze dal ${date} nei ${days} giorni successivi`,
  days: 'Giorni',
  actionsStatus: 'Stato di attuazione delle azioni',
  noActions: 'Nessuna azione per questa priorità.',
  priorityActionsCaption: (code: string) => `Azioni della priorità ${code}`,
  progressShort: 'Avanz.',
  late: ' – in ritardo',
  reportTimelineCaption: 'Cronoprogramma e data del report',
  indicatorsVsTargets: 'Indicatori rispetto ai target',
  indicatorsIntro: (when: string) =>
    `Per ogni indicatore: il target dell’anno del report (o il primo successivo), l’ultima rilevazione disponibile al ${when} e la quota del percorso dalla baseline al target già compiuta.`,
  indicatorsAt: (date: string) => `Indicatori al ${date}`,
  way: 'Percorso',
  outcomeHeader: 'Esito',
  spendingByStatus: 'Spesa per stato',
  spendingStatusIntro: (total: string, paid: string, committed: string, planned: string) =>
    `Dei ${total} del piano, ${paid} risultano liquidati, ${committed} impegnati e ${planned} ancora previsti.`,
  spendingStatusCaption: 'Spesa per provenienza dei fondi e stato',
  spendingStatusChartCaption: 'La spesa per stato e provenienza dei fondi',
  spendingStatusChartAlt: (items: string) => `Spesa per provenienza dei fondi e stato: ${items}.`,
  platformsSummary: (adopted: string, of: string, pending: string) =>
    `Piattaforme adottate: ${adopted} su ${of}; in corso o previste: ${pending}.`,
  pendingPlatformsCaption: 'Adesioni in corso o previste',
  pastDue: ' – scaduta',
  reportTitle: (period: string) =>
    `Stato di attuazione del piano triennale per l’informatica ${period}`,
  reportSubject: (title: string, when: string, organization: string) =>
    `${title} al ${when} – ${organization}`,
  reportKeywords: ['stato di attuazione', 'monitoraggio', 'piano triennale per l’informatica'],
  reportPeriod: (when: string) => `Situazione al ${when}`,
  planApprovedBy: (act: string) => `Piano approvato con ${act}`,

  // Charts (charts.ts).
  chartUndated: 'tempi non databili',
  legendPeriod: 'periodo',
  legendDeadline: 'scadenza',
  legendOpen: 'dall’avvio, senza termine',
  legendYearly: 'scadenza annuale',
} as const;

/** `T` with its literal strings widened: the type every language's labels must have. */
export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : T extends readonly string[]
      ? readonly string[]
      : { readonly [K in keyof T]: Widen<T[K]> };

export type DocumentLabels = Widen<typeof it>;

/** British English, as the formats in format.ts. */
const en: DocumentLabels = {
  page: 'Page',
  pageOf: 'of',
  table: 'Table',
  figure: 'Figure',
  contents: 'Contents',
  skipToContent: 'Skip to content',
  noteStyle: 'Note',
  tableTextStyle: 'Table text',

  actionStatus: {
    planned: 'Not started',
    in_progress: 'In progress',
    completed: 'Completed',
    suspended: 'Suspended',
    cancelled: 'Cancelled',
  },
  planStatus: {
    draft: 'Draft',
    proposed: 'Proposed',
    approved: 'Approved',
    published: 'Published',
    superseded: 'Superseded',
  },
  spendingStatus: { planned: 'Planned', committed: 'Committed', paid: 'Paid' },
  platformStatus: {
    adopted: 'Yes',
    in_progress: 'In progress',
    planned: 'Planned',
    not_adopted: 'No',
    not_applicable: 'Not applicable',
  },
  role: {
    rtd: 'Digital transition officer',
    records_manager: 'Records manager',
    preservation_manager: 'Digital preservation manager',
    dpo: 'Data protection officer',
    system_administrator: 'System administrator',
    other: 'Other role',
  },
  instrument: {
    DUP: 'DUP',
    PIAO: 'PIAO',
    PTPCT: 'PTPCT',
    PEG: 'PEG',
    PdO: 'Plan of objectives',
    POLA: 'POLA',
    altro: 'Other instrument',
  },
  pnrrMeasure: {
    '1.2': 'Enabling migration to the cloud',
    '1.3.1': 'National digital data platform (PDND)',
    '1.4.1': 'Citizen experience in public services',
    '1.4.2': 'Accessibility of digital services',
    '1.4.3': 'Adoption of pagoPA and the IO app',
    '1.4.4': 'Digital identity SPID/CIE and ANPR',
    '1.4.5': 'Digital notification platform (SEND)',
    '1.7.2': 'Network of digital facilitation services',
  },

  actDeliberation: 'resolution of the',
  actDecree: 'decree of the',
  actOf: 'act of the',
  act: 'act',
  actNumber: (n) => ` no. ${n}`,
  actDate: (date) => ` of ${date}`,

  deadline: (date) => `deadline: ${date}`,
  deadlineUndatable: 'deadline cannot be dated',
  fromTo: (start, end) => `from ${start} to ${end}`,
  until: (date) => `until ${date}`,
  years: (years) => `years ${years}`,
  periodUndatable: 'period cannot be dated',
  fromNoEnd: (date) => `from ${date}, with no end`,
  noEnd: 'with no end',
  immediate: 'immediate start, no end given',
  everyYearBy: (dayMonth) => `every year by ${dayMonth}`,
  recurring: 'recurring',
  unresolved: 'cannot be dated: depends on events outside the plan',
  timingNotStated: 'not stated',
  asOf: (date) => ` as of ${date}`,
  noMeasurement: 'no measurement',
  priorityTitle: (code, title) => `Priority ${code} – ${title}`,

  introduction: 'Introduction and legal framework',
  changes: 'What changes from the previous revision',
  changesIntro: (previous) => `Compared with the previous revision (${previous}):`,
  changesNone: 'No action, deadline, target, spending or platform changed.',
  actionAdded: (title) => `Action added: ${title}`,
  actionRemoved: (title) => `Action removed: ${title}`,
  actionChanged: (title, fields) => `Action changed: ${title} (${fields})`,
  deadlineMoved: (title, from, to) => `Deadline moved: ${title}, from ${from} to ${to}`,
  targetsChanged: (name) => `Targets changed: ${name}`,
  platformChanged: (platform, from, to) => `Platform ${platform}: from ${from} to ${to}`,
  spendingChangesCaption: 'Spending by funding source, before and after',
  before: 'Before',
  after: 'After',
  roles: 'Roles for the digital transition',
  rolesCaption: 'Roles and appointment acts',
  roleHeader: 'Role',
  holder: 'Holder',
  unit: 'Department',
  appointmentAct: 'Appointment act',
  normativeReferences: 'Legal references',
  instruments: 'Relations with the other planning instruments',
  instrumentsCaption: 'Related planning instruments',
  instrumentHeader: 'Instrument',
  section: 'Section',
  link: 'Link',
  noInstruments: 'The plan states no links with other planning instruments.',
  spending: 'Spending on the digital transition',
  noSpending: 'The plan has no spending items.',
  spendingIntro: (total, period) =>
    `The plan allocates ${total} to the digital transition over the years ${period}, by source of funds as follows.`,
  spendingItems: 'Spending items',
  titleClass: 'Title – Class',
  description: 'Description',
  fundingSource: 'Source of funds',
  year: 'Year',
  amount: 'Amount',
  measure: (code) => `Measure ${code}`,
  total: 'Total',
  totalsBySource: 'Totals by source of funds',
  share: 'Share',
  spendingChartCaption: 'Spending by source of funds',
  spendingChartAlt: (items) => `Spending by source of funds: ${items}.`,
  priorities: 'The priorities to address',
  expectedBenefits: 'Expected benefits',
  nationalChapters: 'Chapters of the national Three-Year Plan',
  stateOfTheArt: 'Current state',
  baselineAt: (date) => `Baseline as of ${date}`,
  baseline: 'Baseline',
  item: 'Item',
  value: 'Value',
  reference: 'As of',
  source: 'Source',
  plannedActions: 'Planned actions',
  noPlannedActions: 'No actions are planned for this priority.',
  responsibility: 'Responsibility',
  responsibilityNotStated: 'not stated',
  timing: 'Timing',
  status: 'Status',
  statusProgress: (status, progress) => `${status}, ${progress} complete`,
  expectedResults: 'Expected results:',
  indicatorsList: 'Indicators:',
  indicatorLine: (name, baseline, targets) =>
    `${name} — baseline ${baseline}${targets ? `; target ${targets}` : ''}`,
  nationalLinks: 'Links to the national Three-Year Plan and the PNRR:',
  microActions: 'Micro-actions:',
  summary: 'Summary of the actions',
  summaryIntro:
    'The plan’s actions with those responsible and the years of the plan in which they take place (X).',
  summaryCaption: 'Summary of the actions by responsibility and year',
  action: 'Action',
  undatedActions: (list) =>
    `No years given (timing that cannot be dated, or an immediate start with no end): ${list}.`,
  partOf: (part, parts) => ` (${part} of ${parts})`,
  timelineCaption: 'Timeline of the actions',
  timelineAlt: (part, start, end, items) =>
    `Timeline ${part}of the actions from ${start} to ${end}: ${items}.`,
  timelinePart: (part, parts) => `(part ${part} of ${parts}) `,
  statusChartCaption: 'Status of the actions by priority',
  statusChartAlt: (items) => `Actions by status in each priority: ${items}.`,
  indicatorsTargets: 'Indicators and targets',
  noIndicators: 'The plan defines no indicators.',
  indicatorsCaption: 'Indicators with baseline, targets and latest measurement',
  indicator: 'Indicator',
  target: 'Target',
  latestMeasurement: 'Latest measurement',
  platforms: 'Adoption of the national platforms',
  noPlatforms: 'The plan does not report the adoption of the national platforms.',
  platform: 'Platform',
  adoption: 'Adoption',
  since: 'Since',
  due: 'Deadline',
  notes: 'Notes',
  glossary: 'Terms, definitions and acronyms',
  glossaryCaption: 'Glossary',
  term: 'Term',
  definition: 'Definition',
  approvedBy: (act) => `Approved by ${act}`,
  nationalEdition: (edition) =>
    `Written according to the Three-Year Plan for IT in the Public Administration, ${edition} edition`,
  rtdCover: (person) => `Digital transition officer: ${person}`,
  notApproved: (status) => `${status} – document not yet approved`,
  planSubject: (period, organization) => `Three-Year ICT Plan ${period} – ${organization}`,
  planKeywords: ['three-year ICT plan', 'digital transition'],
  coverPeriod: (period) => `Years ${period}`,
  ipaCode: (code) => `IPA code ${code}`,

  outcome: {
    reached: 'Target reached',
    not_reached: 'Not yet reached',
    no_measurement: 'No measurement',
    no_target: 'No target set',
  },
  microActionOf: (action, micro) => `${action} – micro-action: ${micro}`,
  reportSummary: 'Summary',
  reportCounts: (when, total, c, cancelled, average) =>
    `As of ${when} the plan’s ${total} actions stand as follows: ${c.completed} completed, ${c.inProgress} in progress, ${c.planned} not started, ${c.suspended} suspended and ${cancelled} cancelled. The average progress of the actions not cancelled is ${average}.`,
  reportDeadlines: (overdue, days, upcoming, reached, of) =>
    `Deadlines passed without the action being completed: ${overdue}. Deadlines in the next ${days} days: ${upcoming}. Indicators that have reached their target: ${reached} of ${of}.`,
  byStatusCaption: 'Actions by status and priority',
  priority: 'Priority',
  averageProgress: 'Average progress',
  overdue: 'Overdue actions',
  noOverdue: (when) => `As of ${when} no action has passed its deadline without being completed.`,
  overdueIntro: (when) =>
    `Actions and micro-actions with a deadline before ${when} that are not yet completed, most overdue first.`,
  overdueCaption: (date) => `Overdue actions as of ${date}`,
  daysOverdue: 'Days overdue',
  upcoming: (days) => `Deadlines in the next ${days} days`,
  noUpcoming: (days, when) => `No deadlines in the ${days} days after ${when}.`,
  upcomingCaption: (date, days) => `Deadlines in the ${days} days from ${date}`,
  days: 'Days',
  actionsStatus: 'Implementation status of the actions',
  noActions: 'No actions for this priority.',
  priorityActionsCaption: (code) => `Actions of priority ${code}`,
  progressShort: 'Progr.',
  late: ' – overdue',
  reportTimelineCaption: 'Timeline and report date',
  indicatorsVsTargets: 'Indicators against targets',
  indicatorsIntro: (when) =>
    `For each indicator: the target for the report’s year (or the first one after it), the latest measurement available as of ${when} and how much of the way from baseline to target has been covered.`,
  indicatorsAt: (date) => `Indicators as of ${date}`,
  way: 'Covered',
  outcomeHeader: 'Outcome',
  spendingByStatus: 'Spending by status',
  spendingStatusIntro: (total, paid, committed, planned) =>
    `Of the plan’s ${total}, ${paid} has been paid, ${committed} committed and ${planned} is still planned.`,
  spendingStatusCaption: 'Spending by source of funds and status',
  spendingStatusChartCaption: 'Spending by status and source of funds',
  spendingStatusChartAlt: (items) => `Spending by source of funds and status: ${items}.`,
  platformsSummary: (adopted, of, pending) =>
    `Platforms adopted: ${adopted} of ${of}; in progress or planned: ${pending}.`,
  pendingPlatformsCaption: 'Adoptions in progress or planned',
  pastDue: ' – past due',
  reportTitle: (period) => `Implementation status of the Three-Year ICT Plan ${period}`,
  reportSubject: (title, when, organization) => `${title} as of ${when} – ${organization}`,
  reportKeywords: ['implementation status', 'monitoring', 'three-year ICT plan'],
  reportPeriod: (when) => `Status as of ${when}`,
  planApprovedBy: (act) => `Plan approved by ${act}`,

  chartUndated: 'timing cannot be dated',
  legendPeriod: 'period',
  legendDeadline: 'deadline',
  legendOpen: 'from the start, with no end',
  legendYearly: 'yearly deadline',
};

const LABELS: Record<DocumentLang, DocumentLabels> = { it, en };

export function labelsFor(lang: DocumentLang = 'it'): DocumentLabels {
  return LABELS[lang];
}
