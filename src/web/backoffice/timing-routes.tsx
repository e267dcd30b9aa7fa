/**
 * The live reading of timing words for the editor's script: what "entro giugno 2026" means in
 * the plan's period, by the same rule a save applies (normalizeTiming), worded as the saved item
 * shows it. A JSON answer for a signed-in person who may read the plan (readPlan decides).
 */
import { normalizeTiming } from '../../domain/rules/normalize-plan.js';
import { readPlan } from '../../operations/read-plan.js';
import { param, type RouteKit } from './http.js';
import { timingReading } from './ui.js';

export const TIMING_MAX = 2000;

export function registerTimingRoutes(kit: RouteKit) {
  const { db, route, signedIn } = kit;
  route(
    'GET',
    '/gestione/piani/:plan/tempi',
    signedIn(async (request, reply, desk) => {
      const plan = await readPlan({
        db,
        principal: desk.principal,
        planId: param(request, 'plan'),
      });
      const words = (request.query as Record<string, unknown>).testo;
      const text = typeof words === 'string' ? words.trim() : '';
      reply.header('cache-control', 'private, no-store');
      if (text.length > TIMING_MAX) {
        return reply.status(422).send({ text: desk.ctx.t.seTimingTooLong, resolved: false });
      }
      return reply.send(timingReading(desk.ctx, text ? normalizeTiming(text, plan) : null));
    }),
  );
}
