import { parseTiming } from '../domain/timing/parse-timing.js';
import { DEFAULT_ACTION_MODEL } from './action-model.js';
import type { DraftAction, PlanPeriod } from './recognizers/types.js';

/**
 * How sure the importer is that a candidate is an action of the plan. Each candidate carries
 * weak signals (which recognizer found it, a list marker, a timing it can read, responsibles,
 * an action word opening its title, ...). A small logistic regression weighs them: the weights
 * are fitted on the annotated plans (test/importer/eval/fit-action-model.ts), never written by
 * hand, and the default shipped in action-model.ts is fitted on all of them. Candidates below
 * the threshold are left out of the draft; the others carry the probability as confidence and
 * the signals as the reason they were kept.
 */
export interface ActionModel {
  /** Weight of each signal; a signal the model has never seen weighs nothing. */
  weights: Record<string, number>;
  bias: number;
  /** Candidates with a lower probability are left out of the draft. */
  threshold: number;
}

/** Nouns and verbs that open an action's title in the genre ("Migrazione …", "Adottare …"). */
const ACTION_WORD =
  /^(?:(?:l['’]|il|la|lo|le|gli|i)\s*)?(?:attivazion|migrazion|adeguament|acquist|acquisizion|formazion|digitalizzazion|dematerializzazion|implementazion|estension|integrazion|adozion|adesion|realizzazion|svilupp|aggiornament|completament|evoluzion|consolidament|potenziament|introduzion|creazion|gestion|pubblicazion|revision|redazion|definizion|dismission|installazion|sostituzion|rinnov|progettazion|avvio|convergenz|informatizzazion|nomina|costituzion|predisposizion|promozion|diffusion|verifica|monitoraggio|attuazion|utilizzo|ulterior)\p{L}*/iu;
const INFINITIVE = /^(?:\p{L}+(?:are|ere|ire|arsi|ersi|irsi))\b/iu;
const PAST = /\b(?:[èe] stat[oa]|sono stat[ei]|hanno|ha avviato|gi[àa])\b/i;

const WEAK_RECOGNIZERS = new Set(['voce-di-elenco']);

/** The signals of a candidate action: what the recognizers saw, plus what the draft shows. */
export function actionSignals(action: DraftAction, period: PlanPeriod): string[] {
  const signals = new Set<string>([`riconosciuto:${action.recognizer}`, ...(action.signals ?? [])]);
  // A form of the genre that frames an action (a field block, a sheet, a table row, a list the
  // plan announces as its work), as against a bare list item or line offered as a candidate.
  if (!WEAK_RECOGNIZERS.has(action.recognizer)) signals.add('forma-di-azione');
  const title = action.title.trim();
  const words = title.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (action.responsibles.length > 0) signals.add('responsabili');
  if (action.code) signals.add('codice');
  if (action.microActions.length > 0) signals.add('micro-azioni');
  if (action.expectedResults.length > 0) signals.add('risultati');
  if (ACTION_WORD.test(title)) signals.add('parola-di-azione');
  else if (INFINITIVE.test(title)) signals.add('verbo-infinito');
  if (PAST.test(title)) signals.add('tempo-passato');
  if (words <= 2) signals.add('titolo-breve');
  if (words > 30) signals.add('titolo-lungo');
  if (action.timing) {
    signals.add('tempi');
    const timing = parseTiming(action.timing, period);
    if (timing.due) {
      const year = Number(timing.due.slice(0, 4));
      if (year < period.startYear - 1) signals.add('scadenza-prima-del-piano');
      else if (year > period.endYear + 3) signals.add('scadenza-lontana');
      else signals.add('scadenza-nel-piano');
    } else if (!timing.resolved) signals.add('tempi-non-datati');
  }
  return [...signals].sort();
}

export function probability(model: ActionModel, signals: string[]): number {
  const z = signals.reduce((sum, s) => sum + (model.weights[s] ?? 0), model.bias);
  return 1 / (1 + Math.exp(-z));
}

export interface Scored {
  action: DraftAction;
  signals: string[];
  probability: number;
}

/**
 * Weighs every candidate; keeps those at or above the model's threshold (all of them when no
 * model is given, as the fitting needs) with the probability as their confidence.
 */
export function scoreActions(
  actions: DraftAction[],
  period: PlanPeriod,
  model: ActionModel | null = DEFAULT_ACTION_MODEL,
): DraftAction[] {
  const kept: DraftAction[] = [];
  for (const action of actions) {
    const signals = actionSignals(action, period);
    if (!model) {
      kept.push({ ...action, signals });
      continue;
    }
    const p = probability(model, signals);
    if (p < model.threshold) continue;
    kept.push({ ...action, signals, confidence: Math.round(p * 100) / 100 });
  }
  return kept;
}

/** One training example: the signals of a candidate and whether it is an action of the gold. */
export interface Example {
  signals: string[];
  right: boolean;
  /** How much the example counts in the fit (1 unless said). */
  weight?: number;
}

/**
 * Fits the weights by gradient descent on the log loss with an L2 penalty (so a signal seen
 * in few examples keeps a small weight and one never seen weighs nothing). Deterministic.
 */
export function fitActionModel(
  examples: Example[],
  options: { l2?: number; steps?: number; rate?: number; threshold?: number } = {},
): ActionModel {
  const l2 = options.l2 ?? 0.01;
  const steps = options.steps ?? 3000;
  const rate = options.rate ?? 0.5;
  const names = [...new Set(examples.flatMap((e) => e.signals))].sort();
  const index = new Map(names.map((n, k) => [n, k]));
  const rows = examples.map((e) => ({
    x: e.signals.map((s) => index.get(s) ?? -1).filter((k) => k >= 0),
    y: e.right ? 1 : 0,
    weight: e.weight ?? 1,
  }));
  const w = new Array<number>(names.length).fill(0);
  let b = 0;
  const n = Math.max(
    1e-9,
    rows.reduce((sum, r) => sum + r.weight, 0),
  );
  for (let step = 0; step < steps; step += 1) {
    const gw = w.map((v) => l2 * v);
    let gb = 0;
    for (const { x, y, weight } of rows) {
      const z = x.reduce((sum, k) => sum + (w[k] ?? 0), b);
      const err = (1 / (1 + Math.exp(-z)) - y) * weight;
      for (const k of x) gw[k] = (gw[k] ?? 0) + err / n;
      gb += err / n;
    }
    for (let k = 0; k < w.length; k += 1) w[k] = (w[k] ?? 0) - rate * (gw[k] ?? 0);
    b -= rate * gb;
  }
  const weights: Record<string, number> = {};
  names.forEach((name, k) => {
    weights[name] = Math.round((w[k] ?? 0) * 1000) / 1000;
  });
  return { weights, bias: Math.round(b * 1000) / 1000, threshold: options.threshold ?? 0.5 };
}
