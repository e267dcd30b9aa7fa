/**
 * What every page needs to know about the request it answers: the language (Italian at `/…`,
 * English at `/en/…`, the same page either way), its messages and formats, and the path without
 * the language prefix, so that links and the language switch keep the visitor on the same page.
 */
import { formatFor, type DocumentFormat } from '../documents/format.js';
import type { DocumentLang } from '../documents/labels.js';
import { messagesFor, type Messages } from './i18n/index.js';

export type WebLang = DocumentLang;

export interface PageContext {
  lang: WebLang;
  t: Messages;
  f: DocumentFormat;
  /** The page's path without the language prefix, e.g. `/enti/c_z999`. */
  path: string;
  /** The query string as received, with its leading `?`, or ''. */
  search: string;
  /** Today in Italy (YYYY-MM-DD): deadlines and reports are judged against it. */
  today: string;
}

export const ENGLISH_PREFIX = '/en';

/** Splits `/en/enti/x?y` into the language and the Italian path `/enti/x`. */
export function pathLanguage(url: string): { lang: WebLang; path: string; search: string } {
  const at = url.indexOf('?');
  const pathname = at === -1 ? url : url.slice(0, at);
  const search = at === -1 ? '' : url.slice(at);
  if (pathname === ENGLISH_PREFIX || pathname.startsWith(`${ENGLISH_PREFIX}/`)) {
    return { lang: 'en', path: pathname.slice(ENGLISH_PREFIX.length) || '/', search };
  }
  return { lang: 'it', path: pathname, search };
}

export function pageContext(url: string, today: string): PageContext {
  const { lang, path, search } = pathLanguage(url);
  return { lang, t: messagesFor(lang), f: formatFor(lang), path, search, today };
}

/** A link to another page of the site, in the page's own language. */
export function href(ctx: Pick<PageContext, 'lang'>, path: string): string {
  if (ctx.lang === 'it') return path;
  return path === '/' ? `${ENGLISH_PREFIX}/` : `${ENGLISH_PREFIX}${path}`;
}

/** The same page (path and query) in another language. */
export function samePageIn(ctx: PageContext, lang: WebLang): string {
  return `${href({ lang }, ctx.path)}${ctx.search}`;
}

/** A query string from parameters, leaving out empty ones: `?a=1&b=x`, or '' when none. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
