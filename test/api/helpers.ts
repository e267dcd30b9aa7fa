import { expect } from 'vitest';
import type { Response as InjectResponse } from 'light-my-request';
import { ORGANIZATION_PARTS, PLAN_PARTS, type PartResource } from '../../src/api/part-resources.js';
import type { Db } from '../../src/storage/db.js';
import type { EntityType } from '../../src/storage/entities.js';
import type { TestApi } from '../support/api.js';
import { seedPlan, seedUser, type UserSpec } from '../support/factories.js';

export type Json = Record<string, unknown>;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: { field: string; in: string; message: string }[];
}

/** Asserts an RFC 9457 answer with the given status (and code), and returns its body. */
export function expectProblem(res: InjectResponse, status: number, code?: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<Problem>();
  expect(body).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  if (code) expect(body.code).toBe(code);
  return body;
}

/** Asserts a refusal that does not reveal anything: 403, or 404 when the thing is invisible. */
export function expectForbiddenOrHidden(res: InjectResponse): Problem {
  expect([403, 404], res.body).toContain(res.statusCode);
  return expectProblem(res, res.statusCode);
}

export const ALL_PARTS: PartResource[] = [...ORGANIZATION_PARTS, ...PLAN_PARTS];

/** Where parts live: one organization and one of its plans. */
export interface Place {
  organizationId: string;
  planId: string;
}

/** The collection URL of a part: /api/plans/:planId/actions/a1/micro-actions... */
export function partUrl(r: PartResource, place: Place, parentId?: string): string {
  if (r.table.scope === 'organization') {
    return `/api/organizations/${place.organizationId}/${r.path}`;
  }
  if (r.parentPath) return `/api/plans/${place.planId}/${r.parentPath}/${parentId}/${r.path}`;
  return `/api/plans/${place.planId}/${r.path}`;
}

/** Human name of a part's endpoints for test titles: "/api/plans/:planId/actions". */
export function partRoute(r: PartResource): string {
  if (r.table.scope === 'organization') return `/api/organizations/:organizationId/${r.path}`;
  return r.parentPath
    ? `/api/plans/:planId/${r.parentPath}/:parentId/${r.path}`
    : `/api/plans/:planId/${r.path}`;
}

/**
 * For each kind of part, in the plan that test/support/factories.ts seeds: an existing row
 * (`target`, under `parentId` for nested parts), a valid body to create a new one, and a valid
 * patch. Keyed by entity type, so adding a resource without a sample fails to compile.
 */
export interface Sample {
  target: string;
  parentId?: string;
  create: Json;
  patch: Json;
}

export const SAMPLES: Record<EntityType, Sample> = {
  unit: {
    target: 'u-tec',
    create: { name: 'Ufficio protocollo', kind: 'ufficio' },
    patch: { name: 'Area tecnica e lavori pubblici' },
  },
  role_holder: {
    target: 'r-rtd',
    create: { role: 'dpo', person: 'Anna Neri' },
    patch: { person: 'Luigi Verdi' },
  },
  priority: {
    target: 'p2',
    create: { title: 'Sicurezza informatica' },
    patch: { title: 'Servizi online ai cittadini' },
  },
  baseline_item: {
    target: 'b1',
    create: { label: 'Servizi su App IO', value: 3, unit: 'n.' },
    patch: { value: 1500 },
  },
  action: {
    target: 'a1',
    create: { priorityId: 'p1', title: 'Adesione a SEND' },
    patch: { title: 'Subentro in ANPR: stato civile digitale' },
  },
  micro_action: {
    target: 'm1',
    parentId: 'a1',
    create: { title: 'Verifica dei registri' },
    patch: { status: 'in_progress' },
  },
  indicator: {
    target: 'i1',
    create: { name: 'Pagamenti online', unit: '%' },
    patch: { name: 'Certificati emessi online (%)' },
  },
  measurement: {
    target: 'ms1',
    parentId: 'i1',
    create: { date: '2025-12-31', value: 50 },
    patch: { value: 40 },
  },
  spending_item: {
    target: 'sp1',
    create: { description: 'Migrazione al cloud', fundingSource: 'PNRR', amount: 1000 },
    patch: { amount: 80000 },
  },
  platform_adoption: {
    target: 'pl1',
    create: { platform: 'App IO', status: 'planned' },
    patch: { status: 'in_progress' },
  },
  section: {
    target: 's1',
    create: { title: 'Metodologia', body: 'Come è stato scritto il piano.' },
    patch: { body: 'Testo rivisto.' },
  },
  normative_reference: {
    target: 'n1',
    create: { title: 'Linee guida AgID sulla sicurezza' },
    patch: { reference: 'D.Lgs. 82/2005 e s.m.i.' },
  },
  glossary_term: {
    target: 'g1',
    create: { term: 'PDND', definition: 'Piattaforma digitale nazionale dati.' },
    patch: { definition: 'Responsabile per la transizione al digitale (art. 17 CAD).' },
  },
};

/** Tables whose writes are not the API's business here: signing in writes a session. */
const UNWATCHED = new Set(['sessions', 'schema_migrations']);

/**
 * A digest of the database's content, table by table: equal digests mean nothing was written.
 * Tables are read from the catalog, so a table added by a new migration is watched too.
 */
