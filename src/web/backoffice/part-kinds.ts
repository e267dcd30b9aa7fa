/**
 * The kinds of parts the generic editor handles, and their form fields read from the domain's
 * schemas: short strings become text inputs with their length limit, long ones textareas, enums
 * selects, numbers number inputs, keys of other parts selects of those parts, lists of strings
 * (or of numbers) one item per line, a timing the plan's words, an object (an indicator's
 * baseline, a role's appointment act) its sub-fields. Lists of objects (an indicator's targets)
 * are shown read-only. Everything here is pure: the routes call the operations.
 */
import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import { MicroActionInputSchema } from '../../domain/model/action.js';
import { inputForm, Key } from '../../domain/model/common.js';
import { IndicatorSchema, MeasurementSchema, type Target } from '../../domain/model/indicator.js';
import { RoleHolderSchema, UnitSchema } from '../../domain/model/organization.js';
import {
  GlossaryTermSchema,
  NormativeReferenceSchema,
  SectionSchema,
} from '../../domain/model/plan.js';
import { PlatformAdoptionSchema } from '../../domain/model/platform.js';
import { BaselineItemSchema, PrioritySchema } from '../../domain/model/priority.js';
import { SpendingItemSchema } from '../../domain/model/spending.js';
import type { TimingJson } from '../../domain/model/timing.js';
import { parseWith } from '../../domain/validation.js';
import { PianoError } from '../../domain/errors.js';
import { labelsFor } from '../../documents/labels.js';
import type { EntityType } from '../../operations/part-tables.js';
import type { PageContext } from '../page-context.js';
import type { FieldErrors } from './ui.js';

export interface PartKind {
  /** The Italian path segment: /gestione/piani/:plan/parti/<segment>, /gestione/ente/<segment>. */
  segment: string;
  type: EntityType;
  scope: 'plan' | 'organization';
  schema: TObject;
  /** For a part inside another (a micro-action in its action): the parent's kind. */
  parent?: EntityType;
}

export const PART_KINDS: PartKind[] = [
  { segment: 'sezioni', type: 'section', scope: 'plan', schema: SectionSchema },
  {
    segment: 'riferimenti',
    type: 'normative_reference',
    scope: 'plan',
    schema: NormativeReferenceSchema,
  },
  { segment: 'glossario', type: 'glossary_term', scope: 'plan', schema: GlossaryTermSchema },
  { segment: 'priorita', type: 'priority', scope: 'plan', schema: PrioritySchema },
  { segment: 'stato-arte', type: 'baseline_item', scope: 'plan', schema: BaselineItemSchema },
  {
    segment: 'micro-azioni',
    type: 'micro_action',
    scope: 'plan',
    schema: MicroActionInputSchema,
    parent: 'action',
  },
  { segment: 'indicatori', type: 'indicator', scope: 'plan', schema: IndicatorSchema },
  {
    segment: 'rilevazioni',
    type: 'measurement',
    scope: 'plan',
    schema: MeasurementSchema,
    parent: 'indicator',
  },
  { segment: 'spesa', type: 'spending_item', scope: 'plan', schema: SpendingItemSchema },
  {
    segment: 'piattaforme',
    type: 'platform_adoption',
    scope: 'plan',
    schema: PlatformAdoptionSchema,
  },
  { segment: 'settori', type: 'unit', scope: 'organization', schema: UnitSchema },
  { segment: 'ruoli', type: 'role_holder', scope: 'organization', schema: RoleHolderSchema },
];

export const kindOf = (segment: string, scope: PartKind['scope']) =>
  PART_KINDS.find((k) => k.segment === segment && k.scope === scope);

export type Input =
  | { is: 'text'; maxLength: number; type: 'text' | 'email' | 'url' }
  | { is: 'textarea'; maxLength: number }
  | { is: 'date' }
  | { is: 'number'; integer: boolean; step: string; min?: number; max?: number; euro: boolean }
  | { is: 'enum'; values: string[] }
  | { is: 'ref'; part: EntityType; many: boolean }
  | { is: 'lines'; integer: boolean }
  | { is: 'timing' }
  | { is: 'object'; fields: FieldSpec[] }
  | { is: 'targets' }
  | { is: 'fixed' };

