import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { CalendarItemSchema } from '../../domain/compliance/model.js';
import { IsoDate } from '../../domain/model/common.js';
import type { Db } from '../../storage/db.js';
import { issueCalendarToken } from '../../operations/issue-calendar-token.js';
import { listComplianceCalendar } from '../../operations/list-compliance-calendar.js';
import { readCalendarFeed } from '../../operations/read-calendar-feed.js';
import { revokeCalendarToken } from '../../operations/revoke-calendar-token.js';
import { requireSignedIn } from '../auth.js';
import { READ_ERRORS, Uuid, WRITE_ERRORS, problems } from './common.js';

const OrgParams = Type.Object({ organizationId: Uuid });
const CalendarQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    asOf: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
const Calendar = Type.Object({
  organizationId: Type.String(),
  organizationName: Type.String(),
  asOf: IsoDate,
  from: IsoDate,
  to: IsoDate,
  overdue: Type.Integer(),
  upcoming: Type.Integer(),
  items: Type.Array(CalendarItemSchema),
});
const Token = Type.Object({
  url: Type.String({ description: 'Indirizzo segreto del calendario: mostrato una sola volta' }),
  token: Type.String(),
  createdAt: Type.String(),
});
const FeedParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

/** Calendar of deadlines and obligations, and the secret-token iCalendar feed. */
export function registerCalendarRoutes(app: FastifyInstance, db: Db, publicUrl: string) {
  const tags = ['Scadenze'];

  app.get(
    '/organizations/:organizationId/calendar',
    {
      schema: {
        tags,
        summary: 'Scadenze in ritardo e in arrivo: azioni, micro azioni, adempimenti',
        params: OrgParams,
        querystring: CalendarQuery,
        response: { 200: Calendar, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { organizationId } = request.params as Static<typeof OrgParams>;
      const { from, to, asOf } = request.query as Static<typeof CalendarQuery>;
      return listComplianceCalendar({
        db,
        principal: request.principal,
        organizationId,
        from,
        to,
        today: asOf,
      });
    },
  );

  app.post(
    '/organizations/:organizationId/calendar-token',
    {
      preValidation: requireSignedIn,
      schema: {
        tags,
        summary: 'Crea l’indirizzo segreto del calendario (revoca il precedente)',
        params: OrgParams,
        response: { 201: Token, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { organizationId } = request.params as Static<typeof OrgParams>;
      const issued = await issueCalendarToken({
        db,
        principal: request.principal,
        organizationId,
      });
      const url = `${publicUrl}/calendar/${issued.token}.ics`;
      return reply.status(201).send({ url, ...issued });
    },
  );

  app.delete(
    '/organizations/:organizationId/calendar-token',
    {
      preValidation: requireSignedIn,
      schema: {
        tags,
        summary: 'Revoca l’indirizzo segreto del calendario',
        params: OrgParams,
        response: { 204: Type.Null(), ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { organizationId } = request.params as Static<typeof OrgParams>;
      await revokeCalendarToken({ db, principal: request.principal, organizationId });
      return reply.status(204).send();
    },
  );
}

/** GET /calendar/:token.ics — no session: the secret in the URL is the only key. */
export function registerCalendarFeedRoute(app: FastifyInstance, db: Db) {
  app.get(
    '/calendar/:token.ics',
    {
      schema: {
        tags: ['Scadenze'],
        summary: 'Calendario iCalendar dell’ente (indirizzo segreto)',
        params: FeedParams,
        response: {
          200: {
            description: 'Il calendario delle scadenze (RFC 5545)',
            content: { 'text/calendar': { schema: Type.String() } },
          },
          ...READ_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { token } = request.params as Static<typeof FeedParams>;
      const ics = await readCalendarFeed({ db, token });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  );
}
