import { daysInMonth, monthName } from '../timing/italian-months.js';

/** Calendar arithmetic on ISO strings (YYYY-MM-DD), in UTC so no time zone shifts a day. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const isoDate = (year: number, month: number, day: number) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

export const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** "2026-12" → "2026-12-31": a month named as a deadline ends on its last day. */
export function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return isoDate(year, m, daysInMonth(year, m));
}

/** "2024-03" → "2024-03-01": a month named as a start begins on its first day. */
export const firstDayOf = (month: string) => `${month}-01`;

/** The day a yearly rule falls on in `year`; 29 February falls on the 28th in common years. */
export function yearlyDate(year: number, rule: { month: number; day: number }): string {
  return isoDate(year, rule.month, Math.min(rule.day, daysInMonth(year, rule.month)));
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "2026-12" → "dicembre 2026". */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${monthName(m)} ${year}`;
}

/** "2025-12-31" → "31/12/2025", as Italian readers write dates. */
export const dateLabel = (iso: string) => iso.split('-').reverse().join('/');

/** How a national deadline reads: "entro dicembre 2026", "da marzo 2024", "vigente", "dal 28/02/2021". */
export function deadlineLabel(deadline: string | null, kind: 'by' | 'from' | 'standing' | null) {
  if (deadline === null) return 'vigente';
  if (deadline.length > 7) return `dal ${dateLabel(deadline)}`;
  return `${kind === 'from' ? 'da' : 'entro'} ${monthLabel(deadline)}`;
}