export interface FieldSpec {
  /** The form's name: the property, or `object.property` for a sub-field. */
  name: string;
  prop: string;
  nullable: boolean;
  /** Must not be left empty (a string or number with neither null nor a default). */
  required: boolean;
  input: Input;
}

/** Fields the editor never shows: the keys, and the lists edited elsewhere. */
const SKIPPED = new Set(['id', 'lineageId', 'microActions', 'measurements']);

/** Keys of other parts, by property, and the kind they name. */
const REFS: Record<string, EntityType> = {
  priorityId: 'priority',
  actionId: 'action',
  unitId: 'unit',
  parentId: 'unit',
  ownerUnitIds: 'unit',
};

type Node = TSchema & Record<string, unknown>;

function specOf(prop: string, schema: TSchema, prefix = ''): FieldSpec {
  const name = prefix ? `${prefix}.${prop}` : prop;
  let node = schema as Node;
  let nullable = false;
  const anyOf = node.anyOf as Node[] | undefined;
  if (anyOf?.some((s) => s.type === 'null')) {
    nullable = true;
    const rest = anyOf.filter((s) => s.type !== 'null');
    node = (rest.length === 1 ? rest[0] : { anyOf: rest }) as Node;
  }
  const scalar = node.type === 'string' || node.type === 'number' || node.type === 'integer';
  const required = !nullable && scalar && !('default' in schema) && !node.enum;
  return { name, prop, nullable, required, input: inputOf(prop, node, name) };
}

function inputOf(prop: string, node: Node, name: string): Input {
  if (prop === 'timing') return { is: 'timing' };
  if (prop === 'targets') return { is: 'targets' };
  const ref = REFS[prop];
  if (ref) return { is: 'ref', part: ref, many: node.type === 'array' };
  switch (node.type) {
    case 'string': {
      if (Array.isArray(node.enum)) return { is: 'enum', values: node.enum as string[] };
      if (node.format === 'date') return { is: 'date' };
      // A code with a pattern (a CUP, a PNRR measure) is one short line whatever its length.
      const maxLength = (node.maxLength as number | undefined) ?? (node.pattern ? 100 : 100_000);
      if (maxLength > 1000) return { is: 'textarea', maxLength };
      const type = node.format === 'email' ? 'email' : node.format === 'uri' ? 'url' : 'text';
      return { is: 'text', maxLength, type };
    }
    case 'integer':
    case 'number': {
      const integer = node.type === 'integer';
      const multipleOf = node.multipleOf as number | undefined;
      return {
        is: 'number',
        integer,
        step: integer ? '1' : multipleOf ? String(multipleOf) : 'any',
        ...(typeof node.minimum === 'number' ? { min: node.minimum } : {}),
        ...(typeof node.maximum === 'number' ? { max: node.maximum } : {}),
        euro: prop === 'amount',
      };
    }
    case 'array': {
      const items = node.items as Node;
      if (items.type === 'string') return { is: 'lines', integer: false };
      if (items.type === 'integer') return { is: 'lines', integer: true };
      return { is: 'fixed' };
    }
    case 'object': {
      const props = node.properties as Record<string, TSchema>;
      return { is: 'object', fields: Object.entries(props).map(([p, s]) => specOf(p, s, name)) };
    }
    default:
      return { is: 'fixed' };
  }
}

const specCache = new Map<EntityType, FieldSpec[]>();

/** The kind's fields, in the schema's order. */
export function fieldsOf(kind: PartKind): FieldSpec[] {
  let specs = specCache.get(kind.type);
  if (!specs) {
    specs = Object.entries(kind.schema.properties)
      .filter(([prop]) => !SKIPPED.has(prop))
      .map(([prop, schema]) => specOf(prop, schema));
    specCache.set(kind.type, specs);
  }
  return specs;
}

/** The form names a field posts (an object's sub-fields; nothing for a read-only field). */
export function namesOf(spec: FieldSpec): string[] {
  if (spec.input.is === 'object') return spec.input.fields.map((f) => f.name);
  return spec.input.is === 'fixed' ? [] : [spec.name];
}

export const formNames = (kind: PartKind) => fieldsOf(kind).flatMap(namesOf);

