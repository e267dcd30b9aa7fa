import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { inputForm } from '../../domain/model/common.js';
import {
  OrganizationFieldsSchema,
  type OrganizationFields,
} from '../../domain/model/organization.js';
import { PianoError, found } from '../../domain/errors.js';
import type { Db } from '../../storage/db.js';
import { findOrganization, listOrganizations } from '../../storage/organizations.js';
import { createOrganization } from '../../operations/create-organization.js';
import { updateOrganization } from '../../operations/update-organization.js';
import { actorOf, requireRole } from '../auth.js';
import { READ_ERRORS, Uuid, WRITE_ERRORS, patchFields, problems } from './common.js';

const Organization = Type.Object({
  id: Type.String(),
  ...OrganizationFieldsSchema.properties,
  version: Type.Integer(),
});
const Params = Type.Object({ organizationId: Uuid });
const CreateBody = inputForm(OrganizationFieldsSchema);
const PatchBody = Type.Object(
  {
    ...patchFields(OrganizationFieldsSchema.properties),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, minProperties: 2 },
);

export function registerOrganizationRoutes(app: FastifyInstance, db: Db) {
  const tags = ['Enti'];
  app.get(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Enti accessibili all’utente',
        response: { 200: Type.Object({ items: Type.Array(Organization) }), ...problems(401) },
      },
    },
    async (request) => {
      const p = request.principal;
      if (!p) throw new PianoError('unauthenticated', 'Accedere per vedere i propri enti');
      const items = await listOrganizations(db, p.platformRole === 'consultant' ? 'all' : p.userId);
      return { items };
    },
  );
  app.post(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Crea un ente (consulenti di piattaforma)',
        body: CreateBody,
        response: { 201: Organization, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      if (!request.principal) throw new PianoError('unauthenticated', 'Accedere per continuare');
      if (request.principal.platformRole !== 'consultant') {
        throw new PianoError('forbidden', 'Solo un consulente di piattaforma può creare enti');
      }
      const fields = request.body as OrganizationFields;
      const created = await createOrganization({ db, actor: actorOf(request), fields });
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/organizations/:organizationId',
    {
      schema: {
        tags,
        summary: 'Un ente',
        params: Params,
        response: { 200: Organization, ...READ_ERRORS },
      },
    },
    async (request) => {
      const { organizationId } = request.params as Static<typeof Params>;
      requireRole(request, organizationId, 'viewer');
      return found(await findOrganization(db, organizationId), 'Ente');
    },
  );
  app.patch(
    '/organizations/:organizationId',
    {
      schema: {
        tags,
        summary: 'Modifica i dati dell’ente',
        params: Params,
        body: PatchBody,
        response: { 200: Organization, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const { organizationId } = request.params as Static<typeof Params>;
      requireRole(request, organizationId, 'admin');
      const { version, ...changes } = request.body as Static<typeof PatchBody>;
      return updateOrganization({ db, actor: actorOf(request), organizationId, version, changes });
    },
  );
}
