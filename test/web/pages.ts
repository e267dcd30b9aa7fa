/**
 * Every page template of the web interface and the states worth seeing (search results, an
 * empty search, filters, no match, page not found), at the addresses of the demo plan. The
 * accessibility tests and `npm run screenshots` go through this one list.
 */
export interface WebPage {
  name: string;
  /** The Italian address; the English one is the same under /en. */
  path: string;
  status?: number;
}

export const PLAN = '/enti/c_z999/piani/2025-2027';

export const PORTAL_PAGES: WebPage[] = [
  { name: 'home', path: '/' },
  { name: 'home-search', path: '/?q=Valdimonte' },
  { name: 'home-no-results', path: '/?q=nessun-ente-con-questo-nome' },
  { name: 'organization', path: '/enti/c_z999' },
  { name: 'plan', path: PLAN },
  { name: 'plan-filtered', path: `${PLAN}?settore=serv-dem&stato=in_progress` },
  { name: 'plan-no-match', path: `${PLAN}?stato=cancelled` },
  { name: 'action', path: `${PLAN}/azioni/a1.5` },
  { name: 'about', path: '/piano-triennale' },
  { name: 'open-data', path: '/dati-aperti' },
  { name: 'accessibility', path: '/accessibilita' },
  { name: 'privacy', path: '/privacy' },
  { name: 'legal-notes', path: '/note-legali' },
  { name: 'not-found', path: '/enti/nessun-ente', status: 404 },
];

export const inLanguage = (path: string, lang: 'it' | 'en') =>
  lang === 'it' ? path : path === '/' ? '/en/' : `/en${path}`;
