import { daysInMonth, monthNumber, MONTH_PATTERN } from './italian-months.js';
import type { Recurrence, Timing, TimingContext, TimingKind } from './timing.js';

/**
 * Reads how an Italian plan says "when" ("entro il 31 dicembre 2023", "[triennio 2021 – 2023]",
 * "da subito", "30 ottobre di ogni anno", ...). Rules are tried in order on a normalized copy of
 * the words; the first that understands the phrase wins. Whatever is not understood is kept as a
 * note, and a phrase with no readable date stays 'unresolved': a wrong date on a plan is worse
 * than an honest "cannot say".
 */
export function parseTiming(text: string, context?: TimingContext): Timing {
  const words = stripEmphasis(text);
  const s = normalize(words);
  const invalid = findInvalid(s);
  const draft = invalid ? unresolved(invalid.invalid) : firstMatch(s, readContext(context));
  return finalize(words, draft);
}

/** The context after validation: a malformed value is treated as absent, never guessed around. */
interface Ctx {
  years: number[];
  endYear: number | null;
  today: string | null;
}

/** What one rule understood; years implied by start/due, flags and the note come in finalize(). */
interface Draft {
  kind: TimingKind;
  start?: string | null;
  due?: string | null;
  years?: number[];
  recurrence?: Recurrence | null;
  notes?: string[];
}

type Precision = 'day' | 'month' | 'year' | 'yearEnd' | 'years';

/** A day, month, year or run of years named in the text: the first and last day it covers. */
interface Point {
  start: string;
  end: string;
  precision: Precision;
  /** How many characters of the normalized text the point spans. */
  length: number;
}

/** A date-like expression naming no real day ("31 febbraio 2021") or a reversed span. */
interface Invalid {
  invalid: string;
}

type Rule = (s: string, ctx: Ctx) => Draft | null;

// The years the storage schema accepts; anything else in a phrase is not read as a year.
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const MAX_YEARS = 100;
const YEAR = '(199\\d|20\\d\\d|2100)(?!\\d)';
const MONTH = `(${MONTH_PATTERN})`;

const NOTE = {
  notADay: 'names a day that does not exist in the calendar',
  reversed: 'the span ends before it starts',
  tooLong: 'the span is too long to be a plan timing',
  empty: 'no words were given',
  alreadyDone: 'already done',
  several: 'several deadlines are named; the last one is the due date',
  yearAsDeadline: 'deadline taken from the year named; the rest of the phrase gives no date',
  planUnknown: 'the plan period is unknown, so "per tutto il triennio" cannot be dated',
  unread: 'some words were not read as dates',
  noDate: 'no date could be read from the words',
  standing: 'standing action: it has no deadline',
  implausible: 'implausible year, kept as written',
} as const;

// --- the words -------------------------------------------------------------------------------

const WRAPPED = /^(\*{1,3}|_{1,3})(\S(?:[\s\S]*\S)?)\1$/;

/** Removes markdown emphasis wrapping the whole phrase ("*entro il 2023*"), nothing inside. */
function stripEmphasis(raw: string): string {
  let text = raw.trim();
  for (let inner = unwrapOnce(text); inner !== null; inner = unwrapOnce(text)) text = inner;
  return text;
}

function unwrapOnce(text: string): string | null {
  const m = WRAPPED.exec(text);
  if (!m) return null;
  const [, marker = '', inner = ''] = m;
  // "*a* e *b*" is two emphasized words, not one wrapped phrase.
  return inner.includes(marker) ? null : inner;
}

