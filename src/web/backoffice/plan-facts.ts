/**
 * The plan facts form as text, as typed: read from a stored plan, read back from a post, checked,
 * and turned into the changes updatePlan takes (only what the user changed from what they read).
 */
import { INSTRUMENT_KINDS, type PlanFields } from '../../domain/model/plan.js';
import type { PageContext } from '../page-context.js';
import type { FieldErrors } from './ui.js';

export interface InstrumentForm {
  kind: string;
  label: string;
  section: string;
  reference: string;
}

export interface PlanFactsForm {
  title: string;
  startYear: string;
  endYear: string;
  revisionLabel: string;
  nationalEdition: string;
  instruments: InstrumentForm[];
}

/** Empty rows offered below the stored instruments, to add new ones without a script. */
export const EXTRA_INSTRUMENT_ROWS = 2;
const MAX_INSTRUMENTS = 50;

type StoredFacts = Pick<
  PlanFields,
  'title' | 'startYear' | 'endYear' | 'revisionLabel' | 'nationalEdition' | 'relatedInstruments'
>;

export function planFactsFormOf(plan: StoredFacts): PlanFactsForm {
  return {
    title: plan.title,
    startYear: String(plan.startYear),
    endYear: String(plan.endYear),
    revisionLabel: plan.revisionLabel ?? '',
    nationalEdition: plan.nationalEdition ?? '',
    instruments: plan.relatedInstruments.map((i) => ({
      kind: i.kind,
      label: i.label,
      section: i.section ?? '',
      reference: i.reference ?? '',
    })),
  };
}

export const instrumentField = (n: number, part: keyof InstrumentForm) => `instrument-${n}-${part}`;

/** The form as posted: instruments from their numbered rows, rows without a description dropped. */
export function planFactsFormFrom(body: Record<string, string | undefined>): PlanFactsForm {
  const text = (name: string) => (body[name] ?? '').trim();
  const instruments: InstrumentForm[] = [];
  for (let n = 0; n < MAX_INSTRUMENTS + EXTRA_INSTRUMENT_ROWS; n += 1) {
    const row = {
      kind: text(instrumentField(n, 'kind')),
      label: text(instrumentField(n, 'label')),
      section: text(instrumentField(n, 'section')),
      reference: text(instrumentField(n, 'reference')),
    };
    if (row.label) instruments.push(row);
  }
  return {
    title: text('title'),
    startYear: text('startYear'),
    endYear: text('endYear'),
    revisionLabel: text('revisionLabel'),
    nationalEdition: text('nationalEdition'),
    instruments,
  };
}

/** A plan's title and period as typed: the checks of a new plan and of the facts editor. */
export function checkTitleAndPeriod(
  form: { title: string; startYear: string; endYear: string },
  t: PageContext['t'],
): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.title) errors.title = t.boRequired;
  else if (form.title.length > 300) errors.title = t.boTooLong('300');
  const year = (v: string) => (/^\d{4}$/.test(v) && +v >= 2000 && +v <= 2100 ? +v : null);
  const start = year(form.startYear);
  const end = year(form.endYear);
  if (start === null) errors.startYear = t.boYearInvalid;
  if (end === null) errors.endYear = t.boYearInvalid;
  else if (start !== null && end < start) errors.endYear = t.boPeriodInvalid;
  return errors;
}

/**
 * The facts as typed. The national edition must be one the catalog knows, unless it is the one
 * the plan already had (an imported plan may name an edition in its own words).
 */
export function checkPlanFacts(
  form: PlanFactsForm,
  editions: string[],
  t: PageContext['t'],
  stored = '',
): FieldErrors {
  const errors = checkTitleAndPeriod(form, t);
  if (form.revisionLabel.length > 200) errors.revisionLabel = t.boTooLong('200');
  const edition = form.nationalEdition;
  if (edition && edition !== stored && !editions.includes(edition)) {
    errors.nationalEdition = t.pfEditionUnknown(editions.join(', '));
  }
  if (form.instruments.length > MAX_INSTRUMENTS) {
    errors[instrumentField(0, 'label')] = t.boTooLong(String(MAX_INSTRUMENTS));
  }
  form.instruments.forEach((row, n) => {
    if (!(INSTRUMENT_KINDS as readonly string[]).includes(row.kind)) {
      errors[instrumentField(n, 'kind')] = t.boStatusInvalid;
    }
    if (row.label.length > 300) errors[instrumentField(n, 'label')] = t.boTooLong('300');
    if (row.section.length > 100) errors[instrumentField(n, 'section')] = t.boTooLong('100');
    if (row.reference.length > 500) errors[instrumentField(n, 'reference')] = t.boTooLong('500');
  });
  return errors;
}

const orNull = (v: string) => (v === '' ? null : v);

/** What the user changed from what they read, as updatePlan takes it. */
export function planFactsChanges(typed: PlanFactsForm, read: PlanFactsForm): Partial<PlanFields> {
  const changes: Partial<PlanFields> = {};
  if (typed.title !== read.title) changes.title = typed.title;
  if (typed.startYear !== read.startYear) changes.startYear = Number(typed.startYear);
  if (typed.endYear !== read.endYear) changes.endYear = Number(typed.endYear);
  if (typed.revisionLabel !== read.revisionLabel) {
    changes.revisionLabel = orNull(typed.revisionLabel);
  }
  if (typed.nationalEdition !== read.nationalEdition) {
    changes.nationalEdition = orNull(typed.nationalEdition);
  }
  if (JSON.stringify(typed.instruments) !== JSON.stringify(read.instruments)) {
    changes.relatedInstruments = typed.instruments.map((i) => ({
      kind: i.kind as (typeof INSTRUMENT_KINDS)[number],
      label: i.label,
      section: orNull(i.section),
      reference: orNull(i.reference),
    }));
  }
  return changes;
}

/** The hidden fields that carry what the form was built from. */
export function readFields(read: PlanFactsForm): Record<string, string> {
  const { instruments, ...scalars } = read;
  return {
    ...Object.fromEntries(Object.entries(scalars).map(([k, v]) => [`read_${k}`, v])),
    read_instruments: JSON.stringify(instruments),
  };
}

/** What the form was built from, as it sent it back; the stored values when absent or broken. */
export function readFrom(body: Record<string, string | undefined>, stored: PlanFactsForm) {
  const read = { ...stored };
  for (const key of [
    'title',
    'startYear',
    'endYear',
    'revisionLabel',
    'nationalEdition',
  ] as const) {
    const v = body[`read_${key}`];
    if (typeof v === 'string') read[key] = v;
  }
  try {
    const parsed = JSON.parse(body.read_instruments ?? 'null') as unknown;
    if (Array.isArray(parsed)) read.instruments = parsed as InstrumentForm[];
  } catch {
    // A broken field counts as not sent: the stored rows are what was read.
  }
  return read;
}

/**
 * After a conflict, the form to show: what the user changed from what they read, over what is
 * stored now — saving it again reapplies their changes and keeps the other person's.
 */
export function mergeTyped(
  typed: PlanFactsForm,
  read: PlanFactsForm,
  current: PlanFactsForm,
): PlanFactsForm {
  const pick = <K extends keyof PlanFactsForm>(k: K): PlanFactsForm[K] =>
    JSON.stringify(typed[k]) !== JSON.stringify(read[k]) ? typed[k] : current[k];
  return {
    title: pick('title'),
    startYear: pick('startYear'),
    endYear: pick('endYear'),
    revisionLabel: pick('revisionLabel'),
    nationalEdition: pick('nationalEdition'),
    instruments: pick('instruments'),
  };
}
