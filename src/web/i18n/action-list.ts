/**
 * The words of the back office's action list: filters, search, order, the table and the
 * timeline by year. Keys start with `al`.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  alTitle: 'Azioni del piano',
  alTitleOf: (plan: string) => `Azioni: ${plan}`,
  alOpen: 'Elenco, ricerca e cronoprogramma delle azioni',
  alFilters: 'Cerca e filtra le azioni',
  alSearch: 'Cerca per codice o parole',
  alSearchHint: 'Nel codice, nel titolo, nella descrizione e nelle responsabilità.',
  alSearchTooLong: (max: string) => `La ricerca può avere al massimo ${max} caratteri`,
  alOverdueOnly: 'Solo le azioni scadute',
  alSort: 'Ordina per',
  alSorts: {
    piano: 'Ordine del piano',
    scadenza: 'Scadenza (prima le più vicine)',
    titolo: 'Titolo',
    stato: 'Stato',
    avanzamento: 'Avanzamento (prima le più avanti)',
  } as Record<string, string>,
  alView: 'Vista',
  alViews: { elenco: 'Elenco', anni: 'Cronoprogramma per anno' } as Record<string, string>,
  alApply: 'Mostra',
  alShowAll: 'Mostra tutte le azioni',
  alCount: (shown: string, total: string) => `Azioni mostrate: ${shown} su ${total}.`,
  alNone: 'Nessuna azione corrisponde alla ricerca e ai filtri scelti.',
  alNoActions: 'Il piano non ha ancora azioni.',
  alOverdue: 'Scaduta',
  alTimelineCaption: 'Cronoprogramma: gli anni in cui ogni azione è in corso',
  alActiveYear: 'In corso',
  alDueYear: (date: string) => `Scadenza ${date}`,
  alIdleYear: 'Nessuna attività',
} as const;

export type ActionListMessages = Widen<typeof it>;

const en: ActionListMessages = {
  alTitle: 'Actions of the plan',
  alTitleOf: (plan) => `Actions: ${plan}`,
  alOpen: 'List, search and timeline of the actions',
  alFilters: 'Search and filter the actions',
  alSearch: 'Search by code or words',
  alSearchHint: 'In the code, title, description and responsibilities.',
  alSearchTooLong: (max) => `The search can be at most ${max} characters long`,
  alOverdueOnly: 'Overdue actions only',
  alSort: 'Sort by',
  alSorts: {
    piano: 'The plan’s order',
    scadenza: 'Deadline (nearest first)',
    titolo: 'Title',
    stato: 'Status',
    avanzamento: 'Progress (furthest first)',
  },
  alView: 'View',
  alViews: { elenco: 'List', anni: 'Timeline by year' },
  alApply: 'Show',
  alShowAll: 'Show all actions',
  alCount: (shown, total) => `Actions shown: ${shown} of ${total}.`,
  alNone: 'No action matches the search and filters chosen.',
  alNoActions: 'The plan has no actions yet.',
  alOverdue: 'Overdue',
  alTimelineCaption: 'Timeline: the years in which each action is under way',
  alActiveYear: 'Under way',
  alDueYear: (date) => `Deadline ${date}`,
  alIdleYear: 'No activity',
};

export const actionList = { it, en };
