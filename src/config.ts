import { Type, type Static } from '@sinclair/typebox';
import { newAjv, toFieldProblems } from './domain/validation.js';

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
