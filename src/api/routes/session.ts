import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import { PianoError } from '../../domain/errors.js';
import type { Db } from '../../storage/db.js';
import { signIn, signOut } from '../../operations/sessions.js';
import { SESSION_COOKIE } from '../auth.js';
import { problems } from './common.js';

const Credentials = Type.Object(
  { email: Type.String({ maxLength: 320 }), password: Type.String({ maxLength: 1000 }) },
  { additionalProperties: false },
);

const Me = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  platformRole: Type.Union([Type.Literal('consultant'), Type.Null()]),
  memberships: Type.Array(
    Type.Object({
      organizationId: Type.String(),
      role: Type.String(),
      unitId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export function registerSessionRoutes(
  app: FastifyInstance,
  db: Db,
  config: Pick<Config, 'PIANO_SESSION_HOURS' | 'PIANO_COOKIE_SECURE'>,
) {
  const tags = ['Sessione'];
  app.post(
    '/session',
    {
      schema: {
        tags,
        operationId: 'signIn',
        summary: 'Accedi',
        body: Credentials,
        response: { 200: Me, ...problems(401, 422, 429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body as Static<typeof Credentials>;
      const { token, principal } = await signIn(db, {
        email,
        password,
        address: request.ip,
        ttlHours: config.PIANO_SESSION_HOURS,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.PIANO_COOKIE_SECURE,
        maxAge: config.PIANO_SESSION_HOURS * 3600,
      });
      return principal;
    },
  );
  app.get(
    '/session',
    {
      schema: {
        tags,
        operationId: 'getSignedInUser',
        summary: 'Utente collegato',
        response: { 200: Me, ...problems(401) },
      },
    },
    async (request) => {
      if (!request.principal) throw new PianoError('unauthenticated', 'Nessuna sessione attiva');
      return request.principal;
    },
  );
  app.delete(
    '/session',
    { schema: { tags, operationId: 'signOut', summary: 'Esci', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
}
