import type { ComuneLine } from '../domain/compliance/scope.js';
import type { Db } from './db.js';

export interface CoverageRow {
  organizationId: string;
  name: string;
  population: number | null;
  planId: string;
  planTitle: string;
  startYear: number;
  endYear: number;
  required: number;
  covered: number;
  /** covered / required, 0–100 with one decimal; null when nothing is required. */
  percent: number | null;
}

export interface CoverageQuery {
  lines: ComuneLine[];
  limit: number;
  offset: number;
}

/**
 * Coverage of the lines that concern comuni, for every comune's current plan (its latest plan
 * not superseded), least covered first, in one set-based query whatever the number of
 * organizations. The rules are those of the per-plan check (domain/compliance): a line counts
 * when the comune's population is in its band and it falls due by the end of the plan; it is
 * covered by an action that is neither suspended nor cancelled.
 *
 * Each line gets one bit: the lines a plan must answer for and the lines its actions link are
 * two bit strings per plan, so the query reads each action once and never sorts (plan, line)
 * pairs. `lines` is inlined where it is used (NOT MATERIALIZED) so that the scan of actions
 * can run in parallel; JIT compilation is off: at this size it costs more than it saves.
 */
export async function nationalCoverage(db: Db, q: CoverageQuery) {
  const rows = await db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return tx.query<CoverageRow & { total: number; average: number | null }>(
      `WITH lines AS NOT MATERIALIZED (
         SELECT code, left(deadline, 4)::int AS due_year, min_pop, max_pop,
                set_bit(repeat('0', cardinality($1::text[]))::varbit, (i - 1)::int, 1) AS mask
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) WITH ORDINALITY
           AS l (code, deadline, min_pop, max_pop, i)
       ),
       line_groups AS (
         SELECT due_year, min_pop, max_pop, bit_or(mask) AS mask FROM lines GROUP BY 1, 2, 3
       ),
       current_plans AS (
         SELECT DISTINCT ON (p.organization_id) p.id, p.organization_id, p.title, p.start_year,
                p.end_year, o.name, o.population
         FROM plans p JOIN organizations o ON o.id = p.organization_id
         WHERE p.status <> 'superseded' AND o.type = 'comune'
         ORDER BY p.organization_id, p.start_year DESC, p.updated_at DESC
       ),
       applicable AS (
         SELECT cp.id AS plan_id, bit_or(g.mask) AS mask
         FROM current_plans cp JOIN line_groups g
           ON (g.due_year IS NULL OR g.due_year <= cp.end_year)
          AND (g.min_pop IS NULL OR cp.population >= g.min_pop)
          AND (g.max_pop IS NULL OR cp.population <= g.max_pop)
         GROUP BY cp.id
       ),
       linked AS (
         SELECT a.plan_id, bit_or(l.mask) AS mask
         FROM actions a CROSS JOIN LATERAL unnest(a.catalog_refs) AS ref (code)
         JOIN lines l ON l.code = ref.code
         WHERE a.status NOT IN ('cancelled', 'suspended')
         GROUP BY a.plan_id
       ),
       results AS (
         SELECT cp.organization_id, cp.name, cp.population, cp.id AS plan_id, cp.title,
                cp.start_year, cp.end_year, coalesce(bit_count(ap.mask), 0)::int AS required,
                coalesce(bit_count(ap.mask & k.mask), 0)::int AS covered
         FROM current_plans cp LEFT JOIN applicable ap ON ap.plan_id = cp.id
         LEFT JOIN linked k ON k.plan_id = cp.id
       )
       SELECT organization_id AS "organizationId", name, population, plan_id AS "planId",
              title AS "planTitle", start_year AS "startYear", end_year AS "endYear", required,
              covered, round(100.0 * covered / nullif(required, 0), 1)::float8 AS percent,
              count(*) OVER ()::int AS total,
              round(avg(100.0 * covered / nullif(required, 0)) OVER (), 1)::float8 AS average
       FROM results
       ORDER BY percent ASC NULLS LAST, name, organization_id
       LIMIT $5 OFFSET $6`,
      [
        q.lines.map((l) => l.code),
        q.lines.map((l) => l.deadline),
        q.lines.map((l) => l.minPopulation),
        q.lines.map((l) => l.maxPopulation),
        q.limit,
        q.offset,
      ],
    );
  });
  const items = rows.map(({ total: _t, average: _a, ...row }) => row);
  return { items, total: rows[0]?.total ?? 0, averagePercent: rows[0]?.average ?? null };
}