export async function dbFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  )
    .map((t) => t.name)
    .filter((name) => !UNWATCHED.has(name));
  expect(tables).toEqual(
    expect.arrayContaining(['organizations', 'plans', 'actions', 'audit_events']),
  );
  const rows = await db.query<{ name: string; n: number; digest: string | null }>(
    tables
      .map(
        (table) => `SELECT '${table}' AS name, count(*)::int AS n,
           md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t`,
      )
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.digest}`]));
}

/** Runs `act` and asserts that the database is exactly as before. */
export async function expectNothingWritten<T>(db: Db, act: () => Promise<T>): Promise<T> {
  const before = await dbFingerprint(db);
  const result = await act();
  expect(await dbFingerprint(db)).toEqual(before);
  return result;
}

/** The people around one organization's plan, each with a signed-in Cookie header. */
export interface World extends Place {
  ipaCode: string;
  /** Another organization, with its own plan. */
  other: Place;
  users: Record<Actor, { email: string; id: string; cookie: string }>;
}

export type Actor = 'admin' | 'viewer' | 'editorDem' | 'editorTec' | 'outsider' | 'consultant';
const ALL_ACTORS: Actor[] = ['admin', 'viewer', 'editorDem', 'editorTec', 'outsider', 'consultant'];

/**
 * Seeds the factories' plan (draft unless told) and its people: the organization's admin, a
 * viewer, editors of u-dem and u-tec, the admin of another organization, a platform
 * consultant. Each costs two scrypt hashes, so a file asks only for those it uses.
 */
export async function seedWorld(
  api: TestApi,
  status = 'draft',
  actors: Actor[] = ALL_ACTORS,
): Promise<World> {
  const ipaCode = `c_${Math.random().toString(36).slice(2, 10)}`;
  const place = await seedPlan(api.db, { status, ipaCode });
  const other = await seedPlan(api.db, { name: 'Comune Altro' });
  const { organizationId } = place;
  const specs: Record<Actor, UserSpec> = {
    admin: { organizationId, role: 'admin' },
    viewer: { organizationId, role: 'viewer' },
    editorDem: { organizationId, role: 'editor', unitId: 'u-dem' },
    editorTec: { organizationId, role: 'editor', unitId: 'u-tec' },
    outsider: { organizationId: other.organizationId, role: 'admin' },
    consultant: { consultant: true },
  };
  const seeded = await Promise.all(
    actors.map(async (actor) => {
      const user = await seedUser(api.db, specs[actor]);
      return [actor, { email: user.email, id: user.id, cookie: await api.signIn(user.email) }];
    }),
  );
  return { ...place, ipaCode, other, users: Object.fromEntries(seeded) as World['users'] };
}

/** GETs a JSON resource as the given user, asserting 200. */
export async function getJson<T = Json>(api: TestApi, url: string, cookie?: string): Promise<T> {
  const res = await api.request({ method: 'GET', url, cookie });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
}

/** The stored version of a part (or plan, or organization), read by an admin. */
export async function versionOf(api: TestApi, url: string, cookie: string): Promise<number> {
  return (await getJson<{ version: number }>(api, url, cookie)).version;
}

/** A route as the router knows it; path parameters are written "{}" whatever their name. */
export interface RouteEntry {
  method: string;
  path: string;
}

export const normalizePath = (path: string) =>
  path.replace(/\{[^}]+\}/g, '{}').replace(/:[A-Za-z][A-Za-z0-9|:]*/g, '{}');

/** Every route registered in the app (HEAD excepted), read from Fastify's own route tree. */
export function registeredRoutes(app: TestApi['app']): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(m[2] ?? '');
    const path = normalizePath(stack.join(''));
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method, path });
    }
  }
  return routes;
}

/** A tiny signed deliberation, as a PDF (its header is all the check reads). */
export const SIGNED_PDF = Buffer.from('%PDF-1.7\n% deliberazione di Giunta firmata\n%%EOF\n');

/** The approving act the lifecycle tests record. */
export const GIUNTA_ACT = { organ: 'Giunta comunale', number: '45', date: '2025-03-20' };

/** Takes one lifecycle step as `cookie`, with the plan's current version. */
export async function lifecycleStep(
  api: TestApi,
  planId: string,
  step: string,
  cookie: string | undefined,
  extra: Record<string, unknown> = {},
) {
  const version = await versionOf(api, `/api/plans/${planId}`, cookie ?? '');
  return api.request({
    method: 'POST',
    url: `/api/plans/${planId}/lifecycle`,
    payload: { step, version, ...extra },
    cookie,
  });
}

/** The approve step's body: the act and the signed PDF. */
export const approvalPayload = () => ({
  act: GIUNTA_ACT,
  file: { name: 'delibera-45.pdf', contentBase64: SIGNED_PDF.toString('base64') },
});

/** Draft → proposed → approved → published, as the organization's admin. */
export async function publishThroughLifecycle(api: TestApi, planId: string, cookie: string) {
  for (const [step, extra] of [
    ['propose', {}],
    ['approve', approvalPayload()],
    ['publish', {}],
  ] as const) {
    const res = await lifecycleStep(api, planId, step, cookie, extra);
    expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
  }
}
