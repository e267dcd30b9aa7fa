/**
 * Pages are typed components (TSX) rendered to HTML strings on the server with Preact's
 * renderer, which escapes every text and attribute value it is given: a title typed as
 * `<script>` reaches the browser as text. Rendered pages are kept in a cache bounded in bytes,
 * keyed by what they are made of (the plan's revision counters, the language, the filters,
 * the day), and answered with an ETag so a browser that has the page gets a 304.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderHtml(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

export interface PageCacheOptions {
  /** Largest total size of the kept pages, in bytes. */
  maxBytes?: number;
}

export class PageCache {
  private readonly pages: LRUCache<string, string>;
  constructor(
    /** Changes whenever the assets change, so that pages linking old assets are not reused. */
    private readonly version: string,
    options: PageCacheOptions = {},
  ) {
    this.pages = new LRUCache<string, string>({
      maxSize: options.maxBytes ?? 32 * 1024 * 1024,
      sizeCalculation: (html) => html.length * 2,
    });
  }

  /**
   * Answers with the page made of `key`: 304 when the browser already has it, else the cached
   * HTML, else a fresh render. `visibility` is `public` for the portal's published pages.
   */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: () => Promise<string> | string,
    visibility: 'public' | 'private' = 'public',
  ) {
    const etag = `"${createHash('sha256').update(`${this.version}|${key}`).digest('base64url').slice(0, 27)}"`;
    reply
      .header('etag', etag)
      .header('cache-control', `${visibility}, no-cache`)
      .header('vary', 'accept-encoding');
    if (ifNoneMatch(request, etag)) return reply.status(304).send();
    let html = this.pages.get(key);
    if (html === undefined) {
      html = await render();
      this.pages.set(key, html);
    }
    return reply.type('text/html; charset=utf-8').send(html);
  }
}

/** True when If-None-Match lists the ETag (or is `*`). */
function ifNoneMatch(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/** Sends a page that is not cached (errors, search results): no ETag, revalidated each time. */
export function sendHtml(reply: FastifyReply, html: string, status = 200) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(html);
}
