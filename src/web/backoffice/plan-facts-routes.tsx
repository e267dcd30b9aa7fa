/**
 * The plan facts editor's routes: the page, and its save through updatePlan (the operation the
 * API's PATCH /api/plans/:id calls) with the version read.
 */
import type { FastifyReply } from 'fastify';
import { PianoError } from '../../domain/errors.js';
import { FROZEN_STATUSES } from '../../domain/rules/plan-lifecycle.js';
import { roleIn } from '../../domain/rules/permissions.js';
import { readCatalog } from '../../operations/read-catalog.js';
import { readPlan } from '../../operations/read-plan.js';
import { updatePlan } from '../../operations/update-plan.js';
import { href } from '../page-context.js';
import { param, redirect, send, type RouteKit } from './http.js';
import { PlanFactsPage, planFactsPath, type PlanFactsView } from './plan-facts-page.js';
import {
  checkPlanFacts,
  mergeTyped,
  planFactsChanges,
  planFactsFormFrom,
  planFactsFormOf,
  readFrom,
  type PlanFactsForm,
} from './plan-facts.js';
import { formOf } from './security.js';
import type { Desk, FieldErrors } from './ui.js';

const editions = () => readCatalog().editions.map((e) => e.edition);

export function registerPlanFactsRoutes(kit: RouteKit) {
  const { db, route, signedIn } = kit;

  async function factsPage(
    reply: FastifyReply,
    desk: Desk,
    planId: string,
    state: {
      form?: PlanFactsForm;
      errors?: FieldErrors;
      conflict?: { read: PlanFactsForm; typed: PlanFactsForm };
    } = {},
    status = 200,
  ) {
    const plan = await readPlan({ db, principal: desk.principal, planId });
    const stored = planFactsFormOf(plan);
    const view: PlanFactsView = {
      planId: plan.id,
      planTitle: plan.title,
      version: plan.version,
      form: state.form ?? stored,
      read: stored,
      editions: editions(),
      editable: FROZEN_STATUSES.has(plan.status)
        ? 'frozen'
        : roleIn(desk.principal, plan.organizationId) === 'admin'
          ? 'yes'
          : 'not_admin',
      errors: state.errors ?? {},
      conflict: state.conflict ? { ...state.conflict, current: stored } : undefined,
    };
    return send(reply, <PlanFactsPage desk={desk} view={view} />, status);
  }

  route(
    'GET',
    '/gestione/piani/:plan/dati',
    signedIn(async (request, reply, desk) => factsPage(reply, desk, param(request, 'plan'))),
  );

  route(
    'POST',
    '/gestione/piani/:plan/dati',
    signedIn(async (request, reply, desk) => {
      const planId = param(request, 'plan');
      const t = desk.ctx.t;
      const body = formOf(request);
      const plan = await readPlan({ db, principal: desk.principal, planId });
      const stored = planFactsFormOf(plan);
      const read = readFrom(body, stored);
      const typed = planFactsFormFrom(body);
      const errors = checkPlanFacts(typed, editions(), t, stored.nationalEdition);
      if (Object.keys(errors).length) {
        return factsPage(reply, desk, planId, { form: typed, errors }, 400);
      }
      const changes = planFactsChanges(typed, read);
      const back = `${href(desk.ctx, planFactsPath(plan.id))}?esito=dati`;
      if (Object.keys(changes).length === 0) return redirect(reply, back);
      try {
        await updatePlan({
          db,
          principal: desk.principal,
          planId: plan.id,
          version: Number.parseInt(body.version ?? '', 10) || 0,
          changes,
        });
      } catch (error) {
        if (!(error instanceof PianoError)) throw error;
        if (error.code === 'version_conflict') {
          const current = planFactsFormOf(
            await readPlan({ db, principal: desk.principal, planId }),
          );
          const form = mergeTyped(typed, read, current);
          return factsPage(reply, desk, planId, { form, conflict: { read, typed } }, 409);
        }
        if (error.code === 'validation') {
          const problems: FieldErrors = {};
          for (const p of error.problems) {
            const field = p.field.replace(/^\//, '').split('/')[0] ?? '';
            problems[field in typed ? field : 'title'] = p.message;
          }
          return factsPage(reply, desk, planId, { form: typed, errors: problems }, 400);
        }
        if (error.code === 'forbidden' || error.code === 'plan_frozen') {
          return kit.refused(reply, desk, error, error.code === 'forbidden' ? 403 : 409);
        }
        throw error;
      }
      return redirect(reply, back);
    }),
  );
}
