import { PianoError } from '../domain/errors.js';
import { isUuid } from '../domain/model/common.js';
import { organizationsOf, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { listPlans as queryPlans, type PlanListQuery, type PlanRow } from '../storage/plans.js';
import { parseSort } from './parts.js';

export interface ListPlansOptions {
  db: Db;
  principal: Principal | null;
  organizationId?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
  /** `title`, `startYear` or `updatedAt`, with a leading "-" for descending order. */
  sort?: string | undefined;
}

export interface PlanPage {
  items: PlanRow[];
  total: number;
  limit: number;
  offset: number;
}

const SORTABLE = ['title', 'startYear', 'updatedAt'];

/**
 * The plans the principal may see, a page at a time: every plan of the organizations they
 * belong to (all of them for a consultant), and everyone's published plans.
 */
export async function listPlans(options: ListPlansOptions): Promise<PlanPage> {
  const { db, principal, organizationId, status, limit, offset } = options;
  const sort = parseSort(options.sort);
  if (sort && !SORTABLE.includes(sort.prop)) {
    throw new PianoError('validation', `Ordinamento non disponibile: ${sort.prop}`, [
      { field: '/sort', message: 'deve essere title, startYear o updatedAt' },
    ]);
  }
  if (organizationId !== undefined && !isUuid(organizationId)) {
    return { items: [], total: 0, limit, offset };
  }
  const page = await queryPlans(db, {
    memberOf: organizationsOf(principal),
    organizationId,
    status,
    limit,
    offset,
    sort: sort as PlanListQuery['sort'],
  });
  return { ...page, limit, offset };
}
