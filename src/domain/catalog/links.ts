import type { FieldProblem } from '../errors.js';
import type { Catalog } from './catalog.js';

/** What a field links to: a code of the AgID plan, or a PNRR M1C1 measure. */
export type LinkTarget = 'catalog' | 'pnrr';

const MESSAGES: Record<LinkTarget, (code: string) => string> = {
  catalog: (code) => `il codice "${code}" non è nel catalogo del Piano triennale nazionale`,
  pnrr: (code) => `la misura "${code}" non è tra le misure PNRR M1C1 del catalogo`,
};

/**
 * Links from a plan to the national framework must name real codes: a typo ("CAP4.PA.3")
 * would otherwise silently drop the action from every coverage figure. `value` is one code,
 * a list of codes (each problem then names its index) or null.
 */
export function unknownLinks(
  field: string,
  value: unknown,
  to: LinkTarget,
  catalog: Catalog,
): FieldProblem[] {
  const known = to === 'catalog' ? catalog.codes : catalog.measures;
  const check = (code: unknown, at: string): FieldProblem[] =>
    typeof code === 'string' && !known.has(code)
      ? [{ field: at, message: MESSAGES[to](code) }]
      : [];
  if (Array.isArray(value)) return value.flatMap((code, i) => check(code, `${field}/${i}`));
  return check(value, field);
}

/** The links an action carries. */
export const ACTION_LINKS: { prop: 'catalogRefs' | 'pnrrMeasures'; to: LinkTarget }[] = [
  { prop: 'catalogRefs', to: 'catalog' },
  { prop: 'pnrrMeasures', to: 'pnrr' },
];

/** Every link of a plan document: actions' codes and measures, spending items' measures. */
export function checkDocumentLinks(
  doc: {
    actions: { catalogRefs: string[]; pnrrMeasures: string[] }[];
    spending: { pnrrMeasure: string | null }[];
  },
  catalog: Catalog,
): FieldProblem[] {
  return [
    ...doc.actions.flatMap((action, i) =>
      ACTION_LINKS.flatMap(({ prop, to }) =>
        unknownLinks(`/actions/${i}/${prop}`, action[prop], to, catalog),
      ),
    ),
    ...doc.spending.flatMap((s, i) =>
      unknownLinks(`/spending/${i}/pnrrMeasure`, s.pnrrMeasure, 'pnrr', catalog),
    ),
  ];
}
