import { Type, type Static } from '@sinclair/typebox';
import { newAjv, toFieldProblems } from './domain/validation.js';
import { OIDC_CALLBACK_PATH, type OidcSettings } from './domain/rules/oidc-identity.js';

/**
 * Every setting piano reads, from environment variables (flags of the CLI override them).
 * Validated at start-up: all problems are listed at once before exiting.
 */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PIANO_DATA_DIR: Type.String({ default: '.piano-data', minLength: 1 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  PIANO_ADMIN_EMAIL: Type.Optional(Type.String({ minLength: 3 })),
  PIANO_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 10 })),
  PIANO_BODY_LIMIT: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  PIANO_IMPORT_BODY_LIMIT: Type.Integer({ minimum: 1024, default: 10_485_760 }),
  PIANO_SESSION_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 12 }),
  PIANO_COOKIE_SECURE: Type.Boolean({ default: false }),
  PIANO_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+[^?#]*$' })),
  NODE_ENV: Type.Optional(Type.String()),
  PIANO_TRUST_PROXY: Type.Optional(Type.String({ minLength: 1 })),
  PIANO_DOCUMENT_CACHE_MB: Type.Integer({ minimum: 1, default: 32 }),
  PIANO_EXPORT_CACHE_MB: Type.Integer({ minimum: 1, default: 64 }),
  PIANO_DB_CACHE_MB: Type.Integer({ minimum: 1, maximum: 4096, default: 16 }),
  // Sign-in through OpenID Connect (README, "OpenID Connect (SPID/CIE)"): off unless an issuer
  // and a client id are set.
  PIANO_OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+[^?#]*$' })),
  PIANO_OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  PIANO_OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  PIANO_OIDC_SCOPES: Type.Optional(Type.String({ pattern: '(^| )openid( |$)' })),
  PIANO_OIDC_CLAIM_EMAIL: Type.Optional(Type.String({ minLength: 1 })),
  PIANO_OIDC_CLAIM_FISCAL_CODE: Type.Optional(Type.String({ minLength: 1 })),
  PIANO_OIDC_TRUST_EMAIL: Type.Optional(Type.Boolean()),
  PIANO_OIDC_LABEL: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
});
export type Config = Static<typeof ConfigSchema>;

const coercing = newAjv({ coerceTypes: true });
const validateConfig = coercing.compile(ConfigSchema);

export class ConfigError extends Error {}

/** Reads the configuration from an environment; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const names = Object.keys(ConfigSchema.properties);
  const raw: Record<string, unknown> = {};
  for (const name of names) if (env[name] !== undefined && env[name] !== '') raw[name] = env[name];
  const problems = validateConfig(raw)
    ? []
    : toFieldProblems(validateConfig.errors ?? []).map(
        (p) => `  ${p.field.replace(/^\//, '')}: ${p.message}`,
      );
  if (raw.NODE_ENV === 'production' && raw.PIANO_PUBLIC_URL === undefined) {
    problems.push(
      '  PIANO_PUBLIC_URL: è obbligatorio in produzione (NODE_ENV=production): è l’indirizzo pubblico da cui si scrivono i collegamenti generati, ad esempio https://piano.comune.example.it',
    );
  }
  problems.push(...oidcProblems(raw));
  if (problems.length === 0) return raw as Config;
  throw new ConfigError(`Configurazione non valida:\n${problems.join('\n')}`);
}

/**
 * Fastify's `trustProxy` from PIANO_TRUST_PROXY: `true` trusts any proxy, a number that many
 * hops, anything else is a comma-separated list of proxy addresses or subnets. Unset, the
 * client's address is the connection's (no proxy in front).
 */
export function trustProxyOf(
  config: Pick<Config, 'PIANO_TRUST_PROXY'>,
): boolean | string | ((address: string, hop: number) => boolean) {
  const value = config.PIANO_TRUST_PROXY;
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}

/**
 * The public address that generated links (open-data distributions, calendar feeds) begin
 * with, without a trailing slash. Never the request's Host header, which a client chooses: the
 * configured PIANO_PUBLIC_URL, or this machine's own port when none is set (development).
 */
export function publicBaseUrl(config: Pick<Config, 'PIANO_PUBLIC_URL' | 'PORT'>): string {
  return (config.PIANO_PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

/** What sign-in through OpenID Connect needs beside the issuer and client, checked together. */
function oidcProblems(raw: Record<string, unknown>): string[] {
  const set = Object.keys(raw).filter((k) => k.startsWith('PIANO_OIDC_'));
  if (set.length === 0) return [];
  const problems: string[] = [];
  for (const name of ['PIANO_OIDC_ISSUER', 'PIANO_OIDC_CLIENT_ID']) {
    if (raw[name] === undefined) {
      problems.push(
        `  ${name}: è obbligatorio quando si configura l’accesso OpenID Connect (sono impostate ${set.join(', ')})`,
      );
    }
  }
  if (raw.PIANO_PUBLIC_URL === undefined) {
    problems.push(
      '  PIANO_PUBLIC_URL: è obbligatorio con l’accesso OpenID Connect: l’indirizzo di ritorno da registrare presso il fornitore di identità è PIANO_PUBLIC_URL/accedi/oidc/callback',
    );
  }
  const issuer = raw.PIANO_OIDC_ISSUER;
  if (raw.NODE_ENV === 'production' && typeof issuer === 'string' && !issuer.startsWith('https:')) {
    problems.push(
      '  PIANO_OIDC_ISSUER: in produzione il fornitore di identità va raggiunto in https',
    );
  }
  return problems;
}

/** Sign-in through OpenID Connect as configured, or null when it is off. */
/** The settings of sign-in through OpenID Connect, with those its redirect URI is made of. */
export type OidcConfig = Pick<
  Config,
  'PIANO_PUBLIC_URL' | 'PORT' | Extract<keyof Config, `PIANO_OIDC_${string}`>
>;

export function oidcSettingsOf(config: OidcConfig): OidcSettings | null {
  if (config.PIANO_OIDC_ISSUER === undefined || config.PIANO_OIDC_CLIENT_ID === undefined) {
    return null;
  }
  return {
    issuer: config.PIANO_OIDC_ISSUER,
    clientId: config.PIANO_OIDC_CLIENT_ID,
    ...(config.PIANO_OIDC_CLIENT_SECRET ? { clientSecret: config.PIANO_OIDC_CLIENT_SECRET } : {}),
    scopes: config.PIANO_OIDC_SCOPES ?? 'openid email profile',
    redirectUri: `${publicBaseUrl(config)}${OIDC_CALLBACK_PATH}`,
    emailClaim: config.PIANO_OIDC_CLAIM_EMAIL ?? 'email',
    ...(config.PIANO_OIDC_CLAIM_FISCAL_CODE
      ? { fiscalCodeClaim: config.PIANO_OIDC_CLAIM_FISCAL_CODE }
      : {}),
    trustEmail: config.PIANO_OIDC_TRUST_EMAIL ?? false,
    ...(config.PIANO_OIDC_LABEL ? { label: config.PIANO_OIDC_LABEL } : {}),
  };
}
