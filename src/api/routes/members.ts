import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Key, Nullable } from '../../domain/model/common.js';
import { PianoError } from '../../domain/errors.js';
import type { Db } from '../../storage/db.js';
import { findUserByEmail, listMembers } from '../../storage/users.js';
import { addUser } from '../../operations/add-user.js';
import { grantMembership, revokeMembership } from '../../operations/grant-membership.js';
import { actorOf, requireRole } from '../auth.js';
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
      requireRole(request, organizationId, 'admin');
      return { items: await listMembers(db, organizationId) };
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
      requireRole(request, organizationId, 'admin');
      const body = request.body as Static<typeof AddMember>;
      const unitId = body.unitId ?? null;
      if (body.role === 'editor' && !unitId) {
        throw new PianoError('validation', 'Un editor deve appartenere a un settore', [
          { field: '/unitId', message: 'è obbligatorio per il ruolo editor' },
        ]);
      }
      const user =
        (await findUserByEmail(db, body.email)) ??
        (body.password
          ? await addUser({
              db,
              email: body.email,
              name: body.name ?? body.email,
              password: body.password,
            })
          : null);
      if (!user) {
        throw new PianoError('validation', 'Utente nuovo: indicare nome e password iniziale', [
          { field: '/password', message: 'è obbligatoria per un nuovo utente' },
        ]);
      }
      const actor = actorOf(request);
      await grantMembership({
        db,
        actor,
        userId: user.id,
        organizationId,
        role: body.role,
        unitId,
      });
      return { id: user.id, email: user.email, name: user.name, role: body.role, unitId };
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
      requireRole(request, organizationId, 'admin');
      await revokeMembership({ db, actor: actorOf(request), userId, organizationId });
      return reply.status(204).send();
    },
  );
}
