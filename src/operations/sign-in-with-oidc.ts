/**
 * Signing in through an OpenID Connect provider (a SPID/CIE broker, or an administration's own
 * identity provider): the authorization code flow with PKCE, by `openid-client`. The operation
 * has two halves, one per browser visit: `startOidcSignIn` before sending the person to the
 * provider, `finishOidcSignIn` when the provider sends them back. A person is never created
 * here: the provider proves who they are, piano's own accounts say what they may do.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import {
  normalizeFiscalCode,
  vouchedEmail,
  type OidcSettings,
} from '../domain/rules/oidc-identity.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import {
  findUserByFiscalCode,
  findUserByOidcSubject,
  insertOidcFlow,
  linkOidcSubject,
  takeOidcFlow,
  type OidcFlowRow,
} from '../storage/oidc.js';
import { insertSignInEvent } from '../storage/sign-in-events.js';
import { findUserByEmail, type UserRow } from '../storage/users.js';
import { startSession } from './sessions.js';

/** How long a person may take at the provider before the sign-in must start again. */
export const OIDC_FLOW_SECONDS = 600;

/** Why a sign-in through the provider did not end in a session; each has its own page. */
export type OidcFailure =
  /** The provider answered with an error (`error=access_denied` when the person declined). */
  | 'provider_error'
  /** No sign-in under way in this browser, or it took more than ten minutes. */
  | 'expired'
  /** The state sent back is not the one this browser was given. */
  | 'state'
  /** The code or the ID token did not pass openid-client's checks (signature, nonce, PKCE…). */
  | 'token'
  /** The provider proved who the person is, but no account of piano is theirs. */
  | 'no_account'
  /** The provider could not be reached. */
  | 'unavailable';

export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcFailure,
    message: string,
    /** The provider's own error code, for `provider_error`. */
    readonly providerError?: string,
  ) {
    super(message);
  }

  /** Where the person was going when the sign-in began, when known: its language is theirs. */
  returnTo: string | undefined;
}

const hashFlowId = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * The provider's configuration, read once from its discovery document and kept; a failed read
 * is forgotten so that the next sign-in tries again.
 */
const discovered = new Map<string, Promise<oidc.Configuration>>();

function providerOf(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret ?? '']);
  let found = discovered.get(key);
  if (!found) {
    found = oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      { redirect_uris: [settings.redirectUri], response_types: ['code'] },
      // A confidential client authenticates as OpenID Connect's default (client_secret_basic);
      // a public one has no secret and relies on PKCE alone.
      settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
      {
        timeout: 10,
        // Plain http only for a provider configured so (development and tests): production
        // refuses such an issuer at start-up (config.ts).
        ...(settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {}),
      },
    );
    discovered.set(key, found);
    found.catch(() => discovered.delete(key));
  }
  return found;
}

async function reachProvider(settings: OidcSettings) {
  try {
    return await providerOf(settings);
  } catch {
    throw new OidcSignInError('unavailable', 'Il fornitore di identità non risponde');
  }
}

/**
 * Begins a sign-in: a random state, nonce and PKCE verifier kept in a database row (found by
 * the hash of `flowId`, which the browser keeps in a cookie), and the provider's address to
 * send the person to, with the S256 challenge of the verifier.
 */
export async function startOidcSignIn(
  db: Db,
  settings: OidcSettings,
  request: { returnTo: string },
): Promise<{ flowId: string; authorizationUrl: string }> {
  const provider = await reachProvider(settings);
  const flowId = randomBytes(32).toString('base64url');
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await insertOidcFlow(
    db,
    hashFlowId(flowId),
    { state, nonce, codeVerifier, returnTo: request.returnTo },
    OIDC_FLOW_SECONDS,
  );
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { flowId, authorizationUrl: url.href };
}

export interface FinishOidcSignIn {
  /** The value of the browser's flow cookie; absent when the browser sent none. */
  flowId: string | undefined;
  /** The callback's query string, as the provider sent it. */
  query: string;
  /** The client's address, for the audit trail of sign-ins. */
  address: string;
  ttlHours: number;
}

