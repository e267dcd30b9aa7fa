/**
 * The catalog picker's post: link an action to a line of the national plan or a PNRR measure, or
 * unlink it, through updatePart (the operation the API's PATCH calls) with the version the page
 * was read at. The picker itself is part of the action editor's page (`?cerca=` searches);
 * `pickerView` builds what it shows.
 */
import type { FastifyReply } from 'fastify';
import { editionForPlan, type Catalog } from '../../domain/catalog/catalog.js';
import { pickLinks, titleOfCode } from '../../domain/catalog/search.js';
import { PianoError } from '../../domain/errors.js';
import { FROZEN_STATUSES } from '../../domain/rules/plan-lifecycle.js';
import { readCatalog } from '../../operations/read-catalog.js';
import { readPart } from '../../operations/read-part.js';
import { updatePart } from '../../operations/update-part.js';
import { href, queryString, type PageContext } from '../page-context.js';
import { PICKER_OPS, type PickerOp, type PickerView } from './catalog-picker.js';
import { param, redirect, send, type RouteKit } from './http.js';
import { actionPath } from './paths.js';
import { formOf } from './security.js';
import { MessagePage, type Desk } from './ui.js';

/** What the action page asks of the picker: the search typed, a conflict or an error to show. */
export interface PickerState {
  /** The `cerca` parameter as received (anything: a query can repeat it). */
  search?: unknown;
  conflict?: { op: PickerOp; code: string };
  error?: string;
}

/** The plan facts the picker needs: which national edition it follows, whether it is frozen. */
interface PlanFacts {
  startYear: number;
  endYear: number;
  nationalEdition?: string | null;
  status: string;
}

/** The search text, or why it cannot run (too long, control characters, repeated). */
export function checkSearch(
  raw: unknown,
  t: PageContext['t'],
): { text: string; error: string | null } | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string') return { text: '', error: t.pkSearchInvalid };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(raw)) return { text: '', error: t.pkSearchInvalid };
  const text = raw.trim();
  if (text.length >= 200) return { text: text.slice(0, 199), error: t.pkSearchTooLong };
  return text ? { text, error: null } : null;
}

/** What the picker shows for an action of a plan, and the page's status (400 for a bad search). */
export function pickerView(
  plan: PlanFacts,
  row: Record<string, unknown>,
  state: PickerState,
  t: PageContext['t'],
): { view: PickerView; status: number } {
  const catalog = readCatalog();
  const edition = editionForPlan(catalog, plan);
  const refs = (row.catalogRefs as string[] | undefined) ?? [];
  const measures = (row.pnrrMeasures as string[] | undefined) ?? [];
  const checked = checkSearch(state.search, t);
  const search = checked
    ? {
        ...checked,
        hits: checked.error ? null : pickLinks(catalog, edition, checked.text),
      }
    : null;
  return {
    view: {
      edition: edition.edition,
      editable: !FROZEN_STATUSES.has(plan.status),
      lines: refs.map((code) => ({ code, title: titleOfCode(catalog, edition, code) })),
      measures: measures.map((code) => ({
        code,
        title: catalog.measures.get(code)?.title ?? null,
      })),
      search,
      conflict: state.conflict ?? null,
      error: state.error ?? null,
    },
    status: search?.error ? 400 : 200,
  };
}

/** The outcome each kind of post announces on the page it returns to (NOTICES in routes.tsx). */
const OUTCOMES: Record<PickerOp, string> = {
  collega: 'collegata',
  scollega: 'scollegata',
  'collega-misura': 'misura-collegata',
  'scollega-misura': 'misura-scollegata',
};

/** The field of the action each kind of post changes. */
const FIELDS: Record<PickerOp, 'catalogRefs' | 'pnrrMeasures'> = {
  collega: 'catalogRefs',
  scollega: 'catalogRefs',
  'collega-misura': 'pnrrMeasures',
  'scollega-misura': 'pnrrMeasures',
};

type ActionRow = Awaited<ReturnType<typeof readPart>>;

/** What the router lends the picker beyond the kit: the action page. */
export interface PickerKit extends RouteKit {
  actionPage: (
    reply: FastifyReply,
    desk: Desk,
    planId: string,
    state: { row: ActionRow; picker?: PickerState },
    status?: number,
  ) => Promise<unknown>;
}

const knownCode = (catalog: Catalog, op: PickerOp, code: string) =>
  op === 'collega' ? catalog.codes.has(code) : catalog.measures.has(code);

export function registerCatalogPickerRoutes(kit: PickerKit) {
  const { db, route, signedIn, actionPage, refused } = kit;

  route(
    'POST',
    '/gestione/piani/:plan/azioni/:action/collegamenti',
    signedIn(async (request, reply, desk) => {
      const planId = param(request, 'plan');
      const key = param(request, 'action');
      const principal = desk.principal;
      const t = desk.ctx.t;
      const f = formOf(request);
      const stored = await readPart({ db, principal, part: 'action', planId, key });
      const search = checkSearch(f.cerca, t);
      const carried = search && !search.error ? search.text : undefined;
      const op = PICKER_OPS.find((o) => typeof f[o] === 'string' && f[o].trim() !== '');
      const code = op ? (f[op] ?? '').trim().slice(0, 100) : '';
      const again = (picker: PickerState, status: number) =>
        actionPage(
          reply,
          desk,
          planId,
          { row: stored, picker: { search: carried, ...picker } },
          status,
        );
      if (!op) return again({ error: t.pkNothingChosen }, 400);
      if (op.startsWith('collega') && !knownCode(readCatalog(), op, code)) {
        return again({ error: t.pkUnknownCode(code) }, 400);
      }
      const field = FIELDS[op];
      const current = (stored[field] as string[] | undefined) ?? [];
      const next = op.startsWith('collega')
        ? current.includes(code)
          ? current
          : [...current, code]
        : current.filter((c) => c !== code);
      const back = `${href(desk.ctx, actionPath(planId, key))}${queryString({
        esito: OUTCOMES[op],
        cerca: carried,
      })}#collegamenti`;
      if (next.length === current.length && next.every((c, i) => c === current[i])) {
        return redirect(reply, back);
      }
      const version = Number.parseInt(f.version ?? '', 10) || 0;
      try {
        await updatePart({
          db,
          principal,
          part: 'action',
          planId,
          key,
          version,
          changes: { [field]: next },
        });
      } catch (error) {
        if (!(error instanceof PianoError)) throw error;
        if (error.code === 'version_conflict') {
          const now = await readPart({ db, principal, part: 'action', planId, key });
          return actionPage(
            reply,
            desk,
            planId,
            { row: now, picker: { search: carried, conflict: { op, code } } },
            409,
          );
        }
        if (error.code === 'forbidden') return refused(reply, desk, error);
        if (error.code === 'plan_frozen') return frozen(reply, desk, planId, key, error);
        if (error.code === 'validation') {
          const why = error.problems.map((p) => p.message).join('; ') || error.message;
          return again({ error: why }, 400);
        }
        throw error;
      }
      return redirect(reply, back);
    }),
  );
}

/** A post on an approved or published revision: why, and the way back to the action. */
function frozen(reply: FastifyReply, desk: Desk, planId: string, key: string, error: PianoError) {
  const t = desk.ctx.t;
  return send(
    reply,
    <MessagePage
      desk={desk}
      title={t.pkRefusedTitle}
      text={error.message}
      back={{ path: actionPath(planId, key), label: t.pkBackToAction }}
    />,
    409,
  );
}