function textOf(spec: FieldSpec, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (spec.input.is) {
    case 'timing':
      return (value as TimingJson).text ?? '';
    case 'ref':
      return spec.input.many ? ((value as string[])[0] ?? '') : String(value);
    case 'lines':
      return (value as unknown[]).join('\n');
    case 'targets':
      return (value as Target[]).map(targetLine).join('\n');
    default:
      return String(value);
  }
}

const decimal = (n: number) => String(n).replace('.', ',');

/**
 * A target as one line: "2026: 30" (the value), "2026: +80%" (relative to the baseline, in
 * percent), "2026: +5" (added to the baseline); the plan's own words after " | ".
 */
export function targetLine(t: Target): string {
  const sign = t.value < 0 ? '-' : '+';
  const amount =
    t.kind === 'absolute'
      ? decimal(t.value)
      : `${sign}${decimal(Math.abs(t.value))}${t.kind === 'relative_percent' ? '%' : ''}`;
  return `${t.year}: ${amount}${t.text ? ` | ${t.text}` : ''}`;
}

/** A number as Italians write it ("15.000", "12,5") or plainly ("12.5"); null when not one. */
export function italianNumber(text: string): number | null {
  const normal = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)
    ? text.replace(/\./g, '').replace(',', '.')
    : text.replace(',', '.');
  const n = Number(normal);
  return /^-?\d+(\.\d+)?$/.test(normal) && Number.isFinite(n) ? n : null;
}

const TARGET_LINE = /^(\d{4})\s*:\s*([+-])?\s*([\d.,]+)\s*(%)?\s*(?:\|\s*(.*))?$/;

/** Targets from their lines (see targetLine), or the first line that cannot be read. */
export function parseTargets(text: string): { targets: Target[] } | { bad: string } {
  const targets: Target[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = TARGET_LINE.exec(line);
    const amount = m ? italianNumber(m[3] ?? '') : null;
    if (!m || amount === null) return { bad: line };
    const signed = m[2] === '-' ? -amount : amount;
    const kind = m[2] ? (m[4] ? 'relative_percent' : 'relative_delta') : 'absolute';
    targets.push({
      year: Number(m[1]),
      kind,
      value: kind === 'absolute' ? amount : signed,
      text: m[5]?.trim() || null,
    });
  }
  return { targets };
}

export type PartForm = Record<string, string>;

/** The form's fields from a stored part (or an empty form when `row` is empty). */
export function partFormOf(kind: PartKind, row: Record<string, unknown>): PartForm {
  const form: PartForm = {};
  for (const spec of fieldsOf(kind)) {
    if (spec.input.is === 'object') {
      const object = (row[spec.prop] as Record<string, unknown> | null | undefined) ?? {};
      for (const sub of spec.input.fields) form[sub.name] = textOf(sub, object[sub.prop]);
    } else if (spec.input.is === 'enum' && row[spec.prop] === undefined) {
      form[spec.name] = String(defaultOf(kind, spec.prop) ?? spec.input.values[0] ?? '');
    } else if (spec.input.is !== 'fixed') {
      form[spec.name] = textOf(spec, row[spec.prop]);
    }
  }
  return form;
}

function defaultOf(kind: PartKind, prop: string): unknown {
  return (kind.schema.properties[prop] as Node | undefined)?.default;
}

/** The posted values of the form's fields; absent ones keep what `fallback` holds. */
export function typedForm(kind: PartKind, body: Record<string, string>, fallback: PartForm) {
  const form: PartForm = { ...fallback };
  for (const name of formNames(kind)) {
    const v = body[name];
    if (typeof v === 'string') form[name] = v.replace(/\r\n/g, '\n');
  }
  return form;
}

/** The form as it was read, from the `read_*` fields the edit form carries. */
export function readForm(kind: PartKind, body: Record<string, string>, fallback: PartForm) {
  const form: PartForm = { ...fallback };
  for (const name of formNames(kind)) {
    const v = body[`read_${name}`];
    if (typeof v === 'string') form[name] = v.replace(/\r\n/g, '\n');
  }
  return form;
}

type Parsed = { value: unknown } | { error: string };

