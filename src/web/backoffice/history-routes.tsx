/**
 * The audit history pages of a plan and its items, and the calendar feed's address: each reads
 * or writes through one operation (listAuditEvents, readCalendarToken, issueCalendarToken,
 * revokeCalendarToken), which lets the organization's admin only.
 */
import type { FastifyReply } from 'fastify';
import { PianoError } from '../../domain/errors.js';
import { issueCalendarToken } from '../../operations/issue-calendar-token.js';
import { listAuditEvents } from '../../operations/list-audit-events.js';
import { readCalendarToken } from '../../operations/read-calendar-token.js';
import { readPlan } from '../../operations/read-plan.js';
import { revokeCalendarToken } from '../../operations/revoke-calendar-token.js';
import { href } from '../page-context.js';
import { CalendarPage, HistoryPage } from './history-page.js';
import { param, redirect, send, type RouteKit } from './http.js';
import { formOf } from './security.js';
import { MessagePage, type Desk } from './ui.js';

const PAGE_SIZE = 50;
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$|^[0-9a-f-]{36}$/;

export function registerHistoryRoutes(kit: RouteKit) {
  const { db, route, signedIn } = kit;

  /** Only the organization's admin reads the audit trail; others are told so. */
  function adminsOnly(reply: FastifyReply, desk: Desk, error: unknown) {
    if (!(error instanceof PianoError) || error.code !== 'forbidden') throw error;
    const t = desk.ctx.t;
    return send(
      reply,
      <MessagePage
        desk={desk}
        title={t.boRefusedTitle}
        text={error.message}
        back={{ path: '/gestione', label: t.boBackOffice }}
      />,
      403,
    );
  }

  route(
    'GET',
    '/gestione/piani/:plan/storico',
    signedIn(async (request, reply, desk) => {
      const principal = desk.principal;
      const plan = await readPlan({ db, principal, planId: param(request, 'plan') });
      const query = request.query as Record<string, unknown>;
      const text = (name: string) => (typeof query[name] === 'string' ? query[name] : '');
      const type = text('tipo');
      const id = text('voce');
      const item = /^[a-z_]{1,40}$/.test(type) && KEY.test(id) ? { type, id } : null;
      const page = Math.min(Math.max(Number.parseInt(text('pagina'), 10) || 1, 1), 100_000);
      try {
        const events = await listAuditEvents({
          db,
          principal,
          organizationId: plan.organizationId,
          planId: plan.id,
          entityType: item?.type,
          entityId: item?.id,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        });
        const view = {
          planId: plan.id,
          planTitle: plan.title,
          item,
          events: events.items,
          page,
          pages: Math.max(1, Math.ceil(events.total / PAGE_SIZE)),
        };
        return send(reply, <HistoryPage desk={desk} view={view} />);
      } catch (error) {
        return adminsOnly(reply, desk, error);
      }
    }),
  );

  async function calendarPage(reply: FastifyReply, desk: Desk, issued?: string) {
    try {
      const { live } = await readCalendarToken({
        db,
        principal: desk.principal,
        organizationId: desk.organizationId ?? '',
      });
      return send(reply, <CalendarPage desk={desk} view={{ live, issued }} />);
    } catch (error) {
      return adminsOnly(reply, desk, error);
    }
  }

  route(
    'GET',
    '/gestione/calendario',
    signedIn(async (_request, reply, desk) => calendarPage(reply, desk)),
  );

  route(
    'POST',
    '/gestione/calendario',
    signedIn(async (request, reply, desk) => {
      const organizationId = desk.organizationId ?? '';
      const principal = desk.principal;
      try {
        if (formOf(request).azione === 'revoca') {
          await revokeCalendarToken({ db, principal, organizationId });
          return redirect(
            reply,
            `${href(desk.ctx, '/gestione/calendario')}?esito=calendario-revocato`,
          );
        }
        const { token } = await issueCalendarToken({ db, principal, organizationId });
        // The address is shown in the answer to the post, once: only its hash is stored.
        const address = `${kit.publicUrl}/calendar/${token}.ics`;
        const withNotice = { ...desk, notice: desk.ctx.t.hiCalendarIssued };
        return calendarPage(reply, withNotice, address);
      } catch (error) {
        return adminsOnly(reply, desk, error);
      }
    }),
  );
}
