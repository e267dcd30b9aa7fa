/**
 * The performance objectives that come from the plan (PEG/PdO, the PIAO's performance
 * subsection): per unit, the actions due in a year with their indicators and that year's
 * targets, as the Nucleo di valutazione evaluates them.
 */
import type { PlanDocument } from '../domain/model/interchange.js';
import { toCsv, type CsvTable } from './open-data.js';

export interface PerformanceObjective {
  unitId: string;
  unit: string;
  actionId: string;
  action: string;
  due: string | null;
  status: string;
  indicator: string | null;
  target: number | null;
  targetText: string | null;
}

/** The objectives of `year`: one row per owning unit, action and indicator (or none). */
export function performanceObjectives(doc: PlanDocument, year: number): PerformanceObjective[] {
  const units = new Map(doc.organization.units.map((u) => [u.id, u.name]));
  const rows: PerformanceObjective[] = [];
  for (const action of doc.actions) {
    const timing = action.timing;
    const dueYear = timing?.due ? Number(timing.due.slice(0, 4)) : null;
    if (dueYear !== year && !(timing?.years ?? []).includes(year)) continue;
    const indicators = doc.indicators.filter((i) => i.actionId === action.id);
    const owners = action.ownerUnitIds.length ? action.ownerUnitIds : [''];
    for (const unitId of owners) {
      const base = {
        unitId,
        unit: units.get(unitId) ?? (action.responsibles.join('; ') || '—'),
        actionId: action.id,
        action: action.title,
        due: timing?.due ?? null,
        status: action.status,
      };
      if (indicators.length === 0) {
        rows.push({ ...base, indicator: null, target: null, targetText: null });
      }
      for (const indicator of indicators) {
        const target = indicator.targets.find((t) => t.year === year);
        rows.push({
          ...base,
          indicator: indicator.name,
          target: target?.value ?? null,
          targetText: target?.text ?? null,
        });
      }
    }
  }
  return rows.sort(
    (a, b) => a.unit.localeCompare(b.unit, 'it') || a.actionId.localeCompare(b.actionId),
  );
}

/** The objectives as an RFC 4180 CSV, like the open data. */
export function performanceObjectivesCsv(doc: PlanDocument, year: number): string {
  const columns: (keyof PerformanceObjective)[] = [
    'unitId',
    'unit',
    'actionId',
    'action',
    'due',
    'status',
    'indicator',
    'target',
    'targetText',
  ];
  const table: CsvTable = {
    name: `performance-objectives-${year}`,
    title: `Obiettivi di performance ${year}`,
    description: 'Per settore, le azioni del piano in scadenza nell’anno con indicatori e target',
    columns,
    rows: performanceObjectives(doc, year).map((o) => columns.map((c) => o[c])),
  };
  return toCsv(table);
}
