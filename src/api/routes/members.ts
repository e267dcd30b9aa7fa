import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Key, Nullable } from '../../domain/model/common.js';
import type { Db } from '../../storage/db.js';
import {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  readInvitation,
} from '../../operations/accept-invitation.js';
import { changeMemberRole } from '../../operations/change-member-role.js';
import { inviteMember } from '../../operations/invite-member.js';
import { listInvitations } from '../../operations/list-invitations.js';
import { listMembers } from '../../operations/list-members.js';
import { revokeInvitation } from '../../operations/revoke-invitation.js';
import { revokeMembership } from '../../operations/revoke-membership.js';
import { READ_ERRORS, Uuid, WRITE_ERRORS, problems } from './common.js';

const Member = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  unitId: Nullable(Type.String()),
});
const Role = Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('viewer')]);
const Params = Type.Object({ organizationId: Uuid });
const RoleChange = Type.Object(
  { role: Role, unitId: Type.Optional(Nullable(Key)) },
  { additionalProperties: false },
);
const NewInvitation = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    role: Role,
    unitId: Type.Optional(Nullable(Key)),
  },
  { additionalProperties: false },
);
const InvitationFields = {
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  role: Role,
  unitId: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  expired: Type.Boolean(),
};
const Invitation = Type.Object(InvitationFields);
const IssuedInvitation = Type.Object({
  ...InvitationFields,
  acceptUrl: Type.String({
    format: 'uri',
    description: 'Il collegamento da dare alla persona invitata: vale una volta e non si rivede',
  }),
});
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
const InvitationForInvitee = Type.Object({
  organizationId: Type.String({ format: 'uuid' }),
  organizationName: Type.String(),
  email: Type.String(),
  role: Role,
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  expiresAt: Type.String({ format: 'date-time' }),
  state: Type.Union(['open', 'expired', 'accepted', 'revoked'].map((s) => Type.Literal(s))),
});
const Acceptance = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
const Accepted = Type.Object({
  organizationId: Type.String({ format: 'uuid' }),
  role: Role,
  unitId: Nullable(Type.String()),
});

/** Where the holder of an invitation link accepts it, in the web interface. */
export const invitationPath = (token: string) => `/invito/${token}`;

/**
 * Membership management: the organization's admin (the RTD) invites people to roles, changes
 * and takes away roles; the invited person accepts with the link.
 */
export function registerMemberRoutes(app: FastifyInstance, db: Db, publicUrl: string) {
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
  const MemberParams = Type.Object({ organizationId: Uuid, userId: Uuid });
  app.put(
    '/organizations/:organizationId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Cambia il ruolo di un utente dell’ente',
        description:
          'Cambia il ruolo (e il settore di un editor) di chi è già utente dell’ente; ' +
          'le persone nuove entrano con un invito.',
        params: MemberParams,
        body: RoleChange,
        response: { 200: Member, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const { organizationId, userId } = request.params as Static<typeof MemberParams>;
      const body = request.body as Static<typeof RoleChange>;
      return changeMemberRole({
        db,
        principal: request.principal,
        organizationId,
        userId,
        ...body,
      });
    },
  );
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
  app.get(
    '/organizations/:organizationId/invitations',
    {
      schema: {
        tags,
        summary: 'Inviti aperti dell’ente',
        description: 'Gli inviti non ancora accettati né ritirati; quelli scaduti sono segnalati.',
        params: Params,
        response: { 200: Type.Object({ items: Type.Array(Invitation) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const { organizationId } = request.params as Static<typeof Params>;
      return listInvitations({ db, principal: request.principal, organizationId });
    },
  );
  app.post(
    '/organizations/:organizationId/invitations',
    {
      schema: {
        tags,
        summary: 'Invita una persona con un ruolo',
        description:
          'Crea un invito per un indirizzo email e ne restituisce una volta il collegamento. ' +
          'La risposta non dice se l’indirizzo ha già un account; nessuno è aggiunto finché ' +
          'la persona invitata non accetta. Un nuovo invito allo stesso indirizzo sostituisce ' +
          'quello aperto.',
        params: Params,
        body: NewInvitation,
        response: { 201: IssuedInvitation, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { organizationId } = request.params as Static<typeof Params>;
      const body = request.body as Static<typeof NewInvitation>;
      const { invitation, token } = await inviteMember({
        db,
        principal: request.principal,
        organizationId,
        ...body,
      });
      return reply
        .status(201)
        .send({ ...invitation, acceptUrl: `${publicUrl}${invitationPath(token)}` });
    },
  );
  const InvitationParams = Type.Object({ organizationId: Uuid, invitationId: Uuid });
  app.delete(
    '/organizations/:organizationId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Ritira un invito',
        params: InvitationParams,
        response: { 204: Type.Null(), ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { organizationId, invitationId } = request.params as Static<typeof InvitationParams>;
      await revokeInvitation({ db, principal: request.principal, organizationId, invitationId });
      return reply.status(204).send();
    },
  );
  app.get(
    '/invitations/:token',
    {
      schema: {
        tags,
        summary: 'L’invito di un collegamento',
        description: 'Per chi ha il collegamento: ente, ruolo, indirizzo invitato e stato.',
        params: TokenParams,
        response: { 200: InvitationForInvitee, ...READ_ERRORS },
      },
    },
    async (request) => {
      const { token } = request.params as Static<typeof TokenParams>;
      return readInvitation({ db, token });
    },
  );
  app.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accetta un invito',
        description:
          'Con una sessione, accetta con l’account dell’indirizzo invitato; senza, crea un ' +
          'account per quell’indirizzo con nome e password e accetta. Un invito vale una volta.',
        params: TokenParams,
        body: Acceptance,
        response: { 200: Accepted, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const { token } = request.params as Static<typeof TokenParams>;
      const body = request.body as Static<typeof Acceptance>;
      if (request.principal) return acceptInvitation({ db, principal: request.principal, token });
      const { organizationId, role, unitId } = await acceptInvitationWithNewAccount({
        db,
        token,
        name: body.name ?? '',
        password: body.password ?? '',
      });
      return { organizationId, role, unitId };
    },
  );
}
