/**
 * Formatting shared by every document. Italian, the first language: numbers "1.234,5", euros
 * "€ 155.234,00", dates "31 dicembre 2025" in text and "31/12/2025" in tables; the plain
 * functions below are the Italian ones. English (en-GB): "1,234.5", "€155,234.00",
 * "31 December 2025", "31/12/2025" — `formatFor(lang)` gives either set. Intl does the work;
 * grouping is forced on so that four-digit numbers read "1.234" as in the plans (CLDR leaves
 * them ungrouped in Italian by default).
 */
import type { ActionStatus } from '../domain/model/action.js';
import type { PlanStatus } from '../domain/model/plan.js';
import { monthName } from '../domain/timing/italian-months.js';
import { labelsFor, type DocumentLabels, type DocumentLang } from './labels.js';

// 'always' is ES2023 Intl; Node 20 supports it, the ES2022 type library does not know it yet.
const ALWAYS = 'always' as unknown as boolean;
const NUMBER = new Intl.NumberFormat('it-IT', { useGrouping: ALWAYS, maximumFractionDigits: 2 });
const MONEY = new Intl.NumberFormat('it-IT', {
  useGrouping: ALWAYS,
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const LONG_DATE = new Intl.DateTimeFormat('it-IT', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "1.234,5" */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** "€ 155.234,00", as the plans write amounts. */
export function formatEuro(value: number): string {
  return `€ ${MONEY.format(value)}`;
}

/** "45%" */
export function formatPercent(value: number): string {
  return `${NUMBER.format(value)}%`;
}

/** "31 dicembre 2025" from an ISO date. */
export function formatDate(iso: string): string {
  return LONG_DATE.format(new Date(`${iso}T00:00:00Z`));
}

/** "31/12/2025" from an ISO date. */
export function formatShortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "2025–2027" */
export function formatPeriod(startYear: number, endYear: number): string {
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
}

/** The Italian words for the model's enumerations (labels.ts has every language's). */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = labelsFor('it').actionStatus;
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = labelsFor('it').planStatus;
export const SPENDING_STATUS_LABELS: Record<'planned' | 'committed' | 'paid', string> =
  labelsFor('it').spendingStatus;
export const PLATFORM_STATUS_LABELS: Record<string, string> = labelsFor('it').platformStatus;
export const ROLE_LABELS: Record<string, string> = labelsFor('it').role;
export const INSTRUMENT_LABELS: Record<string, string> = labelsFor('it').instrument;

interface ActParts {
  organ: string | null;
  number: string | null;
  date: string | null;
}

/** "deliberazione della Giunta comunale n. 46 del 17 aprile 2025" (parts that are missing are left out). */
export function formatAct(act: ActParts): string {
  return formatActIn(act, 'it', formatDate);
}

/** The act in a language; the organ is the plan's own words and stays as written. */
function formatActIn(act: ActParts, lang: DocumentLang, date: (iso: string) => string): string {
  const l = labelsFor(lang);
  const organ = act.organ ? `${actKind(act.organ, l)} ${act.organ}` : l.act;
  const number = act.number ? l.actNumber(act.number) : '';
  const when = act.date ? l.actDate(date(act.date)) : '';
  return `${organ}${number}${when}`;
}

/** Collegial bodies deliberate; a mayor or a manager decrees. */
function actKind(organ: string, l: DocumentLabels): string {
  const o = organ.toLowerCase();
  if (o.includes('giunta') || o.includes('consiglio')) return l.actDeliberation;
  if (o.includes('sindaco')) return l.actDecree;
  return l.actOf;
}

/** Formatting in one document language. */
export interface DocumentFormat {
  lang: DocumentLang;
  /** "1.234,5" / "1,234.5" */
  number(value: number): string;
  /** "€ 155.234,00" / "€155,234.00" */
  euro(value: number): string;
  /** "45%" */
  percent(value: number): string;
  /** "31 dicembre 2025" / "31 December 2025" */
  date(iso: string): string;
  /** "31/12/2025" in both languages. */
  shortDate(iso: string): string;
  /** "2025–2027" */
  period(startYear: number, endYear: number): string;
  /** "31 gennaio" / "31 January": a day every year. */
  dayMonth(day: number, month: number): string;
  act(act: ActParts): string;
}

const ITALIAN: DocumentFormat = {
  lang: 'it',
  number: formatNumber,
  euro: formatEuro,
  percent: formatPercent,
  date: formatDate,
  shortDate: formatShortDate,
  period: formatPeriod,
  dayMonth: (day, month) => `${day} ${monthName(month)}`,
  act: formatAct,
};

/**
 * British English: grouping with commas and a decimal point ("1,234.5"), the euro sign before
 * the amount without a space ("€1,234.00", Intl's en-GB currency format), day-month-year dates
 * with the month's name ("31 December 2025") and "31/12/2025" in tables, as en-GB writes them.
 */
const EN_NUMBER = new Intl.NumberFormat('en-GB', { useGrouping: ALWAYS, maximumFractionDigits: 2 });
const EN_MONEY = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'EUR',
  useGrouping: ALWAYS,
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const EN_LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const EN_SHORT_DATE = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const EN_DAY_MONTH = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

const ENGLISH: DocumentFormat = {
  lang: 'en',
  number: (value) => EN_NUMBER.format(value),
  euro: (value) => EN_MONEY.format(value),
  percent: (value) => `${EN_NUMBER.format(value)}%`,
  date: (iso) => EN_LONG_DATE.format(utc(iso)),
  shortDate: (iso) => EN_SHORT_DATE.format(utc(iso)),
  period: formatPeriod,
  // A leap year, so that 29 February is a day too.
  dayMonth: (day, month) => EN_DAY_MONTH.format(new Date(Date.UTC(2000, month - 1, day))),
  act: (act) => formatActIn(act, 'en', (iso) => EN_LONG_DATE.format(utc(iso))),
};

export function formatFor(lang: DocumentLang = 'it'): DocumentFormat {
  return lang === 'en' ? ENGLISH : ITALIAN;
}
