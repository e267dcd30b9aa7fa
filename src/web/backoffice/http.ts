/** How back-office routes answer: pages never cached, posts followed by a redirect. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PianoError } from '../../domain/errors.js';
import type { VNode } from 'preact';
import type { listPlans } from '../../operations/list-plans.js';
import type { AssetRegistry } from '../assets.js';
import type { PageContext } from '../page-context.js';
import { renderHtml } from '../render.js';
import type { CookieSettings } from './security.js';
import type { Desk } from './ui.js';

/** The database handle operations take (adapters never import storage). */
type Db = Parameters<typeof listPlans>[0]['db'];

export type Handler = (
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PageContext,
) => Promise<unknown>;
export type DeskHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  desk: Desk,
) => Promise<unknown>;

/** What the back office's router lends to the modules that register an area's routes. */
export interface RouteKit {
  app: FastifyInstance;
  db: Db;
  assets: AssetRegistry;
  cookies: CookieSettings;
  /** Registers a route at its Italian path and under /en. */
  route: (method: 'GET' | 'POST', path: string, handler: Handler) => void;
  /** Wraps a handler for signed-in users: visitors go to sign in, posts are checked first. */
  signedIn: (handler: DeskHandler) => Handler;
  deskOf: (request: FastifyRequest, ctx: PageContext) => Promise<Desk | null>;
  /** The address links handed to people are written from. */
  publicUrl: string;
  /** Today in Italy, or the day a test fixes. */
  today: () => string;
  /** The page of a change the operations refused, with why (403 unless told otherwise). */
  refused: (reply: FastifyReply, desk: Desk, error: PianoError, status?: number) => unknown;
}

/** Sends a back-office page: never stored by a browser or a proxy. */
export function send(reply: FastifyReply, page: VNode, status = 200) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(renderHtml(page));
}

/** See other: after a post, the browser asks for the page with GET. */
export const redirect = (reply: FastifyReply, to: string) =>
  reply.header('cache-control', 'no-store').redirect(to, 303);

export const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string>)[name] ?? '';
