import type { Catalog } from '../domain/catalog/catalog.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { calendarFeed } from './calendar-feed.js';
import { complianceCalendar } from './compliance-calendar.js';

export interface BuildCalendarFeedOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  today?: string | undefined;
  catalog?: Catalog;
}

/**
 * The organization's deadlines as an iCalendar file over the years of its plans, for its
 * members (any role).
 */
export async function buildCalendarFeed(options: BuildCalendarFeedOptions): Promise<string> {
  const { principal, ...calendar } = options;
  requireRole(principal, options.organizationId, 'viewer');
  return calendarFeed(await complianceCalendar(calendar));
}
