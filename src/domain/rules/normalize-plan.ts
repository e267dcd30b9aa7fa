import type { PlanDocument, PlanDocumentInput } from '../model/interchange.js';
import type { TimingJson } from '../model/timing.js';
import { parseTiming } from '../timing/parse-timing.js';

type TimingInput = string | TimingJson | null;

/** Interprets timings given as words alone, in the context of the plan's period. */
export function normalizeTiming(
  timing: TimingInput,
  plan: { startYear: number; endYear: number },
): TimingJson | null {
  if (timing === null) return null;
  if (typeof timing !== 'string') return timing;
  return parseTiming(timing, { startYear: plan.startYear, endYear: plan.endYear }) as TimingJson;
}

/** Turns a validated input document into the canonical document exports write. */
export function normalizePlanDocument(input: PlanDocumentInput): PlanDocument {
  return {
    ...input,
    actions: input.actions.map((action) => ({
      ...action,
      timing: normalizeTiming(action.timing, input.plan),
      microActions: action.microActions.map((micro) => ({
        ...micro,
        timing: normalizeTiming(micro.timing, input.plan),
      })),
    })),
  };
}
