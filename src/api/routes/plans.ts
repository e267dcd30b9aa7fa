import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import { PianoError } from '../../domain/errors.js';
import { inputForm } from '../../domain/model/common.js';
import { PlanDocumentSchema } from '../../domain/model/interchange.js';
import { PLAN_STATUSES, PlanFieldsSchema, type PlanFields } from '../../domain/model/plan.js';
import { canReadPlan } from '../../domain/rules/permissions.js';
import type { Db } from '../../storage/db.js';
import { findOrganizationByIpa } from '../../storage/organizations.js';
import { findPlanAnywhere, listPlans } from '../../storage/plans.js';
import { createPlan } from '../../operations/create-plan.js';
import { exportPlanDocument } from '../../operations/export-plan-document.js';
import { loadPlanDocument } from '../../operations/load-plan-document.js';
import { deletePlan, updatePlan } from '../../operations/update-plan.js';
import { actorOf, requireRole, requireSignedIn } from '../auth.js';
import { PlanDocumentCache } from '../plan-document-cache.js';
import {
  PageQuery,
  READ_ERRORS,
  Uuid,
  VersionQuery,
  WRITE_ERRORS,
  pageOf,
  parseSort,
  patchFields,
} from './common.js';

const Plan = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  ...PlanFieldsSchema.properties,
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const PlanParams = Type.Object({ planId: Uuid });
const OrgParams = Type.Object({ organizationId: Uuid });
const ListQuery = Type.Object({
  ...PageQuery,
  organizationId: Type.Optional(Uuid),
  status: Type.Optional(Type.Union(PLAN_STATUSES.map((s) => Type.Literal(s)))),
});
const CreateBody = inputForm(PlanFieldsSchema);
const PatchBody = Type.Object(
  {
    ...patchFields(PlanFieldsSchema.properties),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, minProperties: 2 },
);
const LoadQuery = Type.Object({ organizationId: Type.Optional(Uuid) });
const Loaded = Type.Object({ organizationId: Type.String(), planId: Type.String() });

/** A plan the requester may read, or 404: drafts of other organizations do not exist for them. */
export async function readablePlan(db: Db, request: FastifyRequest, planId: string) {
  const plan = await findPlanAnywhere(db, planId);
  if (!plan || !canReadPlan(request.principal, plan))
    throw new PianoError('not_found', 'Piano non trovato');
  return plan;
}

/** The readable plan named by the request's `:planId` parameter. */
export const planOfRequest = (db: Db, request: FastifyRequest) =>
  readablePlan(db, request, (request.params as { planId: string }).planId);

