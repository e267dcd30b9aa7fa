/** Italian month names and the calendar arithmetic the timing parser needs. */

const MONTH_NAMES = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
] as const;

/** Regex alternation of the month names, lower case (callers lower-case the text first). */
export const MONTH_PATTERN = MONTH_NAMES.join('|');

/** 1-12 for an Italian month name in any case, null for anything else. */
export function monthNumber(name: string): number | null {
  const index = MONTH_NAMES.indexOf(name.toLowerCase() as (typeof MONTH_NAMES)[number]);
  return index < 0 ? null : index + 1;
}

/** The Italian name of month 1-12, lower case. */
export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`month out of range: ${month}`);
  return name;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of a given year; 0 for a month outside 1-12 so any day check fails. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
