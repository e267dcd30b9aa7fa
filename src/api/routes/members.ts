import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Key, Nullable } from '../../domain/model/common.js';
import type { Db } from '../../storage/db.js';
import { grantMembership } from '../../operations/grant-membership.js';
import { listMembers } from '../../operations/list-members.js';
import { revokeMembership } from '../../operations/revoke-membership.js';
import { Uuid, WRITE_ERRORS, problems } from './common.js';

const Member = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  unitId: Nullable(Type.String()),
});
const Params = Type.Object({ organizationId: Uuid });
const AddMember = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 1000 })),
    role: Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('viewer')]),
    unitId: Type.Optional(Nullable(Key)),
  },
  { additionalProperties: false },
);

/** Membership management: the organization's admin (the RTD) grants roles to its people. */
export function registerMemberRoutes(app: FastifyInstance, db: Db) {
  const tags = ['Utenti'];
  app.get(
    '/organizations/:organizationId/members',
    {
      schema: {
        tags,
        summary: 'Utenti dell’ente e loro ruoli',
        params: Params,
        response: { 200: Type.Object({ items: Type.Array(Member) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const { organizationId } = request.params as Static<typeof Params>;
      return listMembers({ db, principal: request.principal, organizationId });
    },
  );
  app.put(
    '/organizations/:organizationId/members',
    {
      schema: {
        tags,
        summary: 'Aggiunge un utente all’ente o ne cambia il ruolo',
        params: Params,
        body: AddMember,
        response: { 200: Member, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const { organizationId } = request.params as Static<typeof Params>;
      const body = request.body as Static<typeof AddMember>;
      return grantMembership({ db, principal: request.principal, organizationId, ...body });
    },
  );
  const MemberParams = Type.Object({ organizationId: Uuid, userId: Uuid });
  app.delete(
    '/organizations/:organizationId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Toglie all’utente il ruolo nell’ente',
        params: MemberParams,
        response: { 204: Type.Null(), ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { organizationId, userId } = request.params as Static<typeof MemberParams>;
      await revokeMembership({ db, principal: request.principal, userId, organizationId });
      return reply.status(204).send();
    },
  );
}
