import { loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../domain/catalog/catalog.js';
import {
  expandCalendar,
  obligationsFor,
  type CalendarPlan,
} from '../domain/compliance/calendar.js';
import type { CalendarItem } from '../domain/compliance/model.js';
import { found, PianoError } from '../domain/errors.js';
import type { ActionStatus } from '../domain/model/action.js';
import type { TimingJson } from '../domain/model/timing.js';
import type { Db } from '../storage/db.js';
import { ACTIONS, MICRO_ACTIONS } from '../storage/entities.js';
import { findOrganization } from '../storage/organizations.js';
import { listPlans } from '../storage/plans.js';
import { listRows, type Entity } from '../storage/rows.js';
import { todayInItaly } from './today.js';

export interface CalendarOptions {
  db: Db;
  organizationId: string;
  /** First and last day shown (YYYY-MM-DD); by default the years of the organization's plans. */
  from?: string | undefined;
  to?: string | undefined;
  today?: string | undefined;
  catalog?: Catalog;
}

export interface ComplianceCalendar {
  organizationId: string;
  organizationName: string;
  asOf: string;
  from: string;
  to: string;
  overdue: number;
  upcoming: number;
  items: CalendarItem[];
}

/** Longest window a request may expand, so a typo cannot ask for centuries of occurrences. */
const MAX_YEARS = 12;

/**
 * An organization's deadlines: those of the actions and micro-actions of its current plans
 * (superseded ones excluded) and the recurring obligations that concern it. No authorization
 * here: listComplianceCalendar checks a principal, readCalendarFeed a feed's secret.
 */
export async function complianceCalendar(options: CalendarOptions): Promise<ComplianceCalendar> {
  const { db, organizationId } = options;
  const organization = found(await findOrganization(db, organizationId), 'Ente');
  const plans = await currentPlans(db, organizationId);
  const today = options.today ?? todayInItaly();
  const thisYear = Number(today.slice(0, 4));
  const from = options.from ?? `${Math.min(...plans.map((p) => p.startYear), thisYear)}-01-01`;
  const to = options.to ?? `${Math.max(...plans.map((p) => p.endYear), thisYear)}-12-31`;
  if (from > to || Number(to.slice(0, 4)) - Number(from.slice(0, 4)) >= MAX_YEARS) {
    throw new PianoError('validation', 'Intervallo di date non valido', [
      { field: '/to', message: `deve seguire "from" ed essere entro ${MAX_YEARS} anni` },
    ]);
  }
  const catalog = options.catalog ?? loadCatalog();
  const items = expandCalendar(plans, obligationsFor(catalog.obligations, organization.type), {
    from,
    to,
    today,
  });
  return {
    organizationId,
    organizationName: organization.name,
    asOf: today,
    from,
    to,
    overdue: items.filter((i) => i.status === 'overdue').length,
    upcoming: items.filter((i) => i.status === 'upcoming').length,
    items,
  };
}

async function currentPlans(db: Db, organizationId: string): Promise<CalendarPlan[]> {
  const { items } = await listPlans(db, {
    memberOf: 'all',
    organizationId,
    limit: 1000,
    offset: 0,
  });
  const current = items.filter((p) => p.status !== 'superseded');
  return Promise.all(
    current.map(async (plan) => {
      const scope = { organizationId, planId: plan.id };
      const [actions, micro] = await Promise.all([
        listRows(db, ACTIONS, scope, { limit: 100_000 }),
        listRows(db, MICRO_ACTIONS, scope, { limit: 100_000 }),
      ]);
      return {
        id: plan.id,
        title: plan.title,
        startYear: plan.startYear,
        endYear: plan.endYear,
        actions: actions.items.map((a) => ({
          ...datedPart(a),
          code: a.code as string | null,
          catalogRefs: a.catalogRefs as string[],
          microActions: micro.items.filter((m) => m.actionId === a.id).map(datedPart),
        })),
      };
    }),
  );
}

const datedPart = (row: Entity) => ({
  id: row.id,
  title: row.title as string,
  status: row.status as ActionStatus,
  timing: row.timing as TimingJson | null,
});
