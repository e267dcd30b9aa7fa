import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import localizeItalianModule from 'ajv-i18n/localize/it/index.js';
import type { Static, TSchema } from '@sinclair/typebox';
import { validationError, type FieldProblem } from './errors.js';
import { WEB_URL_PATTERN } from './model/common.js';

// Both ship CommonJS with `exports.default`; under NodeNext the default import is the module.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const localizeItalian = localizeItalianModule as unknown as typeof localizeItalianModule.default;

/** An Ajv instance with the formats piano's schemas use (date, email, uri, uuid). */
export function newAjv(options: { coerceTypes?: boolean | 'array' } = {}): Ajv {
  const instance = new Ajv({
    allErrors: true,
    strict: false,
    multipleOfPrecision: 6,
    useDefaults: true,
    ...options,
  });
  addFormats(instance);
  return instance;
}

/** The instance for documents and JSON bodies: no type coercion, defaults filled in. */
export const ajv = newAjv();

const compiled = new WeakMap<object, ValidateFunction>();

export function validatorFor(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validates and returns the value typed, or throws a 'validation' PianoError naming fields. */
export function parseWith<T extends TSchema>(schema: T, value: unknown, what?: string): Static<T> {
  const unreadable = unreadableTextProblems(value);
  if (unreadable.length > 0) throw validationError(unreadable, what);
  const validate = validatorFor(schema);
  if (validate(value)) return value as Static<T>;
  throw validationError(toFieldProblems(validate.errors ?? []), what);
}

/**
 * Characters no text of a plan may hold: NUL and the other control characters but tab, line
 * feed and carriage return (PostgreSQL refuses NUL, and XML, so DOCX, refuses them all), and
 * halves of a UTF-16 surrogate pair without their other half.
 */
const UNREADABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNREADABLE_MESSAGE =
  'contiene un carattere non ammesso (un carattere di controllo, come NUL, o un carattere incompleto)';

/** Every string in a value (object keys included) that holds such a character, by JSON Pointer. */
export function unreadableTextProblems(value: unknown, pointer = ''): FieldProblem[] {
  if (typeof value === 'string') {
    return UNREADABLE.test(value) ? [{ field: pointer, message: UNREADABLE_MESSAGE }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => unreadableTextProblems(item, `${pointer}/${i}`));
  }
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const inKey = UNREADABLE.test(key) ? [{ field: here, message: UNREADABLE_MESSAGE }] : [];
    return [...inKey, ...unreadableTextProblems(item, here)];
  });
}

/** Turns Ajv errors into one Italian message per field, without the noise of unions. */
export function toFieldProblems(errors: ErrorObject[]): FieldProblem[] {
  localizeItalian(errors);
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    const field = fieldOf(error);
    const messages = byField.get(field) ?? [];
    const message = italianMessage(error);
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  }
  return [...byField].map(([field, messages]) => ({ field, message: mergeTypes(messages) }));
}

function fieldOf(error: ErrorObject): string {
  const params = error.params as Record<string, string>;
  if (error.keyword === 'required') return `${error.instancePath}/${params.missingProperty}`;
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}/${params.additionalProperty}`;
  return error.instancePath;
}

function italianMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'è obbligatorio';
    case 'additionalProperties':
      return 'non è un campo previsto';
    case 'type':
      return `deve essere di tipo ${italianType(String(params.type))}`;
    case 'enum':
      return `deve essere uno tra: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'pattern':
      return params.pattern === WEB_URL_PATTERN
        ? 'deve essere un indirizzo che inizia con https://, http:// o mailto:'
        : (error.message ?? 'non è valido');
    case 'format':
      return params.format === 'date'
        ? 'deve essere una data valida nel formato AAAA-MM-GG'
        : `deve rispettare il formato ${String(params.format)}`;
    default:
      return error.message ?? 'non è valido';
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'testo',
  number: 'numero',
  integer: 'numero intero',
  boolean: 'vero/falso',
  object: 'oggetto',
  array: 'elenco',
  null: 'null',
};
const italianType = (type: string) => TYPE_NAMES[type] ?? type;

/** "deve essere di tipo testo" + "deve essere di tipo null" → "deve essere di tipo testo o null". */
function mergeTypes(messages: string[]): string {
  const prefix = 'deve essere di tipo ';
  const types = messages.filter((m) => m.startsWith(prefix)).map((m) => m.slice(prefix.length));
  const others = messages.filter((m) => !m.startsWith(prefix));
  // A nullable field that holds a wrong value: what it should be says more than "or null".
  if (others.length > 0 && types.length === 1 && types[0] === 'null') return others.join('; ');
  if (types.length > 1) others.unshift(prefix + types.join(' o '));
  else if (types.length === 1) others.unshift(prefix + types[0]);
  return others.join('; ');
}
