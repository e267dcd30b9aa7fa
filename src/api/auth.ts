import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PianoError } from '../domain/errors.js';
import { roleIn, type OrgRole, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import type { Actor } from '../storage/audit.js';
import { principalForToken } from '../operations/sessions.js';

export const SESSION_COOKIE = 'piano_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Resolves the session cookie, if any, to the signed-in user and their memberships. */
export function registerPrincipal(app: FastifyInstance, db: Db) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.principal = token ? await principalForToken(db, token) : null;
  });
}

/**
 * A preValidation hook for write routes: an anonymous caller is told to sign in (401) before
 * anything is validated or looked up, so whether a draft exists is never revealed either.
 */
export async function requireSignedIn(request: FastifyRequest) {
  if (!request.principal) throw new PianoError('unauthenticated', 'Accedere per continuare');
}

const RANK: Record<OrgRole, number> = { viewer: 1, editor: 2, admin: 3 };

/** Refuses unless the user holds at least `minimum` in the organization; returns the role. */
export function requireRole(request: FastifyRequest, organizationId: string, minimum: OrgRole) {
  if (!request.principal) throw new PianoError('unauthenticated', 'Accedere per continuare');
  const role = roleIn(request.principal, organizationId);
  if (!role || RANK[role] < RANK[minimum]) {
    throw new PianoError('forbidden', 'Il tuo ruolo non consente questa operazione su questo ente');
  }
  return role;
}

export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return p ? { userId: p.userId, name: p.email } : { userId: null, name: 'anonimo' };
}
