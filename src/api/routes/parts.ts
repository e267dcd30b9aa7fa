import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type TProperties } from '@sinclair/typebox';
import { normalizeTiming } from '../../domain/rules/normalize-plan.js';
import { PianoError } from '../../domain/errors.js';
import { roleIn, type OrgRole } from '../../domain/rules/permissions.js';
import type { Db } from '../../storage/db.js';
import type { Scope } from '../../storage/rows.js';
import { listRows, type Entity } from '../../storage/rows.js';
import { createPart } from '../../operations/create-part.js';
import { deletePart } from '../../operations/delete-part.js';
import { getPart } from '../../operations/parts.js';
import { updatePart } from '../../operations/update-part.js';
import { actorOf, requireRole, requireSignedIn } from '../auth.js';
import { ORGANIZATION_PARTS, PLAN_PARTS, type PartResource } from '../part-resources.js';
import { assertEditorMay } from '../editor-policy.js';
import { readablePlan } from './plans.js';
import {
  PageQuery,
  READ_ERRORS,
  Uuid,
  VersionQuery,
  WRITE_ERRORS,
  pageOf,
  parseSort,
} from './common.js';

type Params = { organizationId?: string; planId?: string; parentId?: string; id?: string };

/** Where a request's part lives, and the plan's period for interpreting timings. */
interface Place {
  scope: Scope;
  period: { startYear: number; endYear: number } | null;
  role: OrgRole | null;
}

async function placeOf(db: Db, request: FastifyRequest, r: PartResource): Promise<Place> {
  const params = request.params as Params;
  if (r.table.scope === 'organization') {
    const organizationId = params.organizationId as string;
    return {
      scope: { organizationId },
      period: null,
      role: requireRole(request, organizationId, 'viewer'),
    };
  }
  const plan = await readablePlan(db, request, params.planId as string);
  const scope = { organizationId: plan.organizationId, planId: plan.id };
  if (r.parentPath && r.table.parent) {
    const parentTable = PLAN_PARTS.find((p) => p.path === r.parentPath)?.table;
    if (parentTable) await getPart({ db, table: parentTable, scope }, params.parentId as string);
  }
  return { scope, period: plan, role: roleIn(request.principal, plan.organizationId) };
}

/** Writers are admins, or editors (whose every write editor-policy.ts then checks). */
const requireWriter = (request: FastifyRequest, place: Place): OrgRole =>
  requireRole(request, place.scope.organizationId, 'editor');

/** A nested part exists only under its own parent: /actions/a2/micro-actions/m1 is a 404 for a1's m1. */
function assertUnderParent(r: PartResource, request: FastifyRequest, row: Entity) {
  const parentKey = (request.params as Params).parentId;
  if (r.table.parent && parentKey !== undefined && row[r.table.parent.prop] !== parentKey) {
    throw new PianoError('not_found', `${r.table.label} non trovato`);
  }
}

/** Only the columns marked sortable order a list; any other name is refused, as for plans. */
function sortOf(r: PartResource, sort: string | undefined) {
  const parsed = parseSort(sort);
  if (!parsed) return undefined;
  const sortable = r.table.columns.filter((c) => c.sortable).map((c) => c.prop);
  if (!sortable.includes(parsed.prop)) {
    throw new PianoError('validation', `Ordinamento non disponibile: ${parsed.prop}`, [
      {
        field: '/sort',
        message: sortable.length
          ? `deve essere uno tra: ${sortable.join(', ')}`
          : 'questo elenco non si può ordinare',
      },
    ]);
  }
  return parsed;
}

function withTiming(values: Record<string, unknown>, place: Place) {
  if (typeof values.timing !== 'string' || !place.period) return values;
  return { ...values, timing: normalizeTiming(values.timing, place.period) };
}

function listQuerySchema(r: PartResource) {
  const filters: TProperties = {};
  for (const c of r.table.columns) {
    if (c.filter) filters[c.prop] = Type.Optional(Type.String({ maxLength: 300 }));
  }
  return Type.Object({ ...PageQuery, ...filters }, { additionalProperties: false });
}

function basePath(r: PartResource) {
  if (r.table.scope === 'organization') return `/organizations/:organizationId/${r.path}`;
  return r.parentPath
    ? `/plans/:planId/${r.parentPath}/:parentId/${r.path}`
    : `/plans/:planId/${r.path}`;
}

