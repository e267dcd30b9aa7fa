import type { CatalogEdition, CatalogLine } from '../catalog/model.js';
import { firstDayOf, lastDayOf } from './dates.js';

/** What decides whether a line concerns an organization: its type and, for comuni, its size. */
export interface OrganizationProfile {
  type: string;
  population: number | null;
}

/**
 * A line concerns an organization when its audience names the organization's type; lines for
 * comuni of one population band concern only comuni whose population is known and in the band.
 */
export function concerns(line: CatalogLine, org: OrganizationProfile): boolean {
  if (!(line.appliesTo as string[]).includes(org.type)) return false;
  const band = line.comunePopulation;
  if (org.type !== 'comune' || !band) return true;
  if (org.population === null) return false;
  return (band.min ?? 0) <= org.population && org.population <= (band.max ?? Infinity);
}

/** Standing lines are always in force; dated ones matter once their month is inside the period or before it. */
export const fallsDueBy = (line: CatalogLine, endYear: number) =>
  line.deadline === null || line.deadline <= `${endYear}-12`;

/** The lines of an edition an organization must answer for in a plan ending in `endYear`. */
export function linesInScope(edition: CatalogEdition, org: OrganizationProfile, endYear: number) {
  return edition.lines.filter(
    (line) => line.kind === 'pa' && concerns(line, org) && fallsDueBy(line, endYear),
  );
}

/** The day a line's deadline stands for: the last day of a due month, the first of a start month. */
export function deadlineDay(line: CatalogLine): string | null {
  if (line.deadline === null) return null;
  return line.deadlineKind === 'by' ? lastDayOf(line.deadline) : firstDayOf(line.deadline);
}

/** A required line for comuni, as the national overview query takes it. */
export interface ComuneLine {
  code: string;
  /** YYYY-MM, null for standing lines: a plan ending earlier does not answer for it. */
  deadline: string | null;
  minPopulation: number | null;
  maxPopulation: number | null;
}

/** Lines the national overview counts for comuni: the same rules as `linesInScope`, as data. */
export function comuneLines(edition: CatalogEdition): ComuneLine[] {
  return edition.lines
    .filter((l) => l.kind === 'pa' && !l.optional && l.appliesTo.includes('comune'))
    .map((l) => ({
      code: l.code,
      deadline: l.deadline,
      minPopulation: l.comunePopulation?.min ?? null,
      maxPopulation: l.comunePopulation?.max ?? null,
    }));
}
