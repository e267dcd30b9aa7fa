/**
 * The words of the session's warning before it ends, of the drafts a browser keeps of what was
 * typed, and of the live reading of timing words. Keys start with `se`.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  seEnding: 'La sessione sta per scadere',
  seEndingText:
    'Fra pochi minuti dovrai accedere di nuovo. Quello che scrivi resta conservato in questo browser finché non lo salvi.',
  seEndsAt: 'Scade alle',
  seStay: 'Resta connesso',
  seEnded: 'La sessione è scaduta',
  seEndedText:
    'Quello che avevi scritto è conservato in questo browser: accedi di nuovo e lo ritroverai nel modulo.',
  seSignInAgain: 'Accedi di nuovo',
  seRenewed: 'La sessione è stata rinnovata.',
  seExpiredOnPost:
    'La sessione era scaduta e la modifica non è stata salvata. Accedi di nuovo: quello che avevi scritto è conservato in questo browser e torna nel modulo.',
  seDraftRestored:
    'Abbiamo rimesso nel modulo quello che avevi scritto e non avevi ancora salvato.',
  seDraftDiscard: 'Scarta il testo ripristinato',
  seTimingTooLong: 'I tempi possono avere al massimo 2000 caratteri',
  seOutOfRange: (min: string, max: string) => `Inserisci un numero da ${min} a ${max}`,
} as const;

export type SessionMessages = Widen<typeof it>;

const en: SessionMessages = {
  seEnding: 'Your session is about to end',
  seEndingText:
    'In a few minutes you will have to sign in again. What you type stays in this browser until you save it.',
  seEndsAt: 'It ends at',
  seStay: 'Stay signed in',
  seEnded: 'Your session has ended',
  seEndedText:
    'What you typed is kept in this browser: sign in again and you will find it in the form.',
  seSignInAgain: 'Sign in again',
  seRenewed: 'Your session has been renewed.',
  seExpiredOnPost:
    'Your session had ended and the change was not saved. Sign in again: what you typed is kept in this browser and comes back in the form.',
  seDraftRestored: 'We put back in the form what you had typed and not saved yet.',
  seDraftDiscard: 'Discard the restored text',
  seTimingTooLong: 'Timing can be at most 2000 characters long',
  seOutOfRange: (min, max) => `Enter a number from ${min} to ${max}`,
};

export const session = { it, en };
