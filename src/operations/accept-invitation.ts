import { PianoError } from '../domain/errors.js';
import { requireSignedIn, type OrgRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import {
  findInvitationByToken,
  markInvitationAccepted,
  type InvitationRow,
} from '../storage/invitations.js';
import { findUserByEmail, insertUser, upsertMembership } from '../storage/users.js';
import { checkNewPassword } from './add-user.js';
import { actorOf } from './callers.js';
import { invitationEvent } from './invite-member.js';
import { writeInTransaction } from './parts.js';
import { hashPassword } from './passwords.js';
import { hashToken } from './sessions.js';

/** What the holder of an invitation link may know of it. */
export interface InvitationForInvitee {
  organizationId: string;
  organizationName: string;
  email: string;
  role: OrgRole;
  unitId: string | null;
  unitName: string | null;
  expiresAt: string;
  state: 'open' | 'expired' | 'accepted' | 'revoked';
}

const UNUSABLE: Record<Exclude<InvitationForInvitee['state'], 'open'>, string> = {
  accepted: 'Questo invito è già stato accettato: ogni invito vale una volta sola',
  expired: 'Questo invito è scaduto: chiedere all’amministratore dell’ente di inviarne uno nuovo',
  revoked: 'Questo invito è stato ritirato dall’amministratore dell’ente',
};

/** The invitation a link opens, for the page where its holder accepts it. */
export async function readInvitation(options: {
  db: Db;
  token: string;
}): Promise<InvitationForInvitee> {
  const row = await findInvitationByToken(options.db, hashToken(options.token));
  if (!row) {
    throw new PianoError(
      'not_found',
      'Questo invito non esiste: controllare di aver copiato il collegamento per intero',
    );
  }
  return {
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    email: row.email,
    role: row.role,
    unitId: row.unitId,
    unitName: row.unitName,
    expiresAt: row.expiresAt,
    state: row.state,
  };
}

/** The invitation, if it can still be accepted; a specific refusal otherwise. */
async function usableInvitation(db: Db, token: string) {
  const invitation = await readInvitation({ db, token });
  if (invitation.state !== 'open') throw new PianoError('conflict', UNUSABLE[invitation.state]);
  return invitation;
}

/** Takes the invitation once and gives its role, in the caller's transaction. */
async function takeInvitation(tx: Db, token: string, user: { id: string; email: string }) {
  const taken: InvitationRow | null = await markInvitationAccepted(tx, hashToken(token), user.id);
  if (!taken) throw new PianoError('conflict', UNUSABLE.accepted);
  await upsertMembership(tx, user.id, {
    organizationId: taken.organizationId,
    role: taken.role,
    unitId: taken.unitId,
  });
  await insertAuditEvents(tx, { userId: user.id, name: user.email }, [
    invitationEvent('update', taken, { acceptedBy: user.id }),
    {
      organizationId: taken.organizationId,
      planId: null,
      operation: 'create',
      entityType: 'membership',
      entityId: user.id,
      field: 'role',
      before: null,
      after: { role: taken.role, unitId: taken.unitId },
    },
  ]);
  return { organizationId: taken.organizationId, role: taken.role, unitId: taken.unitId };
}

/**
 * The signed-in invitee accepts: the invitation is for their address, and it gives its role
 * (replacing any role they had in that organization). A link works once.
 */
export async function acceptInvitation(options: {
  db: Db;
  principal: Principal | null;
  token: string;
}) {
  const principal = requireSignedIn(options.principal);
  const invitation = await usableInvitation(options.db, options.token);
  if (actorOf(principal).userId === null) {
    throw new PianoError('forbidden', 'Un invito si accetta solo da un account personale');
  }
  if (principal.email.toLowerCase() !== invitation.email) {
    throw new PianoError(
      'forbidden',
      `Questo invito è per ${invitation.email}, ma l’accesso è stato fatto come ${principal.email}: uscire e accedere con l’indirizzo invitato`,
    );
  }
  return writeInTransaction(options.db, (tx) =>
    takeInvitation(tx, options.token, { id: principal.userId, email: principal.email }),
  );
}

/**
 * An invitee without an account creates one for the invited address and accepts, in one step:
 * the account exists only if the invitation was taken.
 */
export async function acceptInvitationWithNewAccount(options: {
  db: Db;
  token: string;
  name: string;
  password: string;
}) {
  const name = options.name.trim();
  if (!name) {
    throw new PianoError('validation', 'Indicare il proprio nome', [
      { field: '/name', message: 'è obbligatorio' },
    ]);
  }
  checkNewPassword(options.password);
  const invitation = await usableInvitation(options.db, options.token);
  const passwordHash = await hashPassword(options.password);
  return writeInTransaction(options.db, async (tx) => {
    if (await findUserByEmail(tx, invitation.email)) {
      throw new PianoError(
        'conflict',
        `Esiste già un account per ${invitation.email}: accedere con quello per accettare l’invito`,
      );
    }
    const user = await insertUser(tx, {
      email: invitation.email,
      name,
      passwordHash,
      platformRole: null,
    });
    const membership = await takeInvitation(tx, options.token, user);
    return { userId: user.id, email: user.email, ...membership };
  });
}
