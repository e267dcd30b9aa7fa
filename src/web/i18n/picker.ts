/**
 * The words of the catalog picker on the action editor, where an action is linked to lines of
 * the national three-year plan and to PNRR measures. Keys start with `pk`.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  pkSection: 'Collegamenti al Piano triennale nazionale',
  pkIntro: (edition: string) =>
    `Le linee d’azione del Piano triennale AgID ${edition} e le misure PNRR (Missione 1, Componente 1) a cui l’azione contribuisce: contano nella copertura del piano nazionale.`,
  pkLinkedLines: 'Linee d’azione collegate',
  pkLinkedMeasures: 'Misure PNRR collegate',
  pkNoLines: 'Nessuna linea d’azione collegata.',
  pkNoMeasures: 'Nessuna misura PNRR collegata.',
  pkUntitled: 'codice non presente nel catalogo',
  pkUnlink: 'Scollega',
  pkLink: 'Collega',
  pkAlreadyLinked: 'Già collegata',
  pkSearchLabel: 'Cerca una linea o una misura PNRR per codice o parole',
  pkSearchHint: 'Ad esempio CAP4.PA, 1.4.3 oppure “stato civile ANPR”.',
  pkSearchButton: 'Cerca',
  pkResults: (text: string) => `Risultati per “${text}”`,
  pkResultLines: (n: string) => `Linee d’azione trovate: ${n}`,
  pkResultMeasures: (n: string) => `Misure PNRR trovate: ${n}`,
  pkNoResults: (text: string) =>
    `Nessuna linea d’azione e nessuna misura PNRR corrisponde a “${text}”. Prova con l’inizio di un codice o con altre parole.`,
  pkShownFirst: (shown: string, total: string) =>
    `Sono mostrate le prime ${shown} su ${total}: aggiungi parole per restringere la ricerca.`,
  pkSearchTooLong: 'La ricerca deve avere meno di 200 caratteri',
  pkSearchInvalid: 'La ricerca contiene caratteri non ammessi: scrivi solo codici o parole',
  pkFrozen:
    'Questa revisione del piano è approvata o pubblicata: i collegamenti non si possono più cambiare. Per cambiarli, avvia una nuova revisione.',
  pkConflictTitle: 'Collegamento non salvato: l’azione è cambiata',
  pkConflictText: (what: string) =>
    `Mentre lavoravi, un’altra persona ha salvato questa azione, quindi ${what} non è stato salvato. Qui sotto trovi i collegamenti di adesso: controllali e, se serve ancora, conferma.`,
  pkConflictLink: (code: string) => `il collegamento di ${code}`,
  pkConflictUnlink: (code: string) => `lo scollegamento di ${code}`,
  pkConfirmLink: (code: string) => `Collega ${code}`,
  pkConfirmUnlink: (code: string) => `Scollega ${code}`,
  pkUnknownCode: (code: string) =>
    `Il codice “${code}” non è nel catalogo del Piano triennale nazionale né tra le misure PNRR: cercalo e usa il pulsante Collega.`,
  pkNothingChosen: 'Scegli una linea o una misura da collegare o scollegare.',
  pkRefusedTitle: 'Collegamento non salvato',
  pkBackToAction: 'Torna all’azione',
  pkLinkedLine: 'Linea d’azione collegata all’azione.',
  pkUnlinkedLine: 'Linea d’azione scollegata dall’azione.',
  pkLinkedMeasure: 'Misura PNRR collegata all’azione.',
  pkUnlinkedMeasure: 'Misura PNRR scollegata dall’azione.',
} as const;

export type PickerMessages = Widen<typeof it>;

const en: PickerMessages = {
  pkSection: 'Links to the national three-year plan',
  pkIntro: (edition) =>
    `The lines of action of AgID’s three-year plan ${edition} and the PNRR measures (Mission 1, Component 1) this action contributes to: they count in the coverage of the national plan.`,
  pkLinkedLines: 'Linked lines of action',
  pkLinkedMeasures: 'Linked PNRR measures',
  pkNoLines: 'No line of action linked.',
  pkNoMeasures: 'No PNRR measure linked.',
  pkUntitled: 'code not in the catalog',
  pkUnlink: 'Unlink',
  pkLink: 'Link',
  pkAlreadyLinked: 'Already linked',
  pkSearchLabel: 'Search a line or a PNRR measure by code or words',
  pkSearchHint: 'For example CAP4.PA, 1.4.3 or “stato civile ANPR”.',
  pkSearchButton: 'Search',
  pkResults: (text) => `Results for “${text}”`,
  pkResultLines: (n) => `Lines of action found: ${n}`,
  pkResultMeasures: (n) => `PNRR measures found: ${n}`,
  pkNoResults: (text) =>
    `No line of action and no PNRR measure matches “${text}”. Try the beginning of a code or other words.`,
  pkShownFirst: (shown, total) =>
    `The first ${shown} of ${total} are shown: add words to narrow the search.`,
  pkSearchTooLong: 'The search must be shorter than 200 characters',
  pkSearchInvalid: 'The search contains characters that are not allowed: write only codes or words',
  pkFrozen:
    'This revision of the plan is approved or published: its links can no longer change. To change them, start a new revision.',
  pkConflictTitle: 'Link not saved: the action changed',
  pkConflictText: (what) =>
    `While you were working, someone else saved this action, so ${what} was not saved. The links as they are now are below: check them and, if still needed, confirm.`,
  pkConflictLink: (code) => `linking ${code}`,
  pkConflictUnlink: (code) => `unlinking ${code}`,
  pkConfirmLink: (code) => `Link ${code}`,
  pkConfirmUnlink: (code) => `Unlink ${code}`,
  pkUnknownCode: (code) =>
    `The code “${code}” is neither in the national three-year plan’s catalog nor among the PNRR measures: search for it and use the Link button.`,
  pkNothingChosen: 'Choose a line or a measure to link or unlink.',
  pkRefusedTitle: 'Link not saved',
  pkBackToAction: 'Back to the action',
  pkLinkedLine: 'Line of action linked to the action.',
  pkUnlinkedLine: 'Line of action unlinked from the action.',
  pkLinkedMeasure: 'PNRR measure linked to the action.',
  pkUnlinkedMeasure: 'PNRR measure unlinked from the action.',
};

export const picker = { it, en };
