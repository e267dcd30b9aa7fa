import { PianoError } from '../errors.js';
import type { PlanStatus } from '../model/plan.js';
import type { OrgRole } from './permissions.js';

/**
 * The plan's year as states: the RTD drafts, proposes it to the Giunta (and may take it back),
 * records the approving act with its signed file, publishes it; publishing the next revision of
 * the same plan supersedes this one (not a step anyone takes by hand).
 */
export const LIFECYCLE_STEPS = ['propose', 'send_back', 'approve', 'publish'] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

interface StepRule {
  from: PlanStatus;
  to: PlanStatus;
  /** The roles that may take the step (a platform consultant counts as admin). */
  roles: readonly OrgRole[];
  /** What the step is, in a refusal. */
  label: string;
}

export const STEP_RULES: Record<LifecycleStep, StepRule> = {
  propose: { from: 'draft', to: 'proposed', roles: ['admin'], label: 'proporre il piano' },
  send_back: {
    from: 'proposed',
    to: 'draft',
    roles: ['admin'],
    label: 'rimandare il piano in bozza',
  },
  approve: {
    from: 'proposed',
    to: 'approved',
    roles: ['admin'],
    label: 'registrare l’approvazione',
  },
  publish: { from: 'approved', to: 'published', roles: ['admin'], label: 'pubblicare il piano' },
};

/** Statuses whose content the database keeps as it is (monitoring aside). */
export const FROZEN_STATUSES: ReadonlySet<string> = new Set([
  'approved',
  'published',
  'superseded',
]);

const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'in bozza',
  proposed: 'proposto',
  approved: 'approvato',
  published: 'pubblicato',
  superseded: 'sostituito da una revisione successiva',
};

/** The act that approves a revision: all three facts are required. */
export interface ApprovalAct {
  organ: string | null;
  number: string | null;
  date: string | null;
}

/**
 * Checks that `role` may take `step` from `status`; returns the status it leads to.
 * Refusals say why, in Italian.
 */
export function planStep(
  step: LifecycleStep,
  status: PlanStatus,
  role: OrgRole | null,
): PlanStatus {
  const rule = STEP_RULES[step];
  assertMayTake(step, role);
  if (status !== rule.from) {
    throw new PianoError(
      'lifecycle_step',
      `Non si può ${rule.label}: il piano è ${STATUS_LABELS[status]}, ` +
        `e questo passaggio parte da un piano ${STATUS_LABELS[rule.from]}`,
    );
  }
  return rule.to;
}

/** Refuses a role that may not take `step`, whatever the plan's status. */
export function assertMayTake(step: LifecycleStep, role: OrgRole | null) {
  const rule = STEP_RULES[step];
  if (!role || !rule.roles.includes(role)) {
    throw new PianoError(
      'forbidden',
      `Solo il Responsabile per la transizione al digitale (amministratore dell’ente) può ${rule.label}`,
    );
  }
}

/** The facts an approval must record; each missing one is named. */
export function missingApprovalFacts(act: Partial<ApprovalAct> | null | undefined): string[] {
  const names: [keyof ApprovalAct, string][] = [
    ['organ', 'l’organo che approva (ad esempio la Giunta comunale)'],
    ['number', 'il numero della deliberazione'],
    ['date', 'la data della deliberazione'],
  ];
  return names.filter(([key]) => !act?.[key]).map(([, what]) => what);
}

/** Editors stop writing once the draft is proposed: from then on only the RTD decides. */
export function assertPartWritable(status: string, role: OrgRole | null) {
  if (status === 'proposed' && role === 'editor') {
    throw new PianoError(
      'forbidden',
      'Il piano è stato proposto per l’approvazione: solo l’RTD può modificarlo o rimandarlo in bozza',
    );
  }
}

/**
 * The status and the approval act are not fields anyone sets: they move through the steps
 * above. A write that sends them (other than a new draft's own) is refused.
 */
export function refuseLifecycleFields(
  fields: { status?: unknown; approval?: unknown },
  newDraft = false,
) {
  const problems = [];
  if (fields.status !== undefined && !(newDraft && fields.status === 'draft')) {
    problems.push({ field: '/status', message: 'si cambia solo con i passaggi del ciclo di vita' });
  }
  if (fields.approval !== undefined && !(newDraft && fields.approval === null)) {
    problems.push({
      field: '/approval',
      message: 'si registra solo con il passaggio di approvazione',
    });
  }
  if (problems.length) {
    throw new PianoError(
      'validation',
      'Lo stato del piano e l’atto di approvazione si cambiano con i passaggi del ciclo di vita ' +
        '(proporre, approvare, pubblicare)',
      problems,
    );
  }
}
