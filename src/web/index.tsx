/**
 * The web interface, served by the same Fastify server as the API: server-rendered pages on
 * bootstrap-italia that work without JavaScript, in Italian at `/…` and English at `/en/…`.
 * Pages call the same operations as the API and the command line.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PianoError } from '../domain/errors.js';
import { todayInItaly } from '../operations/today.js';
import type { OidcSettings } from '../domain/rules/oidc-identity.js';
import type { Db } from '../storage/db.js';
import { buildAssets, registerAssets, type AssetRegistry } from './assets.js';
import { registerBackOfficeRoutes } from './backoffice/routes.js';
import type { CookieSettings } from './backoffice/security.js';
import { pageContext } from './page-context.js';
import { ErrorPage } from './portal/info-pages.js';
import { registerPortalRoutes } from './portal/routes.js';
import { PageCache, renderHtml, sendHtml } from './render.js';

export interface WebOptions {
  db: Db;
  /** The address links handed to people are written from (PIANO_PUBLIC_URL). */
  publicUrl: string;
  /** The day pages judge deadlines against; today in Italy unless a test fixes it. */
  today?: () => string;
  /** Largest total size of rendered pages kept in memory. */
  pageCacheBytes?: number;
  /** How long a back-office session lasts, and whether its cookie needs HTTPS. */
  cookies?: CookieSettings;
  /** Sign-in through OpenID Connect, when configured. */
  oidc?: OidcSettings | null;
}

export interface Web {
  assets: AssetRegistry;
}

/** Paths that belong to the API or other machine-readable answers, never to a page. */
const MACHINE_PATHS = /^\/(api|calendar|docs|openapi\.json|schema|health|assets)(\/|$|\?)/;

export async function registerWeb(app: FastifyInstance, options: WebOptions): Promise<Web> {
  const assets = await buildAssets();
  const today = options.today ?? (() => todayInItaly());
  const version = [...assets.byUrl.keys()].join(',');
  const cache = new PageCache(version, { maxBytes: options.pageCacheBytes });
  registerAssets(app, assets);
  await app.register(async (web) => {
    web.setErrorHandler((error: FastifyError, request, reply) =>
      sendErrorPage(request, reply, assets, today(), error),
    );
    registerPortalRoutes(web, { db: options.db, assets, cache, today });
    registerBackOfficeRoutes(web, {
      db: options.db,
      assets,
      today,
      cookies: options.cookies ?? { sessionHours: 12, secure: false },
      oidc: options.oidc ?? null,
      publicUrl: options.publicUrl,
    });
    // Any other address a browser asks for gets the site's own "page not found".
    web.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (MACHINE_PATHS.test(request.url)) return reply.callNotFound();
      return sendErrorPage(
        request,
        reply,
        assets,
        today(),
        new PianoError('not_found', 'Pagina non trovata'),
      );
    });
  });
  return { assets };
}

function statusOf(error: FastifyError | PianoError): number {
  if (error instanceof PianoError) {
    if (error.code === 'not_found') return 404;
    if (error.code === 'validation') return 400;
    if (error.code === 'unauthenticated') return 401;
    if (error.code === 'forbidden') return 403;
    if (['version_conflict', 'conflict', 'plan_frozen', 'lifecycle_step'].includes(error.code)) {
      return 409;
    }
    if (error.code === 'too_many_requests') return 429;
    return 500;
  }
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}

function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  assets: AssetRegistry,
  today: string,
  error: FastifyError | PianoError,
) {
  const status = statusOf(error);
  if (status >= 500) request.log.error({ err: error }, 'page failed');
  const ctx = pageContext(request.url, today);
  return sendHtml(
    reply,
    renderHtml(
      <ErrorPage
        ctx={ctx}
        assets={assets}
        status={status}
        // What a refusal says is for the person who met it; an unexpected error's is for the log.
        detail={error instanceof PianoError && status < 500 ? error.message : undefined}
      />,
    ),
    status,
  );
}
