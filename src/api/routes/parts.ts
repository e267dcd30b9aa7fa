import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { createPart } from '../../operations/create-part.js';
import { deletePart } from '../../operations/delete-part.js';
import { listParts } from '../../operations/list-parts.js';
import type { PartAddress } from '../../operations/part-place.js';
import { readPart } from '../../operations/read-part.js';
import { updatePart } from '../../operations/update-part.js';
import type { Db } from '../../storage/db.js';
import { requireSignedIn } from '../auth.js';
import { ORGANIZATION_PARTS, PLAN_PARTS, type PartResource } from '../part-resources.js';
import { PageQuery, READ_ERRORS, Uuid, VersionQuery, WRITE_ERRORS, pageOf } from './common.js';

type Params = { organizationId?: string; planId?: string; parentId?: string; id?: string };

/** Whether a field holds whole numbers (a year…), possibly null. */
const isInteger = (schema: TSchema | undefined): boolean =>
  schema?.type === 'integer' || (schema?.anyOf as TSchema[] | undefined)?.some(isInteger) === true;

/**
 * Filters take the type of the field they filter: `?year=abc` is refused with 422 as any
 * other bad query, instead of reaching the database as text compared with a number.
 */
function listQuerySchema(r: PartResource) {
  const filters: TProperties = {};
  for (const c of r.table.columns) {
    if (!c.filter) continue;
    filters[c.prop] = Type.Optional(
      isInteger(r.output.properties[c.prop])
        ? Type.Integer({ minimum: -2_147_483_648, maximum: 2_147_483_647 })
        : Type.String({ maxLength: 300 }),
    );
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
  /** The part the request's path names, as the part operations take it. */
  const addressOf = (request: FastifyRequest): PartAddress => {
    const params = request.params as Params;
    return {
      db,
      principal: request.principal,
      part: r.table.type,
      organizationId: params.organizationId,
      planId: params.planId,
      parentKey: params.parentId,
    };
  };
  const keyOf = (request: FastifyRequest) => (request.params as Params).id as string;
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
      const { limit, offset, sort, ...filters } = request.query as Record<string, unknown> & {
        limit: number;
        offset: number;
        sort?: string;
      };
      return listParts({ ...addressOf(request), filters, limit, offset, sort });
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
    async (request) => readPart({ ...addressOf(request), key: keyOf(request) }),
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
      const values = request.body as Record<string, unknown>;
      const created = await createPart({ ...addressOf(request), values });
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
      const { version, ...changes } = request.body as Record<string, unknown> & { version: number };
      return updatePart({ ...addressOf(request), key: keyOf(request), version, changes });
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
      const { version } = request.query as { version: number };
      await deletePart({ ...addressOf(request), key: keyOf(request), version });
      return reply.status(204).send();
    },
  );
}
