import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../storage/db.js';
import { listAuditEvents } from '../../operations/list-audit-events.js';
import { PageQuery, Uuid, pageOf, problems } from './common.js';

const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  userId: Type.Union([Type.String(), Type.Null()]),
  planId: Type.Union([Type.String(), Type.Null()]),
  operation: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  field: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
const Params = Type.Object({ organizationId: Uuid });
const Query = Type.Object({
  limit: PageQuery.limit,
  offset: PageQuery.offset,
  planId: Type.Optional(Uuid),
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
});

/** The audit trail: who changed what, when, field by field, newest first. Admins only. */
export function registerAuditRoutes(app: FastifyInstance, db: Db) {
  app.get(
    '/organizations/:organizationId/audit',
    {
      schema: {
        tags: ['Registro delle modifiche'],
        summary: 'Registro delle modifiche dell’ente',
        params: Params,
        querystring: Query,
        response: { 200: pageOf(AuditEvent), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { organizationId } = request.params as Static<typeof Params>;
      const query = request.query as Static<typeof Query>;
      return listAuditEvents({ db, principal: request.principal, organizationId, ...query });
    },
  );
}
