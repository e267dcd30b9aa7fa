import type { Obligation } from '../catalog/model.js';
import type { ActionStatus } from '../model/action.js';
import type { TimingJson } from '../model/timing.js';
import { yearlyDate } from './dates.js';
import type { CalendarItem } from './model.js';

interface DatedPart {
  id: string;
  title: string;
  status: ActionStatus;
  timing: TimingJson | null;
}

export interface CalendarPlan {
  id: string;
  title: string;
  startYear: number;
  endYear: number;
  actions: (DatedPart & {
    code: string | null;
    catalogRefs: string[];
    microActions: DatedPart[];
  })[];
}

export interface CalendarWindow {
  from: string;
  to: string;
  today: string;
}

/** The occurrences of a yearly rule between two days, inclusive. */
export function occurrences(rule: { month: number; day: number }, from: string, to: string) {
  const dates: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    const date = yearlyDate(year, rule);
    if (date >= from && date <= to) dates.push(date);
  }
  return dates;
}

/**
 * Action and micro-action deadlines of the plans, plus the recurring obligations, inside the
 * window, in date order. Yearly timings repeat only over their plan's years; obligations over
 * the whole window.
 */
export function expandCalendar(
  plans: CalendarPlan[],
  obligations: Obligation[],
  window: CalendarWindow,
): CalendarItem[] {
  const items = [
    ...plans.flatMap((plan) => planItems(plan, window)),
    ...obligations.flatMap((o) =>
      occurrences(o.rule, window.from, window.to).map((date): CalendarItem => ({
        uid: `obbligo-${o.id}-${date.slice(0, 4)}`,
        date,
        kind: 'obligation',
        title: o.title,
        status: date < window.today ? 'past' : 'upcoming',
        recurring: true,
        planId: null,
        actionId: null,
        actionStatus: null,
        reference: o.legalReference,
        description: o.description,
      })),
    ),
  ];
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}

function planItems(plan: CalendarPlan, window: CalendarWindow): CalendarItem[] {
  const planWindow = {
    from: maxOf(window.from, `${plan.startYear}-01-01`),
    to: minOf(window.to, `${plan.endYear}-12-31`),
  };
  return plan.actions.flatMap((action) => {
    if (action.status === 'cancelled') return [];
    const reference = action.catalogRefs.length ? action.catalogRefs.join(', ') : null;
    const own = datesOf(action.timing, window, planWindow).map((d) =>
      item(plan, action, action, 'action', d, window.today, reference),
    );
    const micro = action.microActions
      .filter((m) => m.status !== 'cancelled')
      .flatMap((m) =>
        datesOf(m.timing, window, planWindow).map((d) =>
          item(plan, action, m, 'micro_action', d, window.today, reference),
        ),
      );
    return [...own, ...micro];
  });
}

function datesOf(
  timing: TimingJson | null,
  window: { from: string; to: string },
  planWindow: { from: string; to: string },
): { date: string; recurring: boolean }[] {
  if (!timing) return [];
  if (timing.recurrence) {
    return occurrences(timing.recurrence, planWindow.from, planWindow.to).map((date) => ({
      date,
      recurring: true,
    }));
  }
  const due = timing.due;
  return due && due >= window.from && due <= window.to ? [{ date: due, recurring: false }] : [];
}

function item(
  plan: CalendarPlan,
  action: CalendarPlan['actions'][number],
  part: DatedPart,
  kind: 'action' | 'micro_action',
  when: { date: string; recurring: boolean },
  today: string,
  reference: string | null,
): CalendarItem {
  const done = part.status === 'completed';
  const past = when.date < today;
  const label = action.code ? `${action.code} ` : '';
  return {
    uid: `${kind}-${plan.id}-${part.id}-${when.date}`,
    date: when.date,
    kind,
    title: kind === 'action' ? `${label}${part.title}` : `${label}${action.title}: ${part.title}`,
    status: done ? 'done' : !past ? 'upcoming' : when.recurring ? 'past' : 'overdue',
    recurring: when.recurring,
    planId: plan.id,
    actionId: action.id,
    actionStatus: part.status,
    reference,
    description: `${plan.title}. Tempi: ${part.timing?.text ?? ''}`,
  };
}

const maxOf = (a: string, b: string) => (a > b ? a : b);
const minOf = (a: string, b: string) => (a < b ? a : b);

/** The recurring obligations that concern an organization of the given type. */
export const obligationsFor = (obligations: Obligation[], organizationType: string) =>
  obligations.filter((o) => (o.appliesTo as string[]).includes(organizationType));
