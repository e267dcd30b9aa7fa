/**
 * The words of the dashboard's indicators against targets, spending by PNRR measure and how
 * current the plan is. Keys start with `da`.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  daIndicators: 'Indicatori rispetto ai target',
  daIndicatorsIntro:
    'Per ogni indicatore: il target dell’anno in corso (o il primo successivo), l’ultima rilevazione e la quota del percorso dalla baseline al target già compiuta.',
  daNoIndicators: 'Il piano non ha indicatori.',
  daIndicator: 'Indicatore',
  daTarget: 'Target',
  daTargetOf: (year: string, value: string) => `${value} nel ${year}`,
  daLatest: 'Ultima rilevazione',
  daLatestOf: (value: string, date: string, days: string) => `${value} al ${date} (${days})`,
  daWay: 'Percorso compiuto',
  daOutcome: 'Esito',
  daSpendingByMeasure: 'Spesa per misura PNRR',
  daNoPnrrSpending: 'Nessuna voce di spesa finanziata dal PNRR.',
  daMeasure: 'Misura',
  daFreshness: 'Aggiornamento del piano',
  daFreshnessIntro: (never: string, total: string) =>
    `Azioni mai aggiornate da quando sono state scritte: ${never} su ${total}. Conta ogni modifica registrata nello storico, anche di una micro azione.`,
  daByUnit: 'Aggiornamenti per settore',
  daUnit: 'Settore',
  daActions: 'Azioni',
  daUpdated: 'Aggiornate almeno una volta',
  daLastUpdate: 'Ultimo aggiornamento',
  daNeverUpdated: 'Mai aggiornate',
  daNever: 'Mai',
  daStale: 'Azioni aperte ferme da più tempo',
  daNoStale: 'Nessuna azione aperta.',
  daDaysAgo: (n: number) => (n === 0 ? 'oggi' : n === 1 ? 'ieri' : `${n} giorni fa`),
  daOn: (date: string, ago: string) => `${date} (${ago})`,
} as const;

export type DashboardMessages = Widen<typeof it>;

const en: DashboardMessages = {
  daIndicators: 'Indicators against targets',
  daIndicatorsIntro:
    'For each indicator: the target of the current year (or the first after it), the latest measurement and the share of the way from baseline to target already covered.',
  daNoIndicators: 'The plan has no indicators.',
  daIndicator: 'Indicator',
  daTarget: 'Target',
  daTargetOf: (year, value) => `${value} in ${year}`,
  daLatest: 'Latest measurement',
  daLatestOf: (value, date, days) => `${value} on ${date} (${days})`,
  daWay: 'Way covered',
  daOutcome: 'Outcome',
  daSpendingByMeasure: 'Spending by PNRR measure',
  daNoPnrrSpending: 'No spending item funded by the PNRR.',
  daMeasure: 'Measure',
  daFreshness: 'How current the plan is',
  daFreshnessIntro: (never, total) =>
    `Actions never updated since they were written: ${never} of ${total}. Every change recorded in the history counts, a micro-action’s too.`,
  daByUnit: 'Updates by department',
  daUnit: 'Department',
  daActions: 'Actions',
  daUpdated: 'Updated at least once',
  daLastUpdate: 'Last update',
  daNeverUpdated: 'Never updated',
  daNever: 'Never',
  daStale: 'Open actions left alone the longest',
  daNoStale: 'No open action.',
  daDaysAgo: (n) => (n === 0 ? 'today' : n === 1 ? 'yesterday' : `${n} days ago`),
  daOn: (date, ago) => `${date} (${ago})`,
};

export const dashboard = { it, en };