function parseScalar(spec: FieldSpec, raw: string, t: PageContext['t']): Parsed {
  const text = raw.trim();
  const { input } = spec;
  if (text === '') {
    if (spec.required) return { error: t.boRequired };
    if (input.is === 'lines' || input.is === 'targets' || (input.is === 'ref' && input.many)) {
      return { value: [] };
    }
    if (spec.nullable) return { value: null };
    return { value: '' };
  }
  switch (input.is) {
    case 'ref':
      return { value: input.many ? [text] : text };
    case 'lines': {
      const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (!input.integer) return { value: lines };
      if (lines.some((l) => !/^\d+$/.test(l))) return { error: t.paIntegerInvalid };
      return { value: lines.map(Number) };
    }
    case 'targets': {
      const read = parseTargets(text);
      return 'bad' in read ? { error: t.paTargetInvalid(read.bad) } : { value: read.targets };
    }
    case 'number': {
      const n = italianNumber(text);
      if (n === null) return { error: input.integer ? t.paIntegerInvalid : t.paNumberInvalid };
      if (input.integer && !Number.isInteger(n)) return { error: t.paIntegerInvalid };
      return { value: n };
    }
    default:
      return { value: text };
  }
}

/** One field's value from the form, or the messages of its (sub-)fields. */
function parseField(spec: FieldSpec, form: PartForm, t: PageContext['t']) {
  const errors: FieldErrors = {};
  if (spec.input.is !== 'object') {
    const parsed = parseScalar(spec, form[spec.name] ?? '', t);
    if ('error' in parsed) errors[spec.name] = parsed.error;
    return { value: 'value' in parsed ? parsed.value : undefined, errors };
  }
  const subs = spec.input.fields;
  if (spec.nullable && subs.every((s) => (form[s.name] ?? '').trim() === '')) {
    return { value: null, errors };
  }
  const value: Record<string, unknown> = {};
  for (const sub of subs) {
    const parsed = parseScalar(sub, form[sub.name] ?? '', t);
    if ('error' in parsed) errors[sub.name] = parsed.error;
    else value[sub.prop] = parsed.value;
  }
  return { value, errors };
}

/** The form's message for a problem the schema or an operation names by JSON Pointer. */
export function errorsOfProblems(
  kind: PartKind,
  problems: { field: string; message: string }[],
  fallback: string,
  t?: PageContext['t'],
): FieldErrors {
  const names = formNames(kind);
  const errors: FieldErrors = {};
  for (const problem of problems) {
    // Ajv words a pattern as the regular expression itself: say what is expected instead.
    const format = t && /formato "\^/.test(problem.message) ? t.paFormat[problem.field] : undefined;
    const p = format ? { ...problem, message: t?.paFormatInvalid(format) ?? '' } : problem;
    const path = p.field.replace(/^\//, '').split('/');
    const sub = path.slice(0, 2).join('.');
    const top = path[0] ?? '';
    const spec = fieldsOf(kind).find((s) => s.prop === top);
    const own = spec ? namesOf(spec)[0] : undefined;
    const name = names.includes(sub) ? sub : names.includes(top) ? top : (own ?? names[0] ?? '');
    errors[name] ??= p.message;
  }
  if (Object.keys(errors).length === 0) errors[names[0] ?? ''] = fallback;
  return errors;
}

/** Validates some properties against the kind's schema, as the API does at its edge. */
function check(
  kind: PartKind,
  values: Record<string, unknown>,
  creating: boolean,
  t: PageContext['t'],
) {
  const props = Object.fromEntries(
    Object.keys(values).map((p) => [p, kind.schema.properties[p] as TSchema]),
  );
  const schema = creating
    ? inputForm(
        Type.Object(
          {
            ...Object.fromEntries(
              Object.entries(kind.schema.properties).filter(([p]) => !SKIPPED.has(p)),
            ),
            id: Type.Optional(Key),
          },
          { additionalProperties: false },
        ),
      )
    : Type.Object(props, { additionalProperties: false });
  try {
    return { values: parseWith(schema, values) as Record<string, unknown>, errors: {} };
  } catch (error) {
    if (error instanceof PianoError && error.code === 'validation') {
      return { values, errors: errorsOfProblems(kind, error.problems, error.message, t) };
    }
    throw error;
  }
}

/**
 * The changes a save sends: only the fields whose typed text differs from what was read,
 * converted and checked against the schema; or the messages to show beside the fields.
 */
export function changesOf(kind: PartKind, typed: PartForm, read: PartForm, t: PageContext['t']) {
  const changes: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const spec of fieldsOf(kind)) {
    const names = namesOf(spec);
    if (!names.some((n) => (typed[n] ?? '') !== (read[n] ?? ''))) continue;
    const parsed = parseField(spec, typed, t);
    Object.assign(errors, parsed.errors);
    if (Object.keys(parsed.errors).length === 0) changes[spec.prop] = parsed.value;
  }
  if (Object.keys(changes).length === 0) return { changes, errors };
  // The fields read well are checked too, so that every problem is shown at once.
  const checked = check(kind, changes, false, t);
  return { changes: checked.values, errors: inFormOrder(kind, { ...checked.errors, ...errors }) };
}

