/**
 * The words of the plan facts editor: title, period, revision label, national edition and the
 * planning instruments the plan is attached to. Keys start with `pf`.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  pfTitle: 'Dati del piano',
  pfTitleOf: (plan: string) => `Dati del piano: ${plan}`,
  pfIntro:
    'Il titolo, il periodo, l’etichetta della revisione, l’edizione del Piano triennale nazionale seguita e gli strumenti di programmazione a cui il piano è collegato. Lo stato e l’atto di approvazione si cambiano da Documenti e pubblicazione.',
  pfRevisionLabel: 'Etichetta della revisione',
  pfRevisionHint: 'Per esempio “Aggiornamento 2026”. Lascia vuoto se non serve.',
  pfEdition: 'Edizione del Piano triennale nazionale',
  pfEditionHint: (editions: string) => `Le edizioni che piano conosce: ${editions}.`,
  pfEditionUnknown: (editions: string) => `Scegli un’edizione tra: ${editions}`,
  pfNoEdition: 'Nessuna',
  pfInstruments: 'Strumenti di programmazione collegati',
  pfInstrumentsHint:
    'Il DUP, il PIAO o gli altri strumenti in cui il piano confluisce. Per togliere una riga, svuota la sua descrizione.',
  pfInstrument: (n: string) => `Strumento ${n}`,
  pfInstrumentKind: 'Tipo',
  pfInstrumentLabel: 'Descrizione',
  pfInstrumentSection: 'Sezione',
  pfInstrumentReference: 'Riferimento',
  pfNone: 'nessuno',
  pfSave: 'Salva i dati del piano',
  pfFrozen:
    'Questa revisione è approvata o pubblicata e i suoi dati non si cambiano più. Per cambiarli, avvia una nuova revisione.',
  pfConflictTitle: 'Qualcun altro ha modificato i dati del piano',
  pfConflictText:
    'Mentre scrivevi, un’altra persona ha salvato i dati di questo piano. Confronta le modifiche: quello che hai scritto è ancora nel modulo qui sotto; salva per riapplicarlo sulla versione attuale.',
  pfSaved: 'Dati del piano salvati.',
  pfOnlyAdmins: 'Solo chi amministra l’ente cambia i dati del piano.',
} as const;

export type PlanFactsMessages = Widen<typeof it>;

const en: PlanFactsMessages = {
  pfTitle: 'Plan facts',
  pfTitleOf: (plan) => `Plan facts: ${plan}`,
  pfIntro:
    'The title, period, revision label, the edition of the national three-year plan followed and the planning instruments the plan is attached to. Status and approval act change from Documents and publication.',
  pfRevisionLabel: 'Revision label',
  pfRevisionHint: 'For example “2026 update”. Leave empty if not needed.',
  pfEdition: 'Edition of the national three-year plan',
  pfEditionHint: (editions) => `The editions piano knows: ${editions}.`,
  pfEditionUnknown: (editions) => `Choose an edition among: ${editions}`,
  pfNoEdition: 'None',
  pfInstruments: 'Related planning instruments',
  pfInstrumentsHint:
    'The DUP, the PIAO or the other instruments the plan flows into. To remove a row, empty its description.',
  pfInstrument: (n) => `Instrument ${n}`,
  pfInstrumentKind: 'Kind',
  pfInstrumentLabel: 'Description',
  pfInstrumentSection: 'Section',
  pfInstrumentReference: 'Reference',
  pfNone: 'none',
  pfSave: 'Save the plan facts',
  pfFrozen:
    'This revision is approved or published and its facts no longer change. To change them, start a new revision.',
  pfConflictTitle: 'Someone else changed the plan facts',
  pfConflictText:
    'While you were typing, someone else saved this plan’s facts. Compare the changes: what you typed is still in the form below; save to reapply it on the current version.',
  pfSaved: 'Plan facts saved.',
  pfOnlyAdmins: 'Only the organization’s admins change the plan facts.',
};

export const planFacts = { it, en };