/**
 * Ends a sign-in: checks what the provider sent back against the flow this browser began
 * (once only), exchanges the code with the PKCE verifier, validates the ID token (issuer,
 * audience, signature, nonce) and finds the person's account; then opens a session as a
 * password sign-in does. Every outcome but a missing flow is recorded in sign_in_events.
 */
export async function finishOidcSignIn(
  db: Db,
  settings: OidcSettings,
  request: FinishOidcSignIn,
): Promise<{ token: string; principal: Principal; returnTo: string }> {
  const flow = request.flowId ? await takeOidcFlow(db, hashFlowId(request.flowId)) : null;
  if (!flow) throw new OidcSignInError('expired', 'Nessun accesso in corso, o è scaduto');
  try {
    return await finishFlow(db, settings, request, flow);
  } catch (error) {
    if (error instanceof OidcSignInError) error.returnTo = flow.returnTo;
    throw error;
  }
}

async function finishFlow(
  db: Db,
  settings: OidcSettings,
  request: FinishOidcSignIn,
  flow: OidcFlowRow & { expired: boolean },
): Promise<{ token: string; principal: Principal; returnTo: string }> {
  const params = new URLSearchParams(request.query);
  const fail = async (reason: OidcFailure, message: string, providerError?: string) => {
    await insertSignInEvent(db, {
      email: '',
      address: request.address,
      userId: null,
      outcome: 'failure',
      method: 'oidc',
    });
    return new OidcSignInError(reason, message, providerError);
  };
  if (flow.expired) throw new OidcSignInError('expired', 'L’accesso in corso è scaduto');
  const providerError = params.get('error');
  const state = params.get('state');
  // A provider may leave the state out of an error answer; when it sends one, it must match.
  if (!(providerError !== null && state === null) && !sameText(state ?? '', flow.state)) {
    throw await fail('state', 'Il parametro state non corrisponde');
  }
  if (providerError !== null) {
    throw await fail(
      'provider_error',
      'Il fornitore di identità ha risposto con un errore',
      providerError,
    );
  }
  const provider = await reachProvider(settings);
  let claims: Record<string, unknown>;
  try {
    const callback = new URL(settings.redirectUri);
    callback.search = params.toString();
    const tokens = await oidc.authorizationCodeGrant(provider, callback, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    claims = { ...idClaims };
    // Claims asked by scope often come from the userinfo endpoint only: read it when there is
    // one, for the same subject, and let the ID token's own claims win.
    if (provider.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(provider, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims };
    }
  } catch {
    throw await fail('token', 'La risposta del fornitore di identità non è valida');
  }
  const user = await accountOf(db, settings, claims);
  const email =
    typeof claims[settings.emailClaim] === 'string' ? String(claims[settings.emailClaim]) : '';
  if (!user) {
    await insertSignInEvent(db, {
      email: email.toLowerCase(),
      address: request.address,
      userId: null,
      outcome: 'failure',
      method: 'oidc',
    });
    throw new OidcSignInError('no_account', 'Nessun account corrisponde a questa persona');
  }
  await insertSignInEvent(db, {
    email: user.email,
    address: request.address,
    userId: user.id,
    outcome: 'success',
    method: 'oidc',
  });
  const session = await startSession(db, user, request.ttlHours);
  return { ...session, returnTo: flow.returnTo };
}

/**
 * The account a person proven by the provider signs in to: the one linked to their subject;
 * at their first sign-in, the one with their fiscal code, or else with their e-mail when the
 * provider vouches for it (`email_verified: true`, or PIANO_OIDC_TRUST_EMAIL). Found so, the
 * account is linked to the subject for the next times.
 */
async function accountOf(
  db: Db,
  settings: OidcSettings,
  claims: Record<string, unknown>,
): Promise<UserRow | null> {
  const subject = String(claims.sub);
  const linked = await findUserByOidcSubject(db, settings.issuer, subject);
  if (linked) return linked;
  let user: UserRow | null = null;
  const fiscalCode = settings.fiscalCodeClaim
    ? normalizeFiscalCode(claims[settings.fiscalCodeClaim])
    : null;
  if (fiscalCode) user = await findUserByFiscalCode(db, fiscalCode);
  const email = vouchedEmail(claims, settings);
  if (!user && email) user = await findUserByEmail(db, email);
  if (user) await linkOidcSubject(db, settings.issuer, subject, user.id);
  return user;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
