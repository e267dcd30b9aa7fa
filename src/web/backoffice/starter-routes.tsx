/**
 * The starter page's routes: the proposals come from proposeStarterActions and the chosen ones
 * are added by acceptStarterActions, the operations the API and `piano starter` call.
 */
import type { FastifyReply } from 'fastify';
import { PianoError } from '../../domain/errors.js';
import { acceptStarterActions } from '../../operations/accept-starter-actions.js';
import { proposeStarterActions } from '../../operations/propose-starter-actions.js';
import { readPlan } from '../../operations/read-plan.js';
import { href } from '../page-context.js';
import { param, redirect, send, type RouteKit } from './http.js';
import { planEditPath } from './paths.js';
import { CHOICE_PREFIX, StarterPage } from './starter-page.js';
import { formOf } from './security.js';
import { MessagePage, type Desk, type FieldErrors } from './ui.js';

export function registerStarterRoutes(kit: RouteKit) {
  const { db, route, signedIn } = kit;

  async function starterPage(
    reply: FastifyReply,
    desk: Desk,
    planId: string,
    chosen: ReadonlySet<string> = new Set(),
    errors: FieldErrors = {},
    status = 200,
  ) {
    const principal = desk.principal;
    const plan = await readPlan({ db, principal, planId });
    const { items } = await proposeStarterActions({
      db,
      principal,
      planId: plan.id,
      today: desk.ctx.today,
    });
    const view = { planId: plan.id, planTitle: plan.title, proposals: items, chosen };
    return send(reply, <StarterPage desk={desk} view={view} errors={errors} />, status);
  }

  function refused(reply: FastifyReply, desk: Desk, planId: string, error: PianoError) {
    const t = desk.ctx.t;
    return send(
      reply,
      <MessagePage
        desk={desk}
        title={t.boRefusedTitle}
        text={error.message}
        back={{ path: planEditPath(planId), label: t.boBackToPlan }}
      />,
      error.code === 'forbidden' ? 403 : 409,
    );
  }

  route(
    'GET',
    '/gestione/piani/:plan/avvio',
    signedIn(async (request, reply, desk) => starterPage(reply, desk, param(request, 'plan'))),
  );

  route(
    'POST',
    '/gestione/piani/:plan/avvio',
    signedIn(async (request, reply, desk) => {
      const planId = param(request, 'plan');
      const form = formOf(request);
      const proposals = Object.entries(form)
        .filter(([name]) => name.startsWith(CHOICE_PREFIX))
        .map(([, id]) => id)
        .slice(0, 200);
      if (proposals.length === 0) {
        const errors = { choices: desk.ctx.t.stNoneChosen };
        return starterPage(reply, desk, planId, new Set(), errors, 400);
      }
      try {
        await acceptStarterActions({
          db,
          principal: desk.principal,
          planId,
          proposals,
          today: desk.ctx.today,
        });
      } catch (error) {
        if (!(error instanceof PianoError)) throw error;
        if (error.code === 'validation') {
          // A proposal no longer offered (someone added it meanwhile): the page as it is now.
          const errors = { choices: error.message };
          return starterPage(reply, desk, planId, new Set(proposals), errors, 409);
        }
        if (['forbidden', 'plan_frozen'].includes(error.code)) {
          return refused(reply, desk, planId, error);
        }
        throw error;
      }
      return redirect(reply, `${href(desk.ctx, planEditPath(planId))}?esito=aggiunto`);
    }),
  );
}