/** Lower case, plain dashes and apostrophes, single spaces, no label, brackets or final stop. */
function normalize(words: string): string {
  return words
    .toLowerCase()
    .replace(/[*_]+/g, '')
    .replace(/[\u2018\u2019`\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^tempi\s*:\s*/, '')
    .replace(/^\[\s*([^\]]*?)\s*\]$/, '$1')
    .replace(/[\s.,;:]+$/, '');
}

// --- calendar --------------------------------------------------------------------------------

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRealDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

function isPlanYear(year: number | undefined): year is number {
  return year !== undefined && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isRealDay(num(m[1]), num(m[2]), num(m[3]));
}

function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

function yearRange(from: number, to: number): number[] {
  return to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function num(digits: string | undefined): number {
  return digits === undefined ? NaN : Number(digits);
}

function readContext(context: TimingContext = {}): Ctx {
  const { startYear, endYear, today } = context;
  const todayOk = today !== undefined && isIsoDate(today) && isPlanYear(yearOf(today));
  const end = isPlanYear(endYear) ? endYear : null;
  const years = isPlanYear(startYear) && end !== null ? yearRange(startYear, end) : [];
  return { years, endYear: end, today: todayOk ? today : null };
}

/** Years from `first` to the end of the plan (or just `first` when the plan end is unknown). */
function yearsFrom(first: number, ctx: Ctx): number[] {
  return yearRange(first, Math.max(first, ctx.endYear ?? first));
}

// --- points: the date expressions a phrase is made of ----------------------------------------

type PointValue = Omit<Point, 'length'> | Invalid;
type PointReader = readonly [RegExp, (m: RegExpExecArray) => PointValue];

const sticky = (source: string): RegExp => new RegExp(source, 'y');

// Order matters: the most specific form is tried first at each position.
const POINT_READERS: PointReader[] = [
  [
    sticky(`(\\d{1,2})\\s*[°º]?\\s*${MONTH}\\s*(?:del\\s+)?${YEAR}`),
    (m) => dayPoint(num(m[3]), monthNumber(m[2] ?? '') ?? 0, num(m[1])),
  ],
  [
    sticky(`(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*${YEAR}`),
    (m) => dayPoint(num(m[3]), num(m[2]), num(m[1])),
  ],
  [
    sticky(`(?:mese\\s+(?:di\\s+)?)?${MONTH}\\s*(?:del\\s+|di\\s+)?${YEAR}`),
    (m) => monthPoint(num(m[2]), monthNumber(m[1] ?? '') ?? 0),
  ],
  [
    sticky(`fine\\s+(?:dell'anno\\s+|del\\s+|di\\s+|anno\\s+)?${YEAR}`),
    (m) => yearEndPoint(num(m[1])),
  ],
  [sticky(`${YEAR}\\s*[/-]\\s*${YEAR}`), (m) => yearsPoint(num(m[1]), num(m[2]))],
  // "2019/2921" is a typo, not the year 2019: a year followed by a broken pair is not read.
  [
    sticky(`(?:(?:l')?anno\\s+)?${YEAR}(?!\\s*[/-]\\s*\\d)`),
    (m) => yearsPoint(num(m[1]), num(m[1])),
  ],
];

function dayPoint(year: number, month: number, day: number): PointValue {
  if (!isRealDay(year, month, day)) return { invalid: NOTE.notADay };
  const date = iso(year, month, day);
  return { start: date, end: date, precision: 'day' };
}

function monthPoint(year: number, month: number): PointValue {
  const end = iso(year, month, daysInMonth(year, month));
  return { start: iso(year, month, 1), end, precision: 'month' };
}

/** "fine 2020" is a single day, the last of the year. */
function yearEndPoint(year: number): PointValue {
  const date = iso(year, 12, 31);
  return { start: date, end: date, precision: 'yearEnd' };
}

function yearsPoint(first: number, last: number): PointValue {
  if (last < first) return { invalid: NOTE.reversed };
  const precision = first === last ? 'year' : 'years';
  return { start: iso(first, 1, 1), end: iso(last, 12, 31), precision };
}

function isInvalid(value: object): value is Invalid {
  return 'invalid' in value;
}

/** The date expression starting exactly at `at`, if any. */
function readPoint(s: string, at: number): Point | Invalid | null {
  for (const [pattern, read] of POINT_READERS) {
    pattern.lastIndex = at;
    const m = pattern.exec(s);
    if (!m) continue;
    const value = read(m);
    return isInvalid(value) ? value : { ...value, length: m[0].length };
  }
  return null;
}

function readValidPoint(s: string, at: number): Point | null {
  const point = readPoint(s, at);
  return point && !isInvalid(point) ? point : null;
}

/** Where numbers start: every numeric date begins at one of them. */
function numberStarts(s: string): number[] {
  return Array.from(s.matchAll(/(?<!\d)\d/g), (m) => m.index);
}

/** The first impossible date anywhere in the phrase: one is enough to distrust all of it. */
function findInvalid(s: string): Invalid | null {
  for (const at of numberStarts(s)) {
    const point = readPoint(s, at);
    if (point && isInvalid(point)) return point;
  }
  return null;
}

function findDays(s: string): Point[] {
  const points = numberStarts(s).map((at) => readValidPoint(s, at));
  return points.filter((p): p is Point => p?.precision === 'day');
}

interface Found {
  point: Point;
  from: number;
  to: number;
}

// "fino al 2023" sets the same limit as "entro il 2023".
const ENTRO =
  /\b(?:entro(?:\s+e\s+non\s+oltre)?|non\s+oltre|fino)\s+(?:al\s+|alla\s+|all'|a\s+|il\s+|la\s+|lo\s+|l')?/g;

/** Every "entro <date>" in the phrase; "entro i tempi del Bando" names no date and is skipped. */
function findDeadlines(s: string): Found[] {
  const found: Found[] = [];
  for (const m of s.matchAll(ENTRO)) {
    const at = m.index + m[0].length;
    const point = readValidPoint(s, at);
    if (point) found.push({ point, from: m.index, to: at + point.length });
  }
  return found;
}

function removeSpans(s: string, spans: Array<{ from: number; to: number }>): string {
  let rest = '';
  let at = 0;
  for (const { from, to } of spans) {
    rest += `${s.slice(at, from)} `;
    at = to;
  }
  return rest + s.slice(at);
}

// --- notes -----------------------------------------------------------------------------------

const REST_NOTES: Array<readonly [RegExp, string]> = [
  [/anni\s+a\s+(?:seguire|venire)|anni\s+successivi|in\s+poi/, 'continues in the following years'],
  [/\bfino\s+a/, 'open end: lasts until an event that cannot be dated'],
  [
    /bando|pnrr|misura|piattaforma|adesione|attivazione|tempi/,
    'also bound to external timing (funding call or national platform) that cannot be dated',
  ],
  [/progressivamente|gradualmente/, 'progressive, with no further dates'],
];

const UNRESOLVED_NOTES: Array<readonly [RegExp, string]> = [
  [/bando|pnrr|misura/, 'depends on the timing of a funding call, which the phrase does not date'],
  [/connesso|attivazione|adesione|piattaforma/, 'conditional on an external event'],
  [/sopraindicat|sopra\s+indicat|precedent/, 'refers to deadlines stated elsewhere in the plan'],
];

const CONNECTIVES = new Set(['e', 'ed', 'o', 'oppure', 'comunque']);

/** True when the leftover text says something beyond punctuation and "e". */
function hasWords(rest: string): boolean {
  const words = rest.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && !CONNECTIVES.has(w));
  return words.length > 0;
}

function notesFor(text: string, table: typeof REST_NOTES, fallback: string): string[] {
  const notes = table.filter(([pattern]) => pattern.test(text)).map(([, note]) => note);
  return notes.length > 0 ? notes : [fallback];
}

/** Explains the words a rule did not use, so nothing the plan said is silently dropped. */
function restNotes(rest: string): string[] {
  return hasWords(rest) ? notesFor(rest, REST_NOTES, NOTE.unread) : [];
}

function unresolved(note: string): Draft {
  return { kind: 'unresolved', notes: [note] };
}

// --- rules -----------------------------------------------------------------------------------

function emptyRule(s: string): Draft | null {
  return s === '' ? unresolved(NOTE.empty) : null;
}

const RECURRING = new RegExp(
  `(?:entro\\s+)?(?:il\\s+)?(\\d{1,2})\\s*[°º]?\\s*${MONTH}\\s+(?:di\\s+)?ogni\\s+anno`,
);

/** "entro il 30 novembre di ogni anno": a yearly deadline over the plan's years. */
function recurringRule(s: string, ctx: Ctx): Draft | null {
  const m = RECURRING.exec(s);
  if (!m) return null;
  const month = monthNumber(m[2] ?? '') ?? 0;
  const day = num(m[1]);
  // 2000 is a leap year, so 29 February counts as a yearly day.
  if (!isRealDay(2000, month, day)) return unresolved(NOTE.notADay);
  const rest = removeSpans(s, [{ from: m.index, to: m.index + m[0].length }]);
  const recurrence: Recurrence = { frequency: 'yearly', month, day };
  return { kind: 'recurring', recurrence, years: ctx.years, notes: restNotes(rest) };
}

const IMMEDIATE = /^(?:da\s+subito|subito|immediatamente)(?![\p{L}\p{N}])[\s,]*(.*)$/u;

/** "da subito", optionally followed by how long it lasts. */
function immediateRule(s: string, ctx: Ctx): Draft | null {
  const m = IMMEDIATE.exec(s);
  if (!m) return null;
  const rest = m[1] ?? '';
  return throughout(rest, ctx) ?? onwards(rest, ctx) ?? immediate(ctx, restNotes(rest));
}

function immediate(ctx: Ctx, notes: string[]): Draft {
  return { kind: 'immediate', start: ctx.today, notes };
}

const THROUGHOUT = /^(?:e\s+)?(?:per\s+tutto\s+(?:il\s+|l')?|per\s+l'intero\s+)(.*)$/;
const PLAN_PERIOD = /^(?:triennio|periodo(?:\s+del\s+piano)?|piano)(?![\p{L}\p{N}])/u;

/** Years covered by "per tutto il <tail>": the years named, or the plan's for "triennio". */
function throughoutYears(tail: string, ctx: Ctx): { years: number[]; rest: string } | null {
  const point = readValidPoint(tail, 0);
  if (point?.precision === 'year' || point?.precision === 'years') {
    const years = yearRange(yearOf(point.start), yearOf(point.end));
    return { years, rest: tail.slice(point.length) };
  }
  const plan = PLAN_PERIOD.exec(tail);
  return plan ? { years: ctx.years, rest: tail.slice(plan[0].length) } : null;
}

/** "da subito (e) per tutto il 2025/2026": a period from today to the end of those years. */
function throughout(rest: string, ctx: Ctx): Draft | null {
  const m = THROUGHOUT.exec(rest);
  const span = m ? throughoutYears(m[1] ?? '', ctx) : null;
  if (!span) return null;
  const last = span.years.at(-1);
  const first = span.years[0];
  if (last === undefined || first === undefined) return immediate(ctx, [NOTE.planUnknown]);
  const due = iso(last, 12, 31);
  // "da subito" after the named years end cannot be their start.
  const start = ctx.today !== null && ctx.today <= due ? ctx.today : null;
  return { kind: 'period', start, due, years: span.years, notes: restNotes(span.rest) };
}

const ONWARDS =
  /^(?:e\s+)?(?:anche\s+)?(?:negli|per\s+gli|nei)\s+anni\s+(?:a\s+seguire|a\s+venire|successivi|seguenti)|^(?:e\s+)?in\s+poi/;

/** "da subito e negli anni a seguire": open-ended from today. */
function onwards(rest: string, ctx: Ctx): Draft | null {
  const m = ONWARDS.exec(rest);
  if (!m) return null;
  const years = ctx.today ? yearsFrom(yearOf(ctx.today), ctx) : ctx.years;
  return { kind: 'from', start: ctx.today, years, notes: restNotes(rest.slice(m[0].length)) };
}

const FROM_HEAD = /^(?:a\s+partire\s+)?(?:dal|dalla|dall'|da)\s*/;
const RANGE_SEP = /\s*(?:-|fino\s+(?:al|alla|all'|a)|alla|all'|al|a)\s*/y;

/** The point after "da"/"dal"/"a partire dal" and where it ends. */
function headPoint(s: string): { point: Point; end: number } | null {
  const head = FROM_HEAD.exec(s);
  const point = head ? readValidPoint(s, head[0].length) : null;
  return head && point ? { point, end: head[0].length + point.length } : null;
}

/** "Da novembre 2020 al Dicembre 2023": a period between two named points. */
function rangeRule(s: string): Draft | null {
  const head = headPoint(s);
  if (!head) return null;
  RANGE_SEP.lastIndex = head.end;
  const second = RANGE_SEP.exec(s) ? readValidPoint(s, RANGE_SEP.lastIndex) : null;
  // "dal 2021/2023" names its own end.
  const end = second ?? (head.point.precision === 'years' ? head.point : null);
  if (!end) return null;
  const rest = s.slice(second ? RANGE_SEP.lastIndex + second.length : head.end);
  return { kind: 'period', start: head.point.start, due: end.end, notes: restNotes(rest) };
}

const MONTH_SPAN = new RegExp(`^${MONTH}(?:\\s+${YEAR})?\\s*-\\s*`);

/**
 * "gennaio 2020 - dicembre 2023", "gennaio - dicembre 2020": a span of months with no lead
 * word. It ends with the last day of the second month; a first month without a year takes the
 * second's year.
 */
function monthSpanRule(s: string): Draft | null {
  const m = MONTH_SPAN.exec(s);
  if (!m) return null;
  const end = readValidPoint(s, m[0].length);
  if (!end || end.precision !== 'month') return null;
  const first = monthNumber(m[1] ?? '') ?? 0;
  const year = m[2] === undefined ? yearOf(end.start) : num(m[2]);
  const start = iso(year, first, 1);
  const rest = s.slice(m[0].length + end.length);
  return { kind: 'period', start, due: end.end, notes: restNotes(rest) };
}

const STANDING =
  /^(?:azione|attivit[aà]|intervento)?\s*(?:continu[ao]|continuativ[ao]|permanente|costante)$/;

/** "Azione continua": a standing action with no deadline, said so rather than left unread. */
function standingRule(s: string): Draft | null {
  return STANDING.test(s) ? unresolved(NOTE.standing) : null;
}

const FAR_YEAR = /\b(?:2[1-9]\d\d|[3-9]\d{3})\b/;

/** "Entro fine 2121": a year no plan can mean, flagged as it is and never corrected. */
function implausibleRule(s: string): Draft | null {
  const m = FAR_YEAR.exec(s);
  return m && !new RegExp(YEAR).test(s) ? unresolved(`${NOTE.implausible}: ${m[0]}`) : null;
}

/** "a partire dal 2023, negli anni a venire": open-ended from a named point. */
function fromRule(s: string, ctx: Ctx): Draft | null {
  const head = headPoint(s);
  if (!head) return null;
  const rest = s.slice(head.end).replace(/^[\s,;]+/, '');
  const onward = ONWARDS.exec(rest);
  const years = yearsFrom(yearOf(head.point.start), ctx);
  const notes = restNotes(onward ? rest.slice(onward[0].length) : rest);
  return { kind: 'from', start: head.point.start, years, notes };
}

/** "per tutto il triennio" on its own: the plan's whole period. */
function planPeriodRule(s: string, ctx: Ctx): Draft | null {
  const m = THROUGHOUT.exec(s);
  const span = m ? throughoutYears(m[1] ?? '', ctx) : null;
  if (!span) return null;
  const first = span.years[0];
  const last = span.years.at(-1);
  if (first === undefined || last === undefined) return unresolved(NOTE.planUnknown);
  const [start, due] = [iso(first, 1, 1), iso(last, 12, 31)];
  return { kind: 'period', start, due, notes: restNotes(span.rest) };
}

/** Every "entro <date>" in the phrase: the last one is the due date, the others add years. */
function deadlineRule(s: string): Draft | null {
  const found = findDeadlines(s);
  if (found.length === 0) return null;
  const due = found.map((f) => f.point.end).reduce((a, b) => (b > a ? b : a));
  const first = Math.min(...found.map((f) => yearOf(f.point.start)));
  const several = found.length > 1 ? [NOTE.several] : [];
  const notes = [...several, ...restNotes(removeSpans(s, found))];
  return { kind: 'by', due, years: yearRange(first, yearOf(due)), notes };
}

const QUALIFIER =
  /^(?:(triennio|biennio|quadriennio)\s+|(?:l'anno|anno|nell'anno|nel\s+corso\s+(?:del(?:l'anno)?|di)|durante\s+(?:il|l'anno)|nel|in|il|periodo)\s+)?/;
const SPAN_LENGTHS: Record<string, number> = { biennio: 2, triennio: 3, quadriennio: 4 };

/** A phrase that is just a date, month, year or run of years, maybe after "Anno"/"triennio". */
function barePointRule(s: string): Draft | null {
  const q = QUALIFIER.exec(s);
  const at = q?.[0].length ?? 0;
  const point = readValidPoint(s, at);
  if (!point) return null;
  const notes = [...spanNotes(q?.[1], point), ...restNotes(s.slice(at + point.length))];
  return { ...bareDraft(point), notes };
}

function bareDraft(point: Point): Draft {
  const { start, end: due } = point;
  if (point.precision === 'day') return { kind: 'date', due };
  if (point.precision === 'yearEnd') return { kind: 'by', due };
  return { kind: point.precision === 'year' ? 'year' : 'period', start, due };
}

/** "triennio 2021 – 2022" says three years but names two: keep the years, flag the mismatch. */
function spanNotes(label: string | undefined, point: Point): string[] {
  const expected = label === undefined ? undefined : SPAN_LENGTHS[label];
  const named = yearOf(point.end) - yearOf(point.start) + 1;
  return expected === undefined || expected === named
    ? []
    : [`"${label}" does not match the ${named} year(s) named`];
}

const COMPLETED = /\b(?:approvat|adottat|deliberat)\w*|\bdelibera\b/;

/** "approvate con delibera G.M. n. 64 del 25/03/2025": the act's date, already past. */
function completedActRule(s: string): Draft | null {
  if (!COMPLETED.test(s)) return null;
  const day = findDays(s).at(-1);
  return day ? { kind: 'date', due: day.end, notes: [NOTE.alreadyDone] } : null;
}

const NEL_YEAR = new RegExp(`\\b(?:nel\\s+corso\\s+del|nell'anno|nel)\\s+${YEAR}`, 'g');

/** "... vengono fissati nel 2023 ...": a year named inside a longer phrase reads as its deadline. */
function nelYearRule(s: string): Draft | null {
  const years = Array.from(s.matchAll(NEL_YEAR), (m) => num(m[1]));
  if (years.length === 0) return null;
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const notes = [NOTE.yearAsDeadline];
  return { kind: 'by', due: iso(last, 12, 31), years: yearRange(first, last), notes };
}

const RULES: Rule[] = [
  emptyRule,
  recurringRule,
  immediateRule,
  standingRule,
  implausibleRule,
  monthSpanRule,
  rangeRule,
  fromRule,
  planPeriodRule,
  deadlineRule,
  barePointRule,
  completedActRule,
  nelYearRule,
];

function firstMatch(s: string, ctx: Ctx): Draft {
  for (const rule of RULES) {
    const draft = rule(s, ctx);
    if (draft) return draft;
  }
  return { kind: 'unresolved', notes: notesFor(s, UNRESOLVED_NOTES, NOTE.noDate) };
}

// --- the value -------------------------------------------------------------------------------

/** Every year between start and due, or the one of them that is known. */
function yearsBetween(start: string | null, due: string | null): number[] {
  if (start !== null && due !== null) return yearRange(yearOf(start), yearOf(due));
  const one = start ?? due;
  return one === null ? [] : [yearOf(one)];
}

function uniqueSorted(years: number[]): number[] {
  return [...new Set(years)].sort((a, b) => a - b);
}

function finalize(text: string, draft: Draft): Timing {
  const start = draft.start ?? null;
  const due = draft.due ?? null;
  if (start !== null && due !== null && start > due)
    return finalize(text, unresolved(NOTE.reversed));
  const years = uniqueSorted([...(draft.years ?? []), ...yearsBetween(start, due)]);
  if (years.length > MAX_YEARS) return finalize(text, unresolved(NOTE.tooLong));
  const recurrence = draft.recurrence ?? null;
  const resolved =
    draft.kind !== 'unresolved' && (start !== null || due !== null || recurrence !== null);
  const timing: Timing = { text, kind: draft.kind, start, due, years, recurrence, resolved };
  const note = [...new Set(draft.notes ?? [])].join('; ');
  return note === '' ? timing : { ...timing, note };
}
