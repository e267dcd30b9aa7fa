/**
 * When a plan says something will happen. A Timing keeps the plan's own words next to what
 * they mean, because plans mix exact dates with phrases that cannot be dated ("nei tempi
 * previsti dal Bando PNRR"): those stay as words, flagged, never guessed.
 */
export type TimingKind =
  | 'date' // an exact day: "28 febbraio 2021" (a bare date is read as a deadline day)
  | 'by' // a deadline: "entro il 31 dicembre 2023", "entro giugno 2026", "Entro fine 2020"
  | 'year' // a whole year: "[2021]", "Anno 2021", "nel corso del 2025"
  | 'period' // a span: "[triennio 2021 – 2023]", "Da novembre 2020 al Dicembre 2023", "2023/2024"
  | 'from' // open-ended start: "a partire dal 2023, negli anni a venire"
  | 'immediate' // "da subito"
  | 'recurring' // "30 ottobre di ogni anno"
  | 'unresolved'; // cannot be dated: "nei tempi previsti dal Bando PNRR"

/** A yearly deadline such as "entro il 30 novembre di ogni anno"; month is 1-12. */
export interface Recurrence {
  frequency: 'yearly';
  month: number;
  day: number;
}

export interface Timing {
  /** The plan's words, trimmed, with markdown emphasis wrapping the whole phrase removed. */
  text: string;
  kind: TimingKind;
  /** ISO date (YYYY-MM-DD) the timing starts, when the words say so. */
  start: string | null;
  /** ISO date (YYYY-MM-DD) of the deadline; the last day of the month or year when only those are named. */
  due: string | null;
  /** Every calendar year the timing touches, ascending and unique. */
  years: number[];
  recurrence: Recurrence | null;
  /** True when the words gave at least one date or a recurrence; always false for 'unresolved'. */
  resolved: boolean;
  /** Short English explanation of what could not be interpreted, e.g. a condition on an external event. */
  note?: string;
}

/** The plan's own period and the reference day, used for "da subito" and "per tutto il triennio". */
export interface TimingContext {
  startYear?: number;
  endYear?: number;
  /** ISO date (YYYY-MM-DD) that "da subito" means. */
  today?: string;
}
