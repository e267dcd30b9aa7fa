import type { Action } from '../model/action.js';
import type { Indicator, Target } from '../model/indicator.js';
import type { PlanDocument } from '../model/interchange.js';

/** An action as the diff names it. */
export interface ActionRef {
  id: string;
  lineageId: string | null;
  title: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * What changed from one revision of a plan (`before`) to another (`after`). Actions,
 * indicators and spending items are matched by lineage id (by local id when a part has none).
 */
export interface PlanDiff {
  actions: {
    added: ActionRef[];
    removed: ActionRef[];
    changed: (ActionRef & { fields: FieldChange[] })[];
  };
  deadlinesMoved: (ActionRef & { from: string | null; to: string | null })[];
  targetsChanged: { id: string; name: string; before: Target[]; after: Target[] }[];
  spendingBySource: { fundingSource: string; before: number; after: number }[];
  platformsChanged: { platform: string; before: string | null; after: string | null }[];
}

/** The action fields compared one by one (the timing by its words and the date it means). */
const ACTION_FIELDS = [
  'code',
  'title',
  'description',
  'priorityId',
  'responsibles',
  'ownerUnitIds',
  'status',
  'progress',
  'expectedResults',
  'catalogRefs',
  'pnrrMeasures',
] as const;

const identity = (part: { id: string; lineageId?: string | undefined }) =>
  part.lineageId ?? part.id;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const ref = (a: Action): ActionRef => ({
  id: a.id,
  lineageId: a.lineageId ?? null,
  title: a.title,
});
const cents = (amount: number) => Math.round(amount * 100);

function byIdentity<T extends { id: string; lineageId?: string | undefined }>(items: T[]) {
  return new Map(items.map((item) => [identity(item), item]));
}

/** Compares two revisions of a plan: a pure function of the two documents. */
export function diffPlans(before: PlanDocument, after: PlanDocument): PlanDiff {
  const old = byIdentity(before.actions);
  const now = byIdentity(after.actions);
  const diff: PlanDiff = {
    actions: {
      added: after.actions.filter((a) => !old.has(identity(a))).map(ref),
      removed: before.actions.filter((a) => !now.has(identity(a))).map(ref),
      changed: [],
    },
    deadlinesMoved: [],
    targetsChanged: diffTargets(before.indicators, after.indicators),
    spendingBySource: diffSpending(before, after),
    platformsChanged: diffPlatforms(before, after),
  };
  for (const next of after.actions) {
    const prev = old.get(identity(next));
    if (!prev) continue;
    const fields = actionFieldChanges(prev, next);
    if (fields.length) diff.actions.changed.push({ ...ref(next), fields });
    const from = prev.timing?.due ?? null;
    const to = next.timing?.due ?? null;
    if (from !== to) diff.deadlinesMoved.push({ ...ref(next), from, to });
  }
  return diff;
}

function actionFieldChanges(prev: Action, next: Action): FieldChange[] {
  const fields: FieldChange[] = ACTION_FIELDS.filter((f) => !same(prev[f], next[f])).map((f) => ({
    field: f,
    before: prev[f] ?? null,
    after: next[f] ?? null,
  }));
  const words = (a: Action) => a.timing?.text ?? null;
  if (!same(words(prev), words(next)) || !same(prev.timing?.due, next.timing?.due)) {
    fields.push({ field: 'timing', before: words(prev), after: words(next) });
  }
  return fields;
}

function diffTargets(before: Indicator[], after: Indicator[]) {
  const old = byIdentity(before);
  return after.flatMap((next) => {
    const prev = old.get(identity(next));
    if (!prev || same(prev.targets, next.targets)) return [];
    return [{ id: next.id, name: next.name, before: prev.targets, after: next.targets }];
  });
}

function diffSpending(before: PlanDocument, after: PlanDocument) {
  const totals = new Map<string, { before: number; after: number }>();
  const add = (doc: PlanDocument, side: 'before' | 'after') => {
    for (const item of doc.spending) {
      const row = totals.get(item.fundingSource) ?? { before: 0, after: 0 };
      row[side] += cents(item.amount);
      totals.set(item.fundingSource, row);
    }
  };
  add(before, 'before');
  add(after, 'after');
  return [...totals]
    .filter(([, t]) => t.before !== t.after)
    .sort(([a], [b]) => a.localeCompare(b, 'it'))
    .map(([fundingSource, t]) => ({
      fundingSource,
      before: t.before / 100,
      after: t.after / 100,
    }));
}

function diffPlatforms(before: PlanDocument, after: PlanDocument) {
  const statusOf = (doc: PlanDocument) => new Map(doc.platforms.map((p) => [p.platform, p.status]));
  const old = statusOf(before);
  const now = statusOf(after);
  const names = [...new Set([...old.keys(), ...now.keys()])];
  return names
    .filter((name) => old.get(name) !== now.get(name))
    .map((platform) => ({
      platform,
      before: old.get(platform) ?? null,
      after: now.get(platform) ?? null,
    }));
}

/** True when nothing the diff looks at changed. */
export function isEmptyDiff(diff: PlanDiff): boolean {
  return (
    diff.actions.added.length +
      diff.actions.removed.length +
      diff.actions.changed.length +
      diff.deadlinesMoved.length +
      diff.targetsChanged.length +
      diff.spendingBySource.length +
      diff.platformsChanged.length ===
    0
  );
}
