/** How back-office routes answer: pages never cached, posts followed by a redirect. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderHtml } from '../render.js';

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