export function registerPlanRoutes(
  app: FastifyInstance,
  db: Db,
  config: Pick<Config, 'PIANO_IMPORT_BODY_LIMIT'>,
) {
  const tags = ['Piani'];
  const cache = new PlanDocumentCache(db);

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Piani visibili',
        querystring: ListQuery,
        response: { 200: pageOf(Plan), ...READ_ERRORS },
      },
    },
    async (request) => {
      const q = request.query as Static<typeof ListQuery>;
      const p = request.principal;
      const memberOf =
        p?.platformRole === 'consultant'
          ? 'all'
          : (p?.memberships.map((m) => m.organizationId) ?? []);
      const sort = parseSort(q.sort);
      if (sort && !['title', 'startYear', 'updatedAt'].includes(sort.prop)) {
        throw new PianoError('validation', `Ordinamento non disponibile: ${sort.prop}`, [
          { field: '/sort', message: 'deve essere title, startYear o updatedAt' },
        ]);
      }
      const page = await listPlans(db, {
        memberOf,
        organizationId: q.organizationId,
        status: q.status,
        limit: q.limit,
        offset: q.offset,
        sort: sort as never,
      });
      return { ...page, limit: q.limit, offset: q.offset };
    },
  );

  app.post(
    '/organizations/:organizationId/plans',
    {
      schema: {
        tags,
        summary: 'Crea un piano vuoto',
        params: OrgParams,
        body: CreateBody,
        response: { 201: Plan, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { organizationId } = request.params as Static<typeof OrgParams>;
      requireRole(request, organizationId, 'admin');
      const fields = request.body as PlanFields;
      const plan = await createPlan({ db, actor: actorOf(request), organizationId, fields });
      return reply.status(201).send(plan);
    },
  );

  app.post(
    '/plans/documents',
    {
      bodyLimit: config.PIANO_IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Carica un piano intero nel formato di interscambio',
        description:
          'Il corpo è un documento Plan Interchange Format v1; è validato per intero prima di salvare.',
        querystring: LoadQuery,
        response: { 201: Loaded, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { organizationId } = request.query as Static<typeof LoadQuery>;
      const target = organizationId ?? (await organizationOfDocument(db, request.body));
      if (target) requireRole(request, target, 'admin');
      else if (request.principal?.platformRole !== 'consultant') {
        throw new PianoError(
          request.principal ? 'forbidden' : 'unauthenticated',
          'Solo un consulente di piattaforma può caricare il piano di un ente nuovo',
        );
      }
      const loaded = await loadPlanDocument({
        db,
        actor: actorOf(request),
        input: request.body,
        organizationId: target ?? undefined,
      });
      return reply.status(201).send(loaded);
    },
  );

  app.get(
    '/plans/:planId',
    {
      schema: {
        tags,
        summary: 'Un piano (solo i suoi dati generali)',
        params: PlanParams,
        response: { 200: Plan, ...READ_ERRORS },
      },
    },
    async (request) => planOfRequest(db, request),
  );

  app.get(
    '/plans/:planId/document',
    {
      schema: {
        tags,
        summary: 'Il piano intero nel formato di interscambio (JSON)',
        description: 'Risponde con ETag; con If-None-Match uguale risponde 304.',
        params: PlanParams,
        response: { 200: PlanDocumentSchema, 304: Type.Null(), ...READ_ERRORS },
      },
    },
    async (request, reply) => {
      const { planId } = request.params as Static<typeof PlanParams>;
      const revision = await cache.revision(planId);
      if (!revision || !canReadPlan(request.principal, revision)) {
        throw new PianoError('not_found', 'Piano non trovato');
      }
      const entry =
        cache.get(planId, revision.tag) ??
        cache.put(
          planId,
          revision.tag,
          await exportPlanDocument({ db, organizationId: revision.organizationId, planId }),
        );
      const privacy = revision.status === 'published' ? 'public' : 'private';
      reply.header('etag', entry.etag).header('cache-control', `${privacy}, no-cache`);
      if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send();
      return reply.type('application/json; charset=utf-8').send(entry.body);
    },
  );

  app.patch(
    '/plans/:planId',
    {
      preValidation: requireSignedIn,
      schema: {
        tags,
        summary: 'Modifica i dati generali del piano',
        params: PlanParams,
        body: PatchBody,
        response: { 200: Plan, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const plan = await planOfRequest(db, request);
      requireRole(request, plan.organizationId, 'admin');
      const { version, ...changes } = request.body as Static<typeof PatchBody>;
      return updatePlan({
        db,
        actor: actorOf(request),
        organizationId: plan.organizationId,
        planId: plan.id,
        version,
        changes,
      });
    },
  );

  app.delete(
    '/plans/:planId',
    {
      preValidation: requireSignedIn,
      schema: {
        tags,
        summary: 'Elimina un piano e tutte le sue parti',
        params: PlanParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const plan = await planOfRequest(db, request);
      requireRole(request, plan.organizationId, 'admin');
      const { version } = request.query as Static<typeof VersionQuery>;
      await deletePlan({
        db,
        actor: actorOf(request),
        organizationId: plan.organizationId,
        planId: plan.id,
        version,
      });
      return reply.status(204).send();
    },
  );
}

/** The organization a document names by IPA code, if piano already knows it. */
async function organizationOfDocument(db: Db, body: unknown): Promise<string | null> {
  const ipa = (body as { organization?: { ipaCode?: unknown } } | null)?.organization?.ipaCode;
  if (typeof ipa !== 'string') return null;
  return (await findOrganizationByIpa(db, ipa))?.id ?? null;
}
