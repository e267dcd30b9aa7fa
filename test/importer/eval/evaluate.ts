import type { PlanDocument } from '../../../src/domain/model/interchange.js';
import { fold } from '../../../src/importer/recognizers/lines.js';
import { titleSimilarity } from '../../../src/importer/recognizers/similarity.js';

/**
 * How a draft compares with a seed's gold annotation.
 *
 * - An extracted action matches a gold action when their titles are alike: titleSimilarity ≥
 *   TITLE_MATCH (the Dice coefficient of their words, accents, case, punctuation and short words
 *   ignored; 0.9 when every word of the shorter title, at least three, is in the longer one),
 *   against the gold title or any of its aliases. Pairs are matched one to one, best first.
 * - Precision = matched / extracted actions; recall = matched / gold actions.
 * - Responsibles are right when every gold role matches an extracted one and every extracted
 *   role matches a gold one; two roles match when the words of one (articles and prepositions
 *   dropped) are all among the words of the other ("RTD" matches "regia RTD").
 * - The due date is right when the interpreted timing's due date equals the gold one (both may
 *   be null: "nei tempi del bando" has no date, and saying so is right).
 * - Spending: how many gold amounts appear among the extracted amounts (each used once).
 */
export const TITLE_MATCH = 0.75;

export interface GoldAction {
  title: string;
  aliases?: string[];
  responsibles: string[];
  due: string | null;
}

export interface Gold {
  seed: string;
  /** The folder of ../shared holding the plan: seeds (the default) or seeds-extra. */
  collection?: 'seeds' | 'seeds-extra';
  organization: string;
  period: { startYear: number; endYear: number };
  priorities: string[];
  actions: GoldAction[];
  spending: number[];
  baseline: string[];
  platforms: Array<{ platform: string; status: string }>;
}

export interface Mismatch {
  gold: string;
  extracted: string;
  what: 'responsibles' | 'due';
  expected: unknown;
  found: unknown;
}

export interface Evaluation {
  seed: string;
  gold: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  responsiblesRight: number;
  dueRight: number;
  spendingFound: number;
  spendingTotal: number;
  prioritiesFound: number;
  prioritiesTotal: number;
  baselineFound: number;
  baselineTotal: number;
  platformsFound: number;
  platformsTotal: number;
  missed: string[];
  spurious: string[];
  mismatches: Mismatch[];
}

export function evaluate(doc: PlanDocument, gold: Gold): Evaluation {
  const pairs = matchTitles(
    gold.actions.map((g) => [g.title, ...(g.aliases ?? [])]),
    doc.actions.map((a) => a.title),
  );
  const mismatches: Mismatch[] = [];
  let responsiblesRight = 0;
  let dueRight = 0;
  for (const [g, e] of pairs) {
    const goldAction = gold.actions[g] as GoldAction;
    const action = doc.actions[e] as PlanDocument['actions'][number];
    if (sameRoles(goldAction.responsibles, action.responsibles)) responsiblesRight += 1;
    else mismatches.push(mismatch(goldAction, action.title, 'responsibles', action.responsibles));
    const due = action.timing?.due ?? null;
    if (due === goldAction.due) dueRight += 1;
    else mismatches.push(mismatch(goldAction, action.title, 'due', due));
  }
  const matchedGold = new Set(pairs.map(([g]) => g));
  const matchedExtracted = new Set(pairs.map(([, e]) => e));
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    seed: gold.seed,
    gold: gold.actions.length,
    extracted: doc.actions.length,
    matched: pairs.length,
    precision: ratio(pairs.length, doc.actions.length),
    recall: ratio(pairs.length, gold.actions.length),
    responsiblesRight: ratio(responsiblesRight, pairs.length),
    dueRight: ratio(dueRight, pairs.length),
    spendingFound: countAmounts(
      gold.spending,
      doc.spending.map((s) => s.amount),
    ),
    spendingTotal: gold.spending.length,
    prioritiesFound: matchTitles(
      gold.priorities.map((p) => [p]),
      doc.priorities.map((p) => p.title),
    ).length,
    prioritiesTotal: gold.priorities.length,
    baselineFound: matchTitles(
      gold.baseline.map((b) => [b]),
      doc.baseline.map((b) => b.label),
    ).length,
    baselineTotal: gold.baseline.length,
    platformsFound: gold.platforms.filter((p) =>
      doc.platforms.some((d) => d.platform === p.platform && statusAgrees(p.status, d.status)),
    ).length,
    platformsTotal: gold.platforms.length,
    missed: gold.actions.filter((_, i) => !matchedGold.has(i)).map((g) => g.title),
    spurious: doc.actions.filter((_, i) => !matchedExtracted.has(i)).map((a) => a.title),
    mismatches,
  };
}

function mismatch(
  gold: GoldAction,
  extracted: string,
  what: Mismatch['what'],
  found: unknown,
): Mismatch {
  const expected = what === 'due' ? gold.due : gold.responsibles;
  return { gold: gold.title, extracted, what, expected, found };
}

/** One-to-one pairs [gold index, extracted index], best similarity first. */
export function matchTitles(gold: string[][], extracted: string[]): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  gold.forEach((titles, g) =>
    extracted.forEach((title, e) => {
      const score = Math.max(...titles.map((t) => titleSimilarity(t, title)));
      if (score >= TITLE_MATCH) candidates.push([score, g, e]);
    }),
  );
  candidates.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<number>();
  const usedE = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, g, e] of candidates) {
    if (usedG.has(g) || usedE.has(e)) continue;
    usedG.add(g);
    usedE.add(e);
    pairs.push([g, e]);
  }
  return pairs;
}

const ROLE_STOP = new Set([
  'il',
  'lo',
  'la',
  'i',
  'gli',
  'le',
  'di',
  'del',
  'della',
  'dei',
  'degli',
  'delle',
  'e',
  'ed',
  'al',
  'a',
  'in',
  'per',
  'con',
  'l',
  'd',
]);

function roleWords(role: string): Set<string> {
  return new Set(
    fold(role)
      .replace(/'/g, ' ')
      .split(' ')
      .filter((w) => w && !ROLE_STOP.has(w)),
  );
}

function rolesMatch(a: string, b: string): boolean {
  const A = roleWords(a);
  const B = roleWords(b);
  if (A.size === 0 || B.size === 0) return false;
  const [small, large] = A.size <= B.size ? [A, B] : [B, A];
  return [...small].every((w) => large.has(w));
}

export function sameRoles(gold: string[], extracted: string[]): boolean {
  return (
    gold.every((g) => extracted.some((e) => rolesMatch(g, e))) &&
    extracted.every((e) => gold.some((g) => rolesMatch(g, e)))
  );
}

function countAmounts(gold: number[], extracted: number[]): number {
  const pool = [...extracted];
  let found = 0;
  for (const amount of gold) {
    const k = pool.findIndex((x) => Math.abs(x - amount) < 0.005);
    if (k >= 0) {
      found += 1;
      pool.splice(k, 1);
    }
  }
  return found;
}

function statusAgrees(gold: string, status: string): boolean {
  return gold === 'SI' ? status === 'adopted' : status !== 'adopted';
}
