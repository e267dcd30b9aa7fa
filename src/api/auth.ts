import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireSignedIn as signedIn, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
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
 * anything is validated or looked up, so whether a draft exists is never revealed either. The
 * operations authorize every write themselves; this only decides which error comes first.
 */
export async function requireSignedIn(request: FastifyRequest) {
  signedIn(request.principal);
}
