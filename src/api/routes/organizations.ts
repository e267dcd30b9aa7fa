import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { inputForm } from '../../domain/model/common.js';
import {
  OrganizationFieldsSchema,
  type OrganizationFields,
} from '../../domain/model/organization.js';
import type { Db } from '../../storage/db.js';
import { createOrganization } from '../../operations/create-organization.js';
import { listOrganizations } from '../../operations/list-organizations.js';
import { readOrganization } from '../../operations/read-organization.js';
import { updateOrganization } from '../../operations/update-organization.js';
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
    async (request) => listOrganizations({ db, principal: request.principal }),
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
      const fields = request.body as OrganizationFields;
      const created = await createOrganization({ db, principal: request.principal, fields });
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
      return readOrganization({ db, principal: request.principal, organizationId });
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
      const { version, ...changes } = request.body as Static<typeof PatchBody>;
      return updateOrganization({
        db,
        principal: request.principal,
        organizationId,
        version,
        changes,
      });
    },
  );
}
