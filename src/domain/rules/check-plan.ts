import type { FieldProblem } from '../errors.js';
import type { PlanDocument } from '../model/interchange.js';

/**
 * What a JSON Schema cannot say about a plan: identifiers unique in their list, references that
 * resolve, years inside a sane period. Returns every problem found, each naming its field.
 */
export function checkPlanDocument(doc: PlanDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const report = (field: string, message: string) => problems.push({ field, message });
  const ids = (path: string, items: { id: string }[]) => uniqueIds(path, items, report);

  const units = ids('/organization/units', doc.organization.units);
  ids('/organization/roles', doc.organization.roles);
  const priorities = ids('/priorities', doc.priorities);
  const actions = ids('/actions', doc.actions);
  ids('/indicators', doc.indicators);
  ids('/baseline', doc.baseline);
  ids('/spending', doc.spending);
  ids('/platforms', doc.platforms);
  ids('/plan/sections', doc.plan.sections);
  ids('/plan/normativeReferences', doc.plan.normativeReferences);
  ids('/plan/glossary', doc.plan.glossary);
  nestedIds(
    doc.actions.map((a, i) => [`/actions/${i}/microActions`, a.microActions]),
    report,
  );
  nestedIds(
    doc.indicators.map((ind, i) => [`/indicators/${i}/measurements`, ind.measurements]),
    report,
  );

  const refersTo = (field: string, value: string | null, known: Set<string>, what: string) => {
    if (value !== null && !known.has(value))
      report(field, `rimanda a ${what} "${value}" inesistente`);
  };
  doc.organization.units.forEach((u, i) =>
    refersTo(`/organization/units/${i}/parentId`, u.parentId, units, 'un settore'),
  );
  doc.organization.roles.forEach((r, i) =>
    refersTo(`/organization/roles/${i}/unitId`, r.unitId, units, 'un settore'),
  );
  doc.baseline.forEach((b, i) =>
    refersTo(`/baseline/${i}/priorityId`, b.priorityId, priorities, 'una priorità'),
  );
  doc.actions.forEach((a, i) => {
    refersTo(`/actions/${i}/priorityId`, a.priorityId, priorities, 'una priorità');
    a.ownerUnitIds.forEach((u, j) =>
      refersTo(`/actions/${i}/ownerUnitIds/${j}`, u, units, 'un settore'),
    );
    a.microActions.forEach((m, k) =>
      m.ownerUnitIds.forEach((u, j) =>
        refersTo(`/actions/${i}/microActions/${k}/ownerUnitIds/${j}`, u, units, 'un settore'),
      ),
    );
  });
  doc.indicators.forEach((ind, i) => {
    refersTo(`/indicators/${i}/actionId`, ind.actionId, actions, 'un’azione');
    refersTo(`/indicators/${i}/priorityId`, ind.priorityId, priorities, 'una priorità');
  });
  doc.spending.forEach((s, i) =>
    refersTo(`/spending/${i}/actionId`, s.actionId, actions, 'un’azione'),
  );
  doc.platforms.forEach((p, i) =>
    refersTo(`/platforms/${i}/unitId`, p.unitId, units, 'un settore'),
  );
  problems.push(...unitCycles(doc.organization.units));
  problems.push(...checkPeriod(doc.plan));
  return problems;
}

function uniqueIds(
  path: string,
  items: { id: string }[],
  report: (field: string, message: string) => void,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      report(`${path}/${i}/id`, `"${item.id}" è già usato nello stesso elenco`);
    seen.add(item.id);
  });
  return seen;
}

/** Nested parts (micro-actions, measurements) share one identifier space in the plan. */
function nestedIds(
  lists: [string, { id: string }[]][],
  report: (field: string, message: string) => void,
): void {
  const seen = new Set<string>();
  for (const [path, items] of lists) {
    items.forEach((item, i) => {
      if (seen.has(item.id)) report(`${path}/${i}/id`, `"${item.id}" è già usato nel piano`);
      seen.add(item.id);
    });
  }
}

/** A unit cannot be, through its parents, its own parent. */
function unitCycles(units: { id: string; parentId: string | null }[]): FieldProblem[] {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const problems: FieldProblem[] = [];
  units.forEach((unit, i) => {
    const seen = new Set([unit.id]);
    for (let p = unit.parentId; p !== null && p !== undefined; p = parentOf.get(p) ?? null) {
      if (seen.has(p)) {
        problems.push({
          field: `/organization/units/${i}/parentId`,
          message: 'crea un ciclo: il settore risulterebbe contenuto in sé stesso',
        });
        break;
      }
      seen.add(p);
    }
  });
  return problems;
}

export function checkPeriod(plan: { startYear: number; endYear: number }): FieldProblem[] {
  if (plan.endYear < plan.startYear)
    return [{ field: '/plan/endYear', message: 'non può precedere l’anno di inizio' }];
  if (plan.endYear - plan.startYear > 10)
    return [{ field: '/plan/endYear', message: 'il periodo non può superare dieci anni' }];
  return [];
}

/**
 * checkPeriod points into a whole plan document (/plan/endYear); the bodies that create or
 * change a plan are the plan's own fields, so their pointers drop the /plan prefix (/endYear).
 */
export const checkPlanPeriod = (plan: { startYear: number; endYear: number }) =>
  checkPeriod(plan).map((p) => ({ ...p, field: p.field.replace(/^\/plan(?=\/)/, '') }));
