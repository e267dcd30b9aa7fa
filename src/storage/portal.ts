/**
 * Queries of the public portal. They read published plans only (and the plans a newer revision
 * superseded, which stay public as the record of what was approved): a draft is never returned,
 * whoever asks.
 */
import type { OrganizationRow } from './organizations.js';
import type { Db } from './db.js';
import type { PlanRow } from './plans.js';

/** Plan statuses visible to anyone. */
export const PUBLIC_PLAN_STATUSES = ['published', 'superseded'] as const;

export interface PublicOrganizationRow {
  id: string;
  name: string;
  type: string;
  ipaCode: string | null;
  province: string | null;
  region: string | null;
  population: number | null;
  publishedPlans: number;
  latestPlan: { id: string; title: string; startYear: number; endYear: number };
}

export interface OrganizationSearch {
  /** Words of the name, province or region (matched as given, case ignored). */
  text?: string | undefined;
  region?: string | undefined;
  limit: number;
  offset: number;
}

/** `%` and `_` typed by a visitor are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Organizations with at least one published plan, by name, with their latest published plan. */
export async function searchPublishedOrganizations(db: Db, q: OrganizationSearch) {
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.text) {
    params.push(likePattern(q.text));
    const p = `$${params.length}`;
    where.push(`(o.name ILIKE ${p} OR o.province ILIKE ${p} OR o.region ILIKE ${p})`);
  }
  if (q.region) {
    params.push(q.region);
    where.push(`o.region = $${params.length}`);
  }
  const filter = where.length ? `AND ${where.join(' AND ')}` : '';
  const from = `FROM organizations o
    JOIN LATERAL (
      SELECT p.id, p.title, p.start_year, p.end_year, count(*) OVER () AS n
      FROM plans p WHERE p.organization_id = o.id AND p.status = 'published'
      ORDER BY p.start_year DESC, p.end_year DESC, p.updated_at DESC LIMIT 1
    ) latest ON true
    WHERE true ${filter}`;
  const [items, count] = await Promise.all([
    db.query<PublicOrganizationRow>(
      `SELECT o.id, o.name, o.type, o.ipa_code AS "ipaCode", o.province, o.region, o.population,
         latest.n::int AS "publishedPlans",
         json_build_object('id', latest.id, 'title', latest.title,
           'startYear', latest.start_year, 'endYear', latest.end_year) AS "latestPlan"
       ${from} ORDER BY o.name, o.id LIMIT ${Number(q.limit)} OFFSET ${Number(q.offset)}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params),
  ]);
  return { items, total: count[0]?.n ?? 0 };
}

/** The regions of the organizations that have published a plan, for the search filter. */
export async function listPublishedRegions(db: Db): Promise<string[]> {
  const rows = await db.query<{ region: string }>(
    `SELECT DISTINCT o.region FROM organizations o
     WHERE o.region IS NOT NULL
       AND EXISTS (SELECT 1 FROM plans p WHERE p.organization_id = o.id AND p.status = 'published')
     ORDER BY o.region`,
  );
  return rows.map((r) => r.region);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a portal address names an organization: by IPA code, or by id when it has none. */
const organizationMatch = (ref: string, slot: string) =>
  UUID.test(ref) ? `o.id = ${slot}::uuid` : `o.ipa_code = ${slot}`;

/** An organization by IPA code (or id), if it has a public plan. */
export async function findPublicOrganization(db: Db, ref: string) {
  const rows = await db.query<OrganizationRow>(
    `SELECT id, name, type, ipa_code AS "ipaCode", istat_code AS "istatCode", province, region,
       population, pec, website, accessibility_url AS "accessibilityUrl", version, revision
     FROM organizations o
     WHERE ${organizationMatch(ref, '$1')}
       AND EXISTS (SELECT 1 FROM plans p WHERE p.organization_id = o.id
                   AND p.status = ANY($2::text[]))`,
    [ref, PUBLIC_PLAN_STATUSES],
  );
  return rows[0] ?? null;
}

const PLAN_COLUMNS = `p.id, p.organization_id AS "organizationId", p.title,
  p.start_year AS "startYear", p.end_year AS "endYear", p.revision_label AS "revisionLabel",
  p.national_edition AS "nationalEdition", p.status, p.approval,
  p.related_instruments AS "relatedInstruments", p.version, p.revision,
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"`;

/** An organization's public plans, newest period first, the published one before those it replaced. */
export async function listPublicPlans(db: Db, organizationId: string) {
  return db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM plans p
     WHERE p.organization_id = $1 AND p.status = ANY($2::text[])
     ORDER BY p.start_year DESC, p.end_year DESC, (p.status = 'published') DESC, p.updated_at DESC`,
    [organizationId, PUBLIC_PLAN_STATUSES],
  );
}

export interface PublicPlanRef {
  planId: string;
  organizationId: string;
  status: string;
  /** The plan's and its organization's revision counters: one state of the whole document. */
  tag: string;
}

/**
 * The public plan an address names, in one query: the organization by IPA code (or id), and
 * the plan by id or by period `2025-2027` (its published revision, else the latest public one).
 */
export async function findPublicPlan(db: Db, organizationRef: string, planRef: string) {
  const period = /^(\d{4})-(\d{4})$/.exec(planRef);
  if (!period && !UUID.test(planRef)) return null;
  const params: unknown[] = [organizationRef, PUBLIC_PLAN_STATUSES];
  let match: string;
  if (period) {
    params.push(Number(period[1]), Number(period[2]));
    match = 'p.start_year = $3 AND p.end_year = $4';
  } else {
    params.push(planRef);
    match = 'p.id = $3::uuid';
  }
  const rows = await db.query<PublicPlanRef>(
    `SELECT p.id AS "planId", p.organization_id AS "organizationId", p.status,
       p.revision || '.' || o.revision AS tag
     FROM plans p JOIN organizations o ON o.id = p.organization_id
     WHERE ${organizationMatch(organizationRef, '$1')} AND p.status = ANY($2::text[]) AND ${match}
     ORDER BY (p.status = 'published') DESC, p.updated_at DESC LIMIT 1`,
    params,
  );
  return rows[0] ?? null;
}

export interface PublicHistoryEvent {
  at: string;
  operation: 'create' | 'update' | 'delete';
  field: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The public history of an action: when it entered the plan and every change of its status and
 * progress. Who made a change is not public, nor any other field.
 */
export async function listActionStatusHistory(
  db: Db,
  scope: { organizationId: string; planId: string },
  actionKey: string,
) {
  return db.query<PublicHistoryEvent>(
    `SELECT to_char(at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS at, operation, field,
       before, after
     FROM audit_events
     WHERE organization_id = $1 AND plan_id = $2 AND entity_type = 'action' AND entity_id = $3
       AND (operation = 'create' OR field IN ('status', 'progress'))
     ORDER BY id DESC LIMIT 500`,
    [scope.organizationId, scope.planId, actionKey],
  );
}
