/**
 * A real OpenID Connect provider for tests: `oidc-provider` (the OpenID Certified provider for
 * Node) in-process on a free port, with piano registered as a confidential client for its
 * redirect URI, PKCE required, and its development login form, where any known login signs in
 * (the login is the person's subject). Beside it, piano's whole server configured to use it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { startWebServer, type WebServer } from './web.js';

export const CLIENT_ID = 'piano';
export const CLIENT_SECRET = 'a-client-secret-for-the-tests-only';

export interface TestProvider {
  issuer: string;
  /** Every authorization request the provider received, in order. */
  authorizationRequests: URL[];
  close(): Promise<void>;
}

/** A free port on this machine (the provider must know piano's redirect URI before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the provider. `people` are the persons it knows, by login (= subject), with the
 * claims it gives about them (scopes openid, email, profile; fiscal_number under profile).
 */
export async function startTestProvider(
  redirectUri: string,
  people: Record<string, Record<string, unknown>>,
): Promise<TestProvider> {
  // The provider's address is its issuer: the server listens first, the provider comes after.
  const dispatch: { to?: (req: never, res: never) => void } = {};
  const server = createServer((req, res) => dispatch.to?.(req as never, res as never));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const authorizationRequests: URL[] = [];
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // Without PKCE the provider refuses the authorization request.
    pkce: { required: () => true },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['a-cookie-key-for-the-tests-only'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'fiscal_number'],
    },
    findAccount: (_ctx: unknown, id: string) => {
      const claims = people[id];
      return claims ? { accountId: id, claims: () => claims } : undefined;
    },
    // piano is the provider's own first-party client: no consent screen, every scope granted.
    loadExistingGrant: async (ctx: {
      oidc: {
        provider: Provider;
        client: { clientId: string };
        session: { accountId: string };
      };
    }) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  } as never);
  const callback = oidc.callback();
  dispatch.to = (req, res) => {
    const url = new URL((req as { url: string }).url, issuer);
    if (url.pathname === '/auth') authorizationRequests.push(url);
    callback(req, res);
  };
  return {
    issuer,
    authorizationRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The provider, and piano's server with the demo plan configured to sign in through it
 * (fiscal code read from `fiscal_number`), on a port known beforehand so that the provider
 * knows the redirect URI.
 */
export async function startPianoWithProvider(
  people: Record<string, Record<string, unknown>>,
  /**
   * The host piano's public address names. `localhost` puts piano on another site than the
   * provider (127.0.0.1), as in real life, for browsers' SameSite rules.
   */
  host = '127.0.0.1',
): Promise<{ provider: TestProvider; piano: WebServer; publicUrl: string }> {
  const port = await freePort();
  const publicUrl = `http://${host}:${port}`;
  const provider = await startTestProvider(`${publicUrl}/accedi/oidc/callback`, people);
  const piano = await startWebServer(
    {
      PIANO_PUBLIC_URL: publicUrl,
      PIANO_OIDC_ISSUER: provider.issuer,
      PIANO_OIDC_CLIENT_ID: CLIENT_ID,
      PIANO_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      PIANO_OIDC_CLAIM_FISCAL_CODE: 'fiscal_number',
    },
    port,
  );
  return { provider, piano, publicUrl };
}
