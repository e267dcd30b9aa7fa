/**
 * Italian formatting shared by every document: numbers "1.234,5", euros "€ 155.234,00", dates
 * "31 dicembre 2025" in text and "31/12/2025" in tables, and the Italian words for the model's
 * enumerations. Intl with 'it-IT' does the work; grouping is forced on so that four-digit
 * numbers read "1.234" as in the plans (CLDR leaves them ungrouped by default).
 */
import type { ActionStatus } from '../domain/model/action.js';
import type { PlanStatus } from '../domain/model/plan.js';

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

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Da avviare',
  in_progress: 'In corso',
  completed: 'Completata',
  suspended: 'Sospesa',
  cancelled: 'Annullata',
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Bozza',
  proposed: 'Proposta',
  approved: 'Approvato',
  published: 'Pubblicato',
  superseded: 'Sostituito',
};

export const SPENDING_STATUS_LABELS: Record<'planned' | 'committed' | 'paid', string> = {
  planned: 'Prevista',
  committed: 'Impegnata',
  paid: 'Liquidata',
};

export const PLATFORM_STATUS_LABELS: Record<string, string> = {
  adopted: 'SI',
  in_progress: 'In corso',
  planned: 'Prevista',
  not_adopted: 'NO',
  not_applicable: 'Non applicabile',
};

export const ROLE_LABELS: Record<string, string> = {
  rtd: 'Responsabile per la transizione al digitale',
  records_manager: 'Responsabile della gestione documentale',
  preservation_manager: 'Responsabile della conservazione',
  dpo: 'Responsabile della protezione dei dati',
  system_administrator: 'Amministratore di sistema',
  other: 'Altro ruolo',
};

export const INSTRUMENT_LABELS: Record<string, string> = {
  DUP: 'DUP',
  PIAO: 'PIAO',
  PTPCT: 'PTPCT',
  PEG: 'PEG',
  PdO: 'Piano degli obiettivi',
  POLA: 'POLA',
  altro: 'Altro strumento',
};

/** "deliberazione della Giunta comunale n. 46 del 17 aprile 2025" (parts that are missing are left out). */
export function formatAct(act: {
  organ: string | null;
  number: string | null;
  date: string | null;
}): string {
  const organ = act.organ ? `${actKind(act.organ)} ${act.organ}` : 'atto';
  const number = act.number ? ` n. ${act.number}` : '';
  const date = act.date ? ` del ${formatDate(act.date)}` : '';
  return `${organ}${number}${date}`;
}

/** Collegial bodies deliberate; a mayor or a manager decrees. */
function actKind(organ: string): string {
  const o = organ.toLowerCase();
  if (o.includes('giunta') || o.includes('consiglio')) return 'deliberazione della';
  if (o.includes('sindaco')) return 'decreto del';
  return 'atto del';
}
