/**
 * What keeps the back office's forms safe: the session cookie (the same one the API sets), a
 * synchronizer token tied to the session in every form, a same-origin check of the Origin header,
 * and the form body parser. See README ("Back office") for why a synchronizer token derived from
 * the session was chosen over a CSRF library.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PianoError } from '../../domain/errors.js';

/** The session cookie shared with the API (src/api/auth.ts names it the same). */
export const SESSION_COOKIE = 'piano_session';
/** A random value for the sign-in form, before any session exists (double submit). */
export const SIGN_IN_COOKIE = 'piano_signin';
/** The organization the signed-in user is working on, among theirs. */
export const ORGANIZATION_COOKIE = 'piano_org';
/** The hidden field every form carries. */
export const CSRF_FIELD = '_csrf';

export interface CookieSettings {
  sessionHours: number;
  secure: boolean;
}

/**
 * The token a signed-in user's forms carry: a hash of their session's secret under its own
 * label. It needs no storage, changes with every session, and cannot be computed without the
 * session cookie, which scripts of other sites (and of this one: it is httpOnly) cannot read.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`piano-csrf\u0000${sessionToken}`).digest('base64url');
}

export const newSignInToken = () => randomBytes(24).toString('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when an Origin header names the host the request was sent to (default ports aside). */
function sameHost(origin: string, host: string): boolean {
  if (!URL.canParse(origin)) return false;
  const from = new URL(origin);
  const to = `${from.protocol}//${host}`;
  return URL.canParse(to) && new URL(to).host === from.host;
}

export type FormBody = Record<string, string>;

/** The posted form's fields (the last value of a repeated name). */
export function formOf(request: FastifyRequest): FormBody {
  const body = request.body;
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

/**
 * Refuses a form post (403) unless it comes from this site: an Origin header naming another
 * host, or a missing or wrong token. Signed-in forms carry the session's token; the sign-in form
 * carries the value of its own cookie. A multipart form (an upload) passes the token it read.
 */
export function checkForm(
  request: FastifyRequest,
  kind: 'session' | 'sign-in',
  sent: string = formOf(request)[CSRF_FIELD] ?? '',
) {
  const origin = request.headers.origin;
  if (origin !== undefined && !sameHost(origin, request.host)) {
    throw new PianoError('forbidden', 'csrf');
  }
  const expected =
    kind === 'session'
      ? request.cookies[SESSION_COOKIE]
        ? csrfTokenFor(request.cookies[SESSION_COOKIE])
        : ''
      : (request.cookies[SIGN_IN_COOKIE] ?? '');
  if (!expected || !sameText(sent, expected)) throw new PianoError('forbidden', 'csrf');
}

/** Form posts arrive URL-encoded; this scope reads them into a plain object. */
export function acceptForms(app: FastifyInstance) {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_request, body, done) => {
      const fields: FormBody = {};
      for (const [k, v] of new URLSearchParams(body as string)) fields[k] = v;
      done(null, fields);
    },
  );
}

export function setSessionCookie(reply: FastifyReply, token: string, settings: CookieSettings) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.secure,
    maxAge: settings.sessionHours * 3600,
  });
}

/** A place to go back to after signing in: a path of this site only, never another host. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return null;
  if (value.includes('\\') || value.length > 500) return null;
  return value;
}

/**
 * The path of the page a post was sent from (its Referer, which pages send on same-origin
 * requests), as a place to come back to; null when absent or not a path of this site.
 */
export function refererPath(request: FastifyRequest): string | null {
  const referer = request.headers.referer;
  if (typeof referer !== 'string') return null;
  try {
    const url = new URL(referer);
    // Not the notice the page was opened with: coming back is not another success.
    url.searchParams.delete('esito');
    return safeReturnPath(`${url.pathname}${url.search}`);
  } catch {
    return null;
  }
}
