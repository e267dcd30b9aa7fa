/**
 * The words of the organization's people (members, roles, invitations) and of the page where an
 * invited person accepts, in Italian and English. Keys start with `pe`.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  pePeople: 'Persone',
  pePeopleTitle: 'Persone e ruoli',
  pePeopleIntro:
    'Chi lavora sul piano dell’ente e con quale ruolo. Le persone nuove entrano con un invito: un collegamento che vale una volta, da consegnare alla persona invitata.',
  peName: 'Nome',
  peRole: 'Ruolo',
  peUnit: 'Settore',
  peUnitHint: 'Solo per gli editor: il settore di cui aggiornano azioni e indicatori.',
  peNoUnit: 'Nessun settore',
  peRoleAdmin: 'Amministratore (RTD)',
  peRoleEditor: 'Editor di un settore',
  peRoleViewer: 'Lettore',
  peMembers: 'Utenti dell’ente',
  peNoMembers: 'Nessun utente.',
  peChangeRole: 'Cambia ruolo',
  peChangeRoleOf: (name: string) => `Cambia il ruolo di ${name}`,
  peRoleOf: (name: string) => `Ruolo di ${name}`,
  peUnitOf: (name: string) => `Settore di ${name}`,
  peRemove: 'Togli dall’ente',
  peRemoveOf: (name: string) => `Togli ${name} dall’ente`,
  peYou: '(tu)',
  peInvitations: 'Inviti aperti',
  peNoInvitations: 'Nessun invito in attesa.',
  peExpires: 'Scade il',
  peExpired: 'scaduto',
  peRevoke: 'Ritira',
  peRevokeOf: (email: string) => `Ritira l’invito a ${email}`,
  peInvite: 'Invita una persona',
  peInviteButton: 'Crea l’invito',
  peInviteEmailHint:
    'La risposta è la stessa che l’indirizzo abbia già un account o no: la persona entra solo quando accetta.',
  peIssuedTitle: (email: string) => `Invito creato per ${email}`,
  peIssuedText: (date: string) =>
    `Consegna questo collegamento alla persona invitata (per esempio per email): vale una volta sola, fino al ${date}, e non si potrà rivedere. Chi lo apre vede il ruolo e accetta con il proprio account o ne crea uno.`,
  peIssuedLink: 'Collegamento dell’invito',
  peEditorNeedsUnit: 'Scegli il settore: un editor ne ha sempre uno',
  peEmailInvalid: 'Scrivi un indirizzo email valido, per esempio nome@comune.it',
  peRoleInvalid: 'Scegli un ruolo dell’elenco',
  peRevoked: 'Invito ritirato.',
  peRemoved: 'Utente tolto dall’ente.',
  peWelcome: 'Invito accettato: benvenuto.',
  peAcceptTitle: 'Invito',
  peAcceptHeading: (organization: string) => `Invito a lavorare sul piano di ${organization}`,
  peAcceptFacts: (email: string, role: string) => `Indirizzo invitato: ${email}. Ruolo: ${role}.`,
  peAcceptValid: (date: string) => `L’invito vale una volta sola, fino al ${date}.`,
  peAcceptButton: 'Accetta l’invito',
  peAcceptSignedIn: (email: string) =>
    `Hai fatto l’accesso come ${email}: accettando, ricevi questo ruolo nell’ente.`,
  peAcceptOtherAccount: (invited: string, current: string) =>
    `L’invito è per ${invited}, ma hai fatto l’accesso come ${current}. Esci e accedi con l’indirizzo invitato, o crea un account per quell’indirizzo.`,
  peHaveAccount: 'Hai già un account per questo indirizzo?',
  peSignInToAccept: 'Accedi per accettare l’invito',
  peNewAccount: 'Non hai un account? Crealo e accetta',
  peNewAccountIntro: (email: string) =>
    `L’account avrà l’indirizzo ${email}. Scegli il nome con cui gli altri ti vedranno e una password di almeno 10 caratteri.`,
  peYourName: 'Il tuo nome e cognome',
  peNewPassword: 'Password (almeno 10 caratteri)',
  peRepeatPassword: 'Ripeti la password',
  pePasswordsDiffer: 'Le due password non coincidono',
  pePasswordShort: 'Almeno 10 caratteri',
  peCreateAndAccept: 'Crea l’account e accetta',
  peUnusableTitle: 'Invito non utilizzabile',
  peUsedText:
    'Questo invito è già stato accettato: ogni invito vale una volta sola. Se sei tu ad averlo accettato, accedi.',
  peExpiredText:
    'Questo invito è scaduto: chiedi all’amministratore dell’ente di inviarne uno nuovo.',
  peRevokedText: 'Questo invito è stato ritirato dall’amministratore dell’ente.',
  peUnknownText:
    'Questo invito non esiste: controlla di aver copiato il collegamento per intero, o chiedi un nuovo invito all’amministratore dell’ente.',
} as const;

export type PeopleMessages = Widen<typeof it>;

const en: PeopleMessages = {
  pePeople: 'People',
  pePeopleTitle: 'People and roles',
  pePeopleIntro:
    'Who works on the organization’s plan, and in which role. New people join by invitation: a link that works once, to hand to the invited person.',
  peName: 'Name',
  peRole: 'Role',
  peUnit: 'Unit',
  peUnitHint: 'For editors only: the unit whose actions and indicators they update.',
  peNoUnit: 'No unit',
  peRoleAdmin: 'Administrator (RTD)',
  peRoleEditor: 'Editor of a unit',
  peRoleViewer: 'Reader',
  peMembers: 'The organization’s users',
  peNoMembers: 'No users.',
  peChangeRole: 'Change role',
  peChangeRoleOf: (name) => `Change the role of ${name}`,
  peRoleOf: (name) => `Role of ${name}`,
  peUnitOf: (name) => `Unit of ${name}`,
  peRemove: 'Remove from the organization',
  peRemoveOf: (name) => `Remove ${name} from the organization`,
  peYou: '(you)',
  peInvitations: 'Open invitations',
  peNoInvitations: 'No invitation waiting.',
  peExpires: 'Expires on',
  peExpired: 'expired',
  peRevoke: 'Withdraw',
  peRevokeOf: (email) => `Withdraw the invitation to ${email}`,
  peInvite: 'Invite someone',
  peInviteButton: 'Create the invitation',
  peInviteEmailHint:
    'The answer is the same whether the address has an account or not: the person joins only when they accept.',
  peIssuedTitle: (email) => `Invitation created for ${email}`,
  peIssuedText: (date) =>
    `Hand this link to the invited person (by e-mail, for instance): it works once, until ${date}, and cannot be shown again. Whoever opens it sees the role and accepts with their account or creates one.`,
  peIssuedLink: 'Invitation link',
  peEditorNeedsUnit: 'Choose the unit: an editor always has one',
  peEmailInvalid: 'Write a valid e-mail address, such as name@comune.it',
  peRoleInvalid: 'Choose a role from the list',
  peRevoked: 'Invitation withdrawn.',
  peRemoved: 'User removed from the organization.',
  peWelcome: 'Invitation accepted: welcome.',
  peAcceptTitle: 'Invitation',
  peAcceptHeading: (organization) => `Invitation to work on the plan of ${organization}`,
  peAcceptFacts: (email, role) => `Invited address: ${email}. Role: ${role}.`,
  peAcceptValid: (date) => `The invitation works once, until ${date}.`,
  peAcceptButton: 'Accept the invitation',
  peAcceptSignedIn: (email) =>
    `You are signed in as ${email}: by accepting, you get this role in the organization.`,
  peAcceptOtherAccount: (invited, current) =>
    `The invitation is for ${invited}, but you are signed in as ${current}. Sign out and sign in with the invited address, or create an account for that address.`,
  peHaveAccount: 'Do you already have an account for this address?',
  peSignInToAccept: 'Sign in to accept the invitation',
  peNewAccount: 'No account? Create one and accept',
  peNewAccountIntro: (email) =>
    `The account will have the address ${email}. Choose the name others will see and a password of at least 10 characters.`,
  peYourName: 'Your full name',
  peNewPassword: 'Password (at least 10 characters)',
  peRepeatPassword: 'Repeat the password',
  pePasswordsDiffer: 'The two passwords differ',
  pePasswordShort: 'At least 10 characters',
  peCreateAndAccept: 'Create the account and accept',
  peUnusableTitle: 'Invitation not usable',
  peUsedText:
    'This invitation has already been accepted: each invitation works once. If you accepted it, sign in.',
  peExpiredText: 'This invitation has expired: ask the organization’s administrator for a new one.',
  peRevokedText: 'This invitation was withdrawn by the organization’s administrator.',
  peUnknownText:
    'This invitation does not exist: check that you copied the whole link, or ask the organization’s administrator for a new invitation.',
};

export const people = { it, en };
