/**
 * The words of the national plan's coverage on the dashboard and of the starter page, where the
 * RTD picks actions proposed from the gaps. Keys start with `st`.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  stCoverage: 'Copertura del Piano triennale nazionale',
  stCoverageFigure: (covered: string, required: string, percent: string) =>
    `Linee d’azione coperte: ${covered} su ${required} (${percent}).`,
  stBlockingCount: (n: string) => `Problemi bloccanti: ${n}`,
  stWarningCount: (n: string) => `Avvisi: ${n}`,
  stNoFindings: 'Nessun problema di conformità.',
  stSeverity: { blocking: 'Bloccante', warning: 'Avviso', info: 'Informazione' } as Record<
    string,
    string
  >,
  stFinding: 'Problema',
  stSuggestion: 'Cosa fare',
  stMoreFindings: (n: string) => `e altri ${n}: vedi il controllo di conformità completo.`,
  stOpenStarter: 'Scegli le azioni proposte dalle lacune',
  stStarter: 'Azioni proposte',
  stStarterOf: (plan: string) => `Azioni proposte: ${plan}`,
  stStarterIntro:
    'Dalle lacune rispetto al Piano nazionale, piano propone azioni già collegate alle linee e alle piattaforme che mancano. Scegli quelle da aggiungere: finiscono sotto la priorità del loro capitolo, o in una nuova.',
  stNoProposals:
    'Nessuna azione da proporre: il piano copre le linee e le piattaforme che riguardano l’ente.',
  stUrgency: {
    overdue: 'Già scadute',
    due: 'Con una scadenza nel periodo',
    ongoing: 'Continuative',
  } as Record<string, string>,
  stChoose: (title: string) => `Aggiungi “${title}”`,
  stTiming: 'Tempi',
  stLines: 'Linee e misure',
  stAddChosen: 'Aggiungi le azioni scelte',
  stNoneChosen: 'Scegli almeno un’azione da aggiungere',
  stAdded: (n: string) => `Azioni aggiunte: ${n}.`,
} as const;

export type StarterMessages = Widen<typeof it>;

const en: StarterMessages = {
  stCoverage: 'Coverage of the national three-year plan',
  stCoverageFigure: (covered, required, percent) =>
    `Lines of action covered: ${covered} of ${required} (${percent}).`,
  stBlockingCount: (n) => `Blocking problems: ${n}`,
  stWarningCount: (n) => `Warnings: ${n}`,
  stNoFindings: 'No compliance problem.',
  stSeverity: { blocking: 'Blocking', warning: 'Warning', info: 'Information' },
  stFinding: 'Problem',
  stSuggestion: 'What to do',
  stMoreFindings: (n) => `and ${n} more: see the full compliance check.`,
  stOpenStarter: 'Choose the actions proposed from the gaps',
  stStarter: 'Proposed actions',
  stStarterOf: (plan) => `Proposed actions: ${plan}`,
  stStarterIntro:
    'From the gaps against the national plan, piano proposes actions already linked to the missing lines and platforms. Choose those to add: they go under their chapter’s priority, or a new one.',
  stNoProposals:
    'No action to propose: the plan covers the lines and platforms that concern the organization.',
  stUrgency: {
    overdue: 'Already overdue',
    due: 'With a deadline in the period',
    ongoing: 'Ongoing',
  },
  stChoose: (title) => `Add “${title}”`,
  stTiming: 'Timing',
  stLines: 'Lines and measures',
  stAddChosen: 'Add the chosen actions',
  stNoneChosen: 'Choose at least one action to add',
  stAdded: (n) => `Actions added: ${n}.`,
};

export const starter = { it, en };
