/**
 * The files pages load — bootstrap-italia's stylesheet and icon sprite, the fonts it ships,
 * piano's own stylesheet and the pages' scripts — served by piano itself (never a CDN) under
 * names that carry a hash of their content, so browsers keep them for a year and fetch a file
 * again only when it changed. Scripts are bundled per page with esbuild when the server starts
 * (tens of milliseconds), from the sources in `client/`, so there is no second build to go stale.
 *
 * Served from memory rather than with @fastify/static: the files are few and small, come from
 * several packages, and need content-hashed names, which a static folder handler does not give.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

export interface Asset {
  body: Buffer;
  type: string;
  /** The path it is served at: `/assets/piano.3f9c2a1b.css`. */
  url: string;
}

/** URLs of the assets a page links, by their plain names. */
export interface AssetUrls {
  style(name: string): string;
  script(name: string): string;
  file(name: string): string;
}

export interface AssetRegistry extends AssetUrls {
  /** Bytes of a page script, for the budget checks (bench and tests). */
  scriptBytes(name: string): Buffer;
  byUrl: Map<string, Asset>;
}

const require = createRequire(import.meta.url);
const kit = (path: string) => require.resolve(`bootstrap-italia/dist/${path}`);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** The browser sources are bundled from src/ whether the server runs from src/ or dist/. */
const CLIENT_DIR = fileURLToPath(new URL('../../src/web/client/', import.meta.url));

const FONT_DIR = 'fonts/Titillium_Web';
/** The weights and styles bootstrap-italia's stylesheet asks for. */
const FONTS: { file: string; weight: number; style: 'normal' | 'italic' }[] = [
  { file: 'titillium-web-v10-latin-ext_latin-300', weight: 300, style: 'normal' },
  { file: 'titillium-web-v10-latin-ext_latin-regular', weight: 400, style: 'normal' },
  { file: 'titillium-web-v10-latin-ext_latin-italic', weight: 400, style: 'italic' },
  { file: 'titillium-web-v10-latin-ext_latin-600', weight: 600, style: 'normal' },
  { file: 'titillium-web-v10-latin-ext_latin-700', weight: 700, style: 'normal' },
];

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  woff2: 'font/woff2',
};

function asset(name: string, body: Buffer): Asset {
  const dot = name.lastIndexOf('.');
  const ext = name.slice(dot + 1);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return {
    body,
    type: TYPES[ext] ?? 'application/octet-stream',
    url: `/assets/${name.slice(0, dot)}.${hash}.${ext}`,
  };
}

/** Reads, bundles and hashes every asset; call once per process. */
export async function buildAssets(): Promise<AssetRegistry> {
  const byName = new Map<string, Asset>();
  const add = (name: string, body: Buffer) => byName.set(name, asset(name, body));

  add('bootstrap-italia.css', readFileSync(kit('css/bootstrap-italia.min.css')));
  add('sprites.svg', readFileSync(kit('svg/sprites.svg')));
  for (const font of FONTS)
    add(`${font.file}.woff2`, readFileSync(kit(`${FONT_DIR}/${font.file}.woff2`)));
  // The kit's own font loader writes an inline <style>, which the Content-Security-Policy
  // forbids: the faces are declared here instead, pointing at the hashed font files.
  const faces = FONTS.map(
    (f) =>
      `@font-face{font-family:"Titillium Web";font-style:${f.style};font-weight:${f.weight};font-display:swap;src:url(${byName.get(`${f.file}.woff2`)?.url}) format("woff2")}`,
  ).join('\n');
  add('fonts.css', Buffer.from(faces));
  add('piano.css', readFileSync(here('./assets/piano.css')));
  add('favicon.svg', readFileSync(here('./assets/favicon.svg')));
  for (const [name, body] of await bundleClientScripts()) add(name, body);

  const url = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(`Unknown asset ${name}`);
    return found.url;
  };
  return {
    style: url,
    file: url,
    script: (name) => url(`${name}.js`),
    scriptBytes: (name) => byName.get(`${name}.js`)?.body ?? Buffer.alloc(0),
    byUrl: new Map([...byName.values()].map((a) => [a.url, a])),
  };
}

/** One minified ES module per entry point in client/ (`plan.ts` → `plan.js`). */
async function bundleClientScripts(): Promise<[string, Buffer][]> {
  const entries = readdirSync(CLIENT_DIR).filter((f) => /^[a-z-]+\.ts$/.test(f));
  if (entries.length === 0) return [];
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      entryPoints: entries.map((f) => join(CLIENT_DIR, f)),
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2020', 'chrome80', 'firefox78', 'safari13'],
      write: false,
      outdir: '/',
      logLevel: 'silent',
    });
    return result.outputFiles.map((f) => [
      f.path.split('/').pop() as string,
      Buffer.from(f.contents),
    ]);
  } finally {
    // The bundler runs as a child process: let it go once the scripts are made.
    await esbuild.stop();
  }
}

/** Serves every asset at its hashed URL, cacheable for a year. */
export function registerAssets(app: FastifyInstance, assets: AssetRegistry) {
  app.get('/assets/:file', { schema: { hide: true } }, async (request, reply) => {
    const found = assets.byUrl.get(request.url.split('?')[0] ?? '');
    if (!found) return reply.callNotFound();
    return reply
      .header('content-type', found.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(found.body);
  });
}
