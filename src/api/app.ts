import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from '@sinclair/typebox';
import {
  oidcSettingsOf,
  publicBaseUrl,
  trustProxyOf,
  type Config,
  type OidcConfig,
} from '../config.js';
import { PianoError } from '../domain/errors.js';
import { publishedPlanSchema } from '../domain/model/interchange.js';
import { newAjv, validatorFor } from '../domain/validation.js';
import { sizePlanCaches } from '../operations/plan-caches.js';
import type { Db } from '../storage/db.js';
import { registerPrincipal } from './auth.js';
import { conformingDocument } from './openapi.js';
import { ProblemSchema, sendProblem } from './problem.js';
import {
  registerInputGuard,
  registerOriginCheck,
  registerPrivateNoStore,
} from './request-guards.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerCalendarFeedRoute, registerCalendarRoutes } from './routes/calendar.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerComplianceRoutes } from './routes/compliance.js';
import { registerMemberRoutes } from './routes/members.js';
import { registerOrganizationRoutes } from './routes/organizations.js';
import { registerPartRoutes } from './routes/parts.js';
import { registerLifecycleRoutes } from './routes/lifecycle.js';
import { registerPlanRoutes } from './routes/plans.js';
import { registerSessionRoutes } from './routes/session.js';

export interface AppOptions {
  db: Db;
  config: Pick<
    Config,
    | 'PIANO_BODY_LIMIT'
    | 'PIANO_IMPORT_BODY_LIMIT'
    | 'PIANO_SESSION_HOURS'
    | 'PIANO_COOKIE_SECURE'
    | 'LOG_LEVEL'
    | 'PIANO_DOCUMENT_CACHE_MB'
    | 'PIANO_EXPORT_CACHE_MB'
    | 'PIANO_PUBLIC_URL'
    | 'PIANO_TRUST_PROXY'
    | 'PORT'
  > &
    OidcConfig;
}

const MB = 1024 * 1024;

// Query strings and path parameters arrive as text: this instance coerces "20" to 20.
const coercing = newAjv({ coerceTypes: 'array' });

/** Builds the HTTP API; the caller decides whether to listen or inject requests (tests). */
export async function buildApp({ db, config }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: config.PIANO_BODY_LIMIT,
    // Behind a reverse proxy, the client's address (sign-in throttling, logs) is read from
    // X-Forwarded-For only when PIANO_TRUST_PROXY says which proxies to believe.
    trustProxy: trustProxyOf(config),
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: { req: requestForLog },
    },
    ajv: { customOptions: { strict: false } },
  });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? validatorFor(schema as never) : coercing.compile(schema),
  );
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new PianoError('not_found', `Nessuna risorsa in ${request.url}`)),
  );
  // The API reads JSON only: without this, a text/plain body would reach validation as a string.
  app.removeContentTypeParser('text/plain');
  // PATCH bodies are JSON merge patches (RFC 7396), declared so in the API description; they
  // are read as JSON, and plain application/json stays accepted.
  app.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  const publicUrl = publicBaseUrl(config);
  const oidc = oidcSettingsOf(config);
  await registerResponseHeaders(app, publicUrl.startsWith('https:') || config.PIANO_COOKIE_SECURE);
  await app.register(cookie);
  registerOriginCheck(app, publicUrl);
  registerPrivateNoStore(app);
  registerInputGuard(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'piano – API',
        version: '1.0.0',
        description:
          'API del Piano triennale per l’informatica: enti, piani, priorità, azioni, indicatori, spesa, piattaforme. Errori in application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: {
          sessione: {
            type: 'apiKey',
            in: 'cookie',
            name: 'piano_session',
            description:
              'Il cookie di sessione che POST /api/session imposta all’accesso (e /accedi/oidc/callback, quando l’accesso OpenID Connect è configurato)',
          },
          ...(oidc
            ? {
                openIdConnect: {
                  type: 'openIdConnect',
                  openIdConnectUrl: `${oidc.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
                  description:
                    'Accesso tramite il fornitore di identità configurato (SPID/CIE o dell’ente), con il flusso authorization code e PKCE su /accedi/oidc: piano apre la sessione del cookie piano_session',
                },
              }
            : {}),
        },
      },
    },
    // Completes the generated document to AgID's interoperability guidelines (src/api/openapi.ts).
    transformObject: (generated) =>
      conformingDocument(
        (generated as { openapiObject: Record<string, unknown> }).openapiObject,
        publicUrl,
      ) as never,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/schema/piano-plan-v1.json', { schema: { hide: true } }, async () =>
    publishedPlanSchema(),
  );
  const health = async () => ({ status: 'ok', backend: db.backend });
  app.get('/health', { schema: { hide: true } }, health);
  app.get(
    '/status',
    {
      schema: {
        tags: ['Stato'],
        summary: 'Stato del servizio',
        description: 'Risponde 200 quando il servizio è attivo (controllo di funzionamento).',
        response: {
          200: Type.Object({ status: Type.String(), backend: Type.String() }),
          503: ProblemSchema,
        },
      },
    },
    health,
  );
  sizePlanCaches(db, {
    documentBytes: config.PIANO_DOCUMENT_CACHE_MB * MB,
    exportBytes: config.PIANO_EXPORT_CACHE_MB * MB,
  });
  registerPrincipal(app, db);
  await app.register(
    async (api) => {
      registerSessionRoutes(api, db, config);
      registerOrganizationRoutes(api, db);
      registerMemberRoutes(api, db, publicUrl);
      registerPlanRoutes(api, db, config);
      registerLifecycleRoutes(api, db, config);
      registerPartRoutes(api, db);
      registerAuditRoutes(api, db);
      await registerImportRoutes(api, config);
      registerExportRoutes(api, db, publicUrl);
      registerCatalogRoutes(api);
      registerComplianceRoutes(api, db);
      registerCalendarRoutes(api, db, publicUrl);
    },
    { prefix: '/api' },
  );
  registerCalendarFeedRoute(app, db);
  return app;
}

/**
 * Security headers on every answer (helmet) with a strict Content-Security-Policy: pages load
 * scripts, styles, fonts and images from piano itself only, no inline script or style is
 * allowed, and no other site may frame a page. The referrer stays within piano (`same-origin`:
 * with `no-referrer`, Chromium sends `Origin: null` on piano's own form posts, which the origin
 * check would refuse). HSTS only when piano is served over HTTPS, where browsers honour it.
 * Answers are compressed when the client accepts it.
 */
async function registerResponseHeaders(app: FastifyInstance, https: boolean) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        // bootstrap-italia's stylesheet draws form controls with data: SVG images.
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Cross-origin isolation headers would stop other sites from embedding our open data.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(compress, { threshold: 1024 });
}

/** Fastify's request log entry, with the secret of calendar feed URLs cut short. */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.replace(/^(\/calendar\/[A-Za-z0-9_-]{4})[^.?]*/, '$1…'),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
