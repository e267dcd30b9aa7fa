/**
 * A small browser-like client over `app.inject` for the back office: it keeps cookies, reads the
 * forms' hidden token from the page it last opened, and posts URL-encoded forms as a browser
 * would (with the site's own Origin), so tests go through the same checks as people do.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const ORIGIN = 'http://localhost:80';

export class FormClient {
  private cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies) {
      const expired =
        c.value === '' || (c.expires !== undefined && new Date(c.expires).getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string) {
    return this.remember(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader } }),
    );
  }

  async post(
    url: string,
    fields: Record<string, string>,
    options: { origin?: string | null; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = {
      cookie: this.cookieHeader,
      'content-type': 'application/x-www-form-urlencoded',
      ...options.headers,
    };
    const origin = options.origin === undefined ? ORIGIN : options.origin;
    if (origin !== null) headers.origin = origin;
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers,
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** Posts a form with one file input named "file", as the import wizard's upload form. */
  async postFile(
    url: string,
    fields: Record<string, string>,
    file: { name: string; type: string; content: Buffer | string },
  ) {
    const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
    return this.postMultipart(url, fields, [
      { name: 'file', fileName: file.name, contentType: file.type, content },
    ]);
  }

  /** Posts a form with file inputs, as multipart/form-data from the site's own origin. */
  async postMultipart(url: string, fields: Record<string, string>, files: FormFile[]) {
    const { body, contentType } = multipartBody(fields, files);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader, 'content-type': contentType, origin: ORIGIN },
        payload: body,
      }),
    );
  }

  /** Opens the sign-in page and signs in with its token; returns the answer to the post. */
  async signIn(email: string, password: string) {
    const page = await this.get('/accedi');
    return this.post('/accedi', { _csrf: tokenIn(page.body), email, password });
  }
}

/** The token in the first form of a page. */
export function tokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no form token on the page');
  return match[1] as string;
}

/** A hidden field's value in the form posting to `action`. */
export function hiddenIn(html: string, action: string, name: string): string {
  const at = html.indexOf(`action="${action}"`);
  if (at === -1) throw new Error(`no form posting to ${action}`);
  const rest = html.slice(at);
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(rest);
  if (!match) throw new Error(`no field ${name} in the form posting to ${action}`);
  return match[1] as string;
}

/** A file field of a multipart form. */
export interface FormFile {
  name: string;
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** A multipart/form-data body, as a browser sends a form with a file input. */
export function multipartBody(fields: Record<string, string>, files: FormFile[]) {
  const boundary = `----pianoFormBoundary${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.fileName}"\r\nContent-Type: ${f.contentType}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
