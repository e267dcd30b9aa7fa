/**
 * The words of the audit history in the back office (who changed what, when, from what to what)
 * and of the calendar feed's address. Keys start with `hi`.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  hiHistory: 'Storico delle modifiche',
  hiHistoryOf: (what: string) => `Storico delle modifiche: ${what}`,
  hiHistoryIntro:
    'Ogni modifica registrata, dalla più recente: chi l’ha fatta, quando, quale campo e i valori prima e dopo.',
  hiWhen: 'Quando',
  hiWho: 'Chi',
  hiWhat: 'Elemento',
  hiField: 'Campo',
  hiBefore: 'Prima',
  hiAfter: 'Dopo',
  hiNone: 'Nessuna modifica registrata.',
  hiCreated: 'creato',
  hiDeleted: 'eliminato',
  hiAllPlan: 'Tutto il piano',
  hiEntity: {
    plan: 'Piano',
    priority: 'Priorità',
    action: 'Azione',
    micro_action: 'Micro azione',
    indicator: 'Indicatore',
    measurement: 'Rilevazione',
    spending: 'Spesa',
    platform: 'Piattaforma',
    baseline: 'Stato dell’arte',
    section: 'Sezione',
    normative_reference: 'Riferimento normativo',
    glossary: 'Glossario',
    unit: 'Settore',
    role: 'Ruolo',
    membership: 'Utente',
    invitation: 'Invito',
    approval_file: 'Atto firmato',
    calendar_token: 'Indirizzo del calendario',
    organization: 'Ente',
  } as Record<string, string>,
  hiFields: {
    title: 'Titolo',
    status: 'Stato',
    progress: 'Avanzamento',
    timing: 'Tempi',
    ownerUnitIds: 'Settori titolari',
    role: 'Ruolo',
    approval: 'Atto di approvazione',
    description: 'Descrizione',
    value: 'Valore',
    catalogRefs: 'Linee nazionali',
    pnrrMeasures: 'Misure PNRR',
  } as Record<string, string>,
  hiCalendar: 'Calendario delle scadenze',
  hiCalendarIntro:
    'Un indirizzo segreto da aggiungere al calendario dell’ufficio (Outlook, Thunderbird, Google Calendar): mostra le scadenze delle azioni e gli adempimenti ricorrenti dell’ente e si aggiorna da solo.',
  hiCalendarLive: (date: string) => `C’è un indirizzo attivo, creato il ${date}.`,
  hiCalendarNone: 'Non c’è un indirizzo attivo.',
  hiCalendarIssue: 'Crea un nuovo indirizzo',
  hiCalendarIssueHint:
    'Un nuovo indirizzo sostituisce il precedente, che smette di funzionare: usalo se quello vecchio è finito in mani sbagliate.',
  hiCalendarRevoke: 'Revoca l’indirizzo',
  hiCalendarIssued: 'Nuovo indirizzo del calendario creato.',
  hiCalendarIssuedText:
    'Copia questo indirizzo nel calendario: è mostrato solo ora e chiunque lo abbia vede le scadenze dell’ente.',
  hiCalendarAddress: 'Indirizzo del calendario',
  hiCalendarRevoked: 'Indirizzo del calendario revocato.',
} as const;

export type HistoryMessages = Widen<typeof it>;

const en: HistoryMessages = {
  hiHistory: 'History of changes',
  hiHistoryOf: (what) => `History of changes: ${what}`,
  hiHistoryIntro:
    'Every recorded change, newest first: who made it, when, which field, and the values before and after.',
  hiWhen: 'When',
  hiWho: 'Who',
  hiWhat: 'Item',
  hiField: 'Field',
  hiBefore: 'Before',
  hiAfter: 'After',
  hiNone: 'No change recorded.',
  hiCreated: 'created',
  hiDeleted: 'deleted',
  hiAllPlan: 'The whole plan',
  hiEntity: {
    plan: 'Plan',
    priority: 'Priority',
    action: 'Action',
    micro_action: 'Micro-action',
    indicator: 'Indicator',
    measurement: 'Measurement',
    spending: 'Spending',
    platform: 'Platform',
    baseline: 'State of the art',
    section: 'Section',
    normative_reference: 'Normative reference',
    glossary: 'Glossary',
    unit: 'Unit',
    role: 'Role',
    membership: 'User',
    invitation: 'Invitation',
    approval_file: 'Signed act',
    calendar_token: 'Calendar address',
    organization: 'Organization',
  },
  hiFields: {
    title: 'Title',
    status: 'Status',
    progress: 'Progress',
    timing: 'Timing',
    ownerUnitIds: 'Owning units',
    role: 'Role',
    approval: 'Approval act',
    description: 'Description',
    value: 'Value',
    catalogRefs: 'National lines',
    pnrrMeasures: 'PNRR measures',
  },
  hiCalendar: 'Deadline calendar',
  hiCalendarIntro:
    'A secret address to add to the office calendar (Outlook, Thunderbird, Google Calendar): it shows the deadlines of the actions and the organization’s recurring obligations, and updates itself.',
  hiCalendarLive: (date) => `There is a live address, created on ${date}.`,
  hiCalendarNone: 'There is no live address.',
  hiCalendarIssue: 'Create a new address',
  hiCalendarIssueHint:
    'A new address replaces the previous one, which stops working: use it if the old one fell into the wrong hands.',
  hiCalendarRevoke: 'Revoke the address',
  hiCalendarIssued: 'New calendar address created.',
  hiCalendarIssuedText:
    'Copy this address into the calendar: it is shown only now, and anyone who has it sees the organization’s deadlines.',
  hiCalendarAddress: 'Calendar address',
  hiCalendarRevoked: 'Calendar address revoked.',
};

export const history = { it, en };