/** The values of a new part from the add form, checked against the schema. */
export function valuesOf(kind: PartKind, typed: PartForm, t: PageContext['t']) {
  const values: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const spec of fieldsOf(kind)) {
    if (spec.input.is === 'fixed') continue;
    const parsed = parseField(spec, typed, t);
    Object.assign(errors, parsed.errors);
    values[spec.prop] = parsed.value;
  }
  if (Object.keys(errors).length === 0) return check(kind, values, true, t);
  // Fields that failed here are left out of the schema's check, which would only repeat them.
  const failed = new Set(
    fieldsOf(kind)
      .filter((spec) => namesOf(spec).some((n) => n in errors))
      .map((spec) => spec.prop),
  );
  const rest = Object.fromEntries(Object.entries(values).filter(([p]) => !failed.has(p)));
  const checked = check(kind, rest, false, t);
  return { values, errors: inFormOrder(kind, { ...checked.errors, ...errors }) };
}

/** The messages in the order the form shows the fields (the summary lists them so). */
function inFormOrder(kind: PartKind, errors: FieldErrors): FieldErrors {
  const names = formNames(kind);
  const rank = (n: string) => (names.includes(n) ? names.indexOf(n) : names.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The label of a field in the page's language. */
export const fieldLabel = (t: PageContext['t'], spec: Pick<FieldSpec, 'name' | 'prop'>) =>
  t.paField[spec.name] ?? t.paField[spec.prop] ?? spec.prop;

/** The Italian (or English) word for an enum value. */
export function enumLabel(ctx: PageContext, kind: PartKind, prop: string, value: string) {
  const L = labelsFor(ctx.lang);
  const words: Record<string, string> | undefined =
    prop === 'role'
      ? L.role
      : prop === 'status' && kind.type === 'spending_item'
        ? L.spendingStatus
        : prop === 'status' && kind.type === 'platform_adoption'
          ? L.platformStatus
          : prop === 'status'
            ? L.actionStatus
            : ctx.t.paEnum[`${kind.type}.${prop}`];
  return words?.[value] ?? value;
}

/** A part's name in lists and titles: its title, term, name… (a role by its role and person). */
export function itemTitle(ctx: PageContext, kind: PartKind, row: Record<string, unknown>) {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  if (kind.type === 'role_holder') {
    const role = enumLabel(ctx, kind, 'role', String(row.role ?? ''));
    const who = text(row.person) ?? text(row.title);
    return who ? `${role} – ${who}` : role;
  }
  if (kind.type === 'measurement') {
    const value = typeof row.value === 'number' ? ctx.f.number(row.value) : '';
    return `${ctx.f.shortDate(String(row.date ?? ''))}: ${value}`;
  }
  const title =
    text(row.title) ??
    text(row.term) ??
    text(row.name) ??
    text(row.label) ??
    text(row.platform) ??
    text(row.description) ??
    ctx.t.paUntitled;
  return title.length > 150 ? `${title.slice(0, 149)}…` : title;
}

/** Every field the form shows by its name, sub-fields included. */
export function specByName(kind: PartKind, name: string): FieldSpec | undefined {
  for (const spec of fieldsOf(kind)) {
    if (spec.name === name) return spec;
    if (spec.input.is === 'object') {
      const sub = spec.input.fields.find((f) => f.name === name);
      if (sub) return sub;
    }
  }
  return undefined;
}
