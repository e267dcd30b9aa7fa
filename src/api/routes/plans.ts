import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import { inputForm } from '../../domain/model/common.js';
import { PlanDocumentSchema } from '../../domain/model/interchange.js';
import { PLAN_STATUSES, PlanFieldsSchema, type PlanFields } from '../../domain/model/plan.js';
import type { Db } from '../../storage/db.js';
import { createPlan } from '../../operations/create-plan.js';
import { deletePlan } from '../../operations/delete-plan.js';
import { listPlans } from '../../operations/list-plans.js';
import { readPlan } from '../../operations/read-plan.js';
import { readPlanDocument } from '../../operations/read-plan-document.js';
import { updatePlan } from '../../operations/update-plan.js';
import { uploadPlanDocument } from '../../operations/upload-plan-document.js';
import { requireSignedIn } from '../auth.js';
import {
  PageQuery,
  READ_ERRORS,
  Uuid,
  VersionQuery,
  WRITE_ERRORS,
  pageOf,
  patchFields,
} from './common.js';

const Plan = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  ...PlanFieldsSchema.properties,
  seriesId: Type.String({ description: 'Comune a tutte le revisioni dello stesso piano' }),
  previousPlanId: Type.Union([Type.String(), Type.Null()], {
    description: 'La revisione da cui questa è stata avviata',
  }),
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
export const PlanResource = Plan;
// The status and the approval act move only through POST /plans/:planId/lifecycle.
const EditableFields = Type.Omit(PlanFieldsSchema, ['status', 'approval']);
const CreateBody = Type.Object(inputForm(EditableFields).properties, {
  additionalProperties: false,
});
const PatchBody = Type.Object(
  {
    ...patchFields(EditableFields.properties),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, minProperties: 2 },
);
const LoadQuery = Type.Object({ organizationId: Type.Optional(Uuid) });
const Loaded = Type.Object({ organizationId: Type.String(), planId: Type.String() });

export function registerPlanRoutes(
  app: FastifyInstance,
  db: Db,
  config: Pick<Config, 'PIANO_IMPORT_BODY_LIMIT'>,
) {
  const tags = ['Piani'];

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
      const query = request.query as Static<typeof ListQuery>;
      return listPlans({ db, principal: request.principal, ...query });
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
      const fields = request.body as Omit<PlanFields, 'status' | 'approval'>;
      const plan = await createPlan({ db, principal: request.principal, organizationId, fields });
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
      const loaded = await uploadPlanDocument({
        db,
        principal: request.principal,
        input: request.body,
        organizationId,
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
    async (request) =>
      readPlan({
        db,
        principal: request.principal,
        planId: (request.params as Static<typeof PlanParams>).planId,
      }),
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
      const { revision, etag, body } = await readPlanDocument({
        db,
        principal: request.principal,
        planId,
      });
      const privacy = revision.status === 'published' ? 'public' : 'private';
      reply.header('etag', etag).header('cache-control', `${privacy}, no-cache`);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type('application/json; charset=utf-8').send(body);
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
      const { planId } = request.params as Static<typeof PlanParams>;
      const { version, ...changes } = request.body as Static<typeof PatchBody>;
      return updatePlan({ db, principal: request.principal, planId, version, changes });
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
      const { planId } = request.params as Static<typeof PlanParams>;
      const { version } = request.query as Static<typeof VersionQuery>;
      await deletePlan({ db, principal: request.principal, planId, version });
      return reply.status(204).send();
    },
  );
}
