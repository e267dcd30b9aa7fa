import {
  Type,
  type ArrayOptions,
  type ObjectOptions,
  type TProperties,
  type TSchema,
} from '@sinclair/typebox';

/**
 * A value that may be absent: written explicitly as null in exports, and null by default on
 * input (see inputForm).
 */
export const Nullable = <T extends TSchema>(schema: T) =>
  Type.Union([schema, Type.Null()], { default: null });

/** A list, empty by default on input. */
export const List = <T extends TSchema>(items: T, options: ArrayOptions = {}) =>
  Type.Array(items, { default: [], ...options });

/**
 * A plan-local identifier ("p1", "az-3.2"). Files and the API use it to refer to priorities,
 * actions and units, so it must survive a load/export round trip unchanged.
 */
export const Key = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
  description: 'Identificatore locale (lettere, cifre, ".", "_", "-"; massimo 64 caratteri)',
});

/**
 * The identity of an action, indicator or spending item across the revisions of a plan (the
 * same in the 2025 plan and in its 2026 update). Optional in files: piano gives one when absent.
 */
export const LineageId = Type.Optional(
  Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$',
    description: 'Identità stabile tra le revisioni del piano',
  }),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string can be a database identifier (a UUID): anything else names nothing. */
export const isUuid = (value: string) => UUID.test(value);

export const IsoDate = Type.String({ format: 'date', description: 'Data ISO 8601 (AAAA-MM-GG)' });

export const Year = Type.Integer({ minimum: 1990, maximum: 2100 });

/**
 * The schemes a URL in a plan or an organization may have: web pages and e-mail addresses.
 * Anything else (`javascript:`, `data:`, `file:`…) would become a live link in the portal and
 * the documents, so it is refused where the value enters, whatever the way in.
 */
export const WEB_URL_PATTERN = '^([Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)';
const WEB_URL = new RegExp(WEB_URL_PATTERN);

export const WebUrl = Type.String({
  format: 'uri',
  pattern: WEB_URL_PATTERN,
  maxLength: 500,
  description: 'Indirizzo https:, http: o mailto:',
});

/** Whether a stored or typed URL may become a link (see WebUrl). */
export function isWebUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && WEB_URL.test(url.trim()) && URL.canParse(url.trim());
}

export const ShortText = (maxLength = 500) => Type.String({ maxLength });
export const LongText = Type.String({ maxLength: 100_000 });

/** Strict object: unknown fields are an error everywhere, so typos never vanish silently. */
export function StrictObject<T extends TProperties>(properties: T, options: ObjectOptions = {}) {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

/** A union of string literals, kept as a JSON Schema enum so messages list the allowed values. */
export function StringEnum<T extends string>(values: readonly T[], options: object = {}) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

/**
 * The input form of a schema: every property that declares a default becomes optional, and
 * validation (Ajv with useDefaults) fills the default in. After validation, a value of the input
 * form is therefore a complete value of the canonical form, the one exports always write.
 */
export function inputForm<T extends TSchema>(schema: T): T {
  return relax(structuredClone(schema)) as T;
}

function relax(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relax);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = relax(value);
  const properties = out.properties as Record<string, { default?: unknown }> | undefined;
  if (properties && Array.isArray(out.required)) {
    out.required = out.required.filter((name: string) => !('default' in (properties[name] ?? {})));
  }
  return out;
}
