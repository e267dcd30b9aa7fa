/**
 * The action list's route: the plan as the interchange document (readPlanDocument, the read the
 * API's GET …/document serves), narrowed and ordered by the query string.
 */
import type { PlanDocument } from '../../domain/model/interchange.js';
import { readPlanDocument } from '../../operations/read-plan-document.js';
import { ActionListPage } from './action-list-page.js';
import { readActionQuery, SEARCH_MAX, selectActions } from './action-list.js';
import { param, send, type RouteKit } from './http.js';
import type { FieldErrors } from './ui.js';

export function registerActionListRoutes(kit: RouteKit) {
  const { db, route, signedIn } = kit;

  route(
    'GET',
    '/gestione/piani/:plan/azioni',
    signedIn(async (request, reply, desk) => {
      const t = desk.ctx.t;
      const planId = param(request, 'plan');
      const read = await readPlanDocument({ db, principal: desk.principal, planId });
      const doc = JSON.parse(read.body) as PlanDocument;
      const { query, searchTooLong } = readActionQuery(
        request.query as Record<string, unknown>,
        doc,
      );
      const errors: FieldErrors = searchTooLong
        ? { search: t.alSearchTooLong(String(SEARCH_MAX)) }
        : {};
      const view = {
        planId,
        doc,
        query,
        shown: selectActions(doc, query, desk.ctx.today),
        errors,
      };
      return send(reply, <ActionListPage desk={desk} view={view} />, searchTooLong ? 400 : 200);
    }),
  );
}
