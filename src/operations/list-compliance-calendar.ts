import type { Catalog } from '../domain/catalog/catalog.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { complianceCalendar, type ComplianceCalendar } from './compliance-calendar.js';

export interface ListComplianceCalendarOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  /** First and last day shown (YYYY-MM-DD); by default the years of the organization's plans. */
  from?: string | undefined;
  to?: string | undefined;
  /** The day overdue and upcoming are judged against; today in Italy by default. */
  today?: string | undefined;
  catalog?: Catalog;
}

/** Overdue and upcoming deadlines of an organization, for its members (any role). */
export async function listComplianceCalendar(
  options: ListComplianceCalendarOptions,
): Promise<ComplianceCalendar> {
  const { principal, ...calendar } = options;
  requireRole(principal, options.organizationId, 'viewer');
  return complianceCalendar(calendar);
}
