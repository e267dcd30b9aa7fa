import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PianoError, validationError } from '../domain/errors.js';
import { unreadableTextProblems } from '../domain/validation.js';
import { SESSION_COOKIE } from './auth.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that a browser sent from another site, on top of the
 * SameSite=Strict session cookie: the `Origin` header must name this server (its configured
 * public address, or the host the request was sent to); without `Origin`, `Sec-Fetch-Site` must
 * not say another site. Clients that send neither (the CLI, curl, scripts with a session
 * cookie of their own) are not browsers a foreign page can drive, and pass.
 */
export function registerOriginCheck(app: FastifyInstance, publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (origin === publicOrigin || sameHost(origin, request)) return;
      throw crossOrigin(origin);
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw crossOrigin(site);
  });
}

/** Whether the Origin names the host the request was sent to (default ports compared as such). */
function sameHost(origin: string, request: FastifyRequest): boolean {
  const own = `${origin.startsWith('https:') ? 'https:' : 'http:'}//${request.host}`;
  if (!URL.canParse(origin) || !URL.canParse(own)) return false;
  return new URL(origin).host === new URL(own).host;
}

const crossOrigin = (from: string) =>
  new PianoError(
    'forbidden',
    `Richiesta rifiutata: chi modifica i dati deve farlo dalle pagine di piano, non da un altro sito (${from.slice(0, 100)}).`,
  );

/**
 * Answers that may hold one person's or one organization's data are never stored by browsers or
 * proxies: everything about the session, and every answer to a signed-in request or marked
 * private, gets `Cache-Control: no-store`. Public answers (published plans, assets) keep theirs.
 */
export function registerPrivateNoStore(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    // Fingerprinted assets are the same for everyone, signed in or not.
    if (/\bimmutable\b/.test(cacheControl)) return payload;
    const signedIn = request.cookies?.[SESSION_COOKIE] !== undefined;
    if (request.url.startsWith('/api/session') || signedIn || /\bprivate\b/.test(cacheControl)) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}

/**
 * Refuses text that no part of piano can store or write (NUL and other control characters,
 * broken surrogate pairs) wherever a request carries it, path, query or body, with a 422 that
 * names the field: PostgreSQL would refuse NUL with an error, and documents the others.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const problems = [
      ...unreadableTextProblems(request.params).map((p) => ({ ...p, in: 'params' as const })),
      ...unreadableTextProblems(request.query).map((p) => ({ ...p, in: 'querystring' as const })),
      ...unreadableTextProblems(request.body),
    ];
    if (problems.length > 0) throw validationError(problems);
  });
}