function paramsSchema(r: PartResource, withId: boolean) {
  const props: TProperties =
    r.table.scope === 'organization' ? { organizationId: Uuid } : { planId: Uuid };
  if (r.parentPath) props.parentId = Type.String({ maxLength: 64 });
  if (withId) props.id = Type.String({ maxLength: 64 });
  return Type.Object(props);
}

export function registerPartRoutes(app: FastifyInstance, db: Db) {
  for (const r of [...ORGANIZATION_PARTS, ...PLAN_PARTS]) registerPart(app, db, r);
}

function registerPart(app: FastifyInstance, db: Db, r: PartResource) {
  const base = basePath(r);
  const tags = [r.tag];
  const label = r.table.label;
  const context = (place: Place, request: FastifyRequest) => ({
    db,
    actor: actorOf(request),
    table: r.table,
    scope: place.scope,
  });
  const Query = listQuerySchema(r);

  app.get(
    base,
    {
      schema: {
        tags,
        summary: `Elenco: ${label}`,
        params: paramsSchema(r, false),
        querystring: Query,
        response: { 200: pageOf(r.output), ...READ_ERRORS },
      },
    },
    async (request) => {
      const place = await placeOf(db, request, r);
      const { limit, offset, sort, ...filters } = request.query as Record<string, unknown> & {
        limit: number;
        offset: number;
        sort?: string;
      };
      const parentKey = (request.params as Params).parentId;
      const sortBy = sortOf(r, sort);
      const page = await listRows(db, r.table, place.scope, {
        filters,
        limit,
        offset,
        ...(parentKey !== undefined ? { parentKey } : {}),
        ...(sortBy ? { sort: sortBy } : {}),
      });
      return { ...page, limit, offset };
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: `Dettaglio: ${label}`,
        params: paramsSchema(r, true),
        response: { 200: r.output, ...READ_ERRORS },
      },
    },
    async (request) => {
      const place = await placeOf(db, request, r);
      const row = await getPart(
        { db, table: r.table, scope: place.scope },
        (request.params as Params).id as string,
      );
      assertUnderParent(r, request, row);
      return row;
    },
  );

  app.post(
    base,
    {
      preValidation: requireSignedIn,
      schema: {
        tags,
        summary: `Crea: ${label}`,
        params: paramsSchema(r, false),
        body: r.create,
        response: { 201: r.output, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const place = await placeOf(db, request, r);
      const role = requireWriter(request, place);
      const parentKey = (request.params as Params).parentId;
      const body = request.body as Record<string, unknown>;
      const values = withTiming({ ...body, id: body.id ?? newKey(r) }, place);
      if (role === 'editor') {
        await assertEditorMay(db, request, place.scope, r.table, 'create', {
          ...values,
          ...(r.table.parent && parentKey ? { [r.table.parent.prop]: parentKey } : {}),
        });
      }
      const created = await createPart({
        ...context(place, request),
        values,
        ...(parentKey !== undefined ? { parentKey } : {}),
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    `${base}/:id`,
    {
      preValidation: requireSignedIn,
      schema: {
        tags,
        summary: `Modifica: ${label}`,
        params: paramsSchema(r, true),
        body: r.patch,
        response: { 200: r.output, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const place = await placeOf(db, request, r);
      const role = requireWriter(request, place);
      const { version, ...changes } = request.body as Record<string, unknown> & { version: number };
      return updatePart({
        ...context(place, request),
        key: (request.params as Params).id as string,
        version,
        changes: withTiming(changes, place),
        guard: async (current, tx) => {
          assertUnderParent(r, request, current);
          if (role === 'editor') {
            await assertEditorMay(tx, request, place.scope, r.table, 'update', current, changes);
          }
        },
      });
    },
  );

  app.delete(
    `${base}/:id`,
    {
      preValidation: requireSignedIn,
      schema: {
        tags,
        summary: `Elimina: ${label}`,
        params: paramsSchema(r, true),
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const place = await placeOf(db, request, r);
      const role = requireWriter(request, place);
      const { version } = request.query as { version: number };
      await deletePart({
        ...context(place, request),
        key: (request.params as Params).id as string,
        version,
        guard: async (current, tx) => {
          assertUnderParent(r, request, current);
          if (role === 'editor') {
            await assertEditorMay(tx, request, place.scope, r.table, 'delete', current);
          }
        },
      });
      return reply.status(204).send();
    },
  );
}

/** A readable key for parts created without one ("action-3f9c2a1b"). */
function newKey(r: PartResource): string {
  return `${r.table.type.replace('_', '-')}-${randomUUID().slice(0, 8)}`;
}
