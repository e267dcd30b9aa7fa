/**
 * The back office's addresses. Pages answer GET; every change is a form post checked for its
 * origin and token, calling one operation, then redirecting (post/redirect/get) to a page that
 * announces the outcome. A refused or conflicting post answers with a page that keeps what the
 * user typed. Nothing here is cached: every answer is `private, no-store`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PianoError, ThrottledError } from '../../domain/errors.js';
import { ActionInputSchema, ACTION_STATUSES } from '../../domain/model/action.js';
import { inputForm } from '../../domain/model/common.js';
import { PrioritySchema } from '../../domain/model/priority.js';
import { FROZEN_STATUSES } from '../../domain/rules/plan-lifecycle.js';
import { roleIn } from '../../domain/rules/permissions.js';
import { parseWith } from '../../domain/validation.js';
import { monitoringFacts } from '../../documents/monitoring-report.js';
import { checkPlanCompliance } from '../../operations/check-plan-compliance.js';
import { createPart } from '../../operations/create-part.js';
import { createPlan } from '../../operations/create-plan.js';
import { listLastUpdates } from '../../operations/list-last-updates.js';
import { listOrganizations } from '../../operations/list-organizations.js';
import { listComplianceCalendar } from '../../operations/list-compliance-calendar.js';
import { listParts } from '../../operations/list-parts.js';
import { readPlanDocument } from '../../operations/read-plan-document.js';
import type { PlanDocument } from '../../domain/model/interchange.js';
import { ChangesPage } from './changes-page.js';
import { DashboardPage } from './dashboard-page.js';
import { diffPlanRevisions } from '../../operations/diff-plan-revisions.js';
import { addDays } from './work.js';
import { listPlans } from '../../operations/list-plans.js';
import { readPart } from '../../operations/read-part.js';
import { readPlan } from '../../operations/read-plan.js';
import { renewSession, sessionForToken, signIn, signOut } from '../../operations/sessions.js';
import {
  finishOidcSignIn,
  OIDC_FLOW_SECONDS,
  OidcSignInError,
  startOidcSignIn,
} from '../../operations/sign-in-with-oidc.js';
import type { OidcSettings } from '../../domain/rules/oidc-identity.js';
import { OidcFailedPage, OidcSignedInPage } from './oidc-pages.js';
import { updatePart } from '../../operations/update-part.js';
import type { AssetRegistry } from '../assets.js';
import { ENGLISH_PREFIX, href, pageContext, type PageContext } from '../page-context.js';
import {
  ACTION_FORM_FIELDS,
  ActionEditPage,
  actionFormOf,
  mergeTyped,
  type ActionForm,
} from './action-page.js';
import { actionPath, planEditPath } from './paths.js';
import { PlanEditPage, PlansPage, type PlanEditView, type PlanForms } from './plan-pages.js';
import {
  acceptForms,
  checkForm,
  csrfTokenFor,
  formOf,
  newSignInToken,
  ORGANIZATION_COOKIE,
  refererPath,
  safeReturnPath,
  SESSION_COOKIE,
  setSessionCookie,
  SIGN_IN_COOKIE,
  type CookieSettings,
  type FormBody,
} from './security.js';
import { param, redirect, send, type Handler } from './http.js';
import { registerHistoryRoutes } from './history-routes.js';
import { registerPartRoutes } from './part-routes.js';
import { registerPeopleRoutes } from './people-routes.js';
import { registerPublicationRoutes } from './publication-routes.js';
import { registerStarterRoutes } from './starter-routes.js';
import {
  pickerView,
  registerCatalogPickerRoutes,
  type PickerState,
} from './catalog-picker-routes.js';
import { registerActionListRoutes } from './action-list-routes.js';
import { registerTimingRoutes } from './timing-routes.js';
import { registerPlanFactsRoutes } from './plan-facts-routes.js';
import { checkTitleAndPeriod } from './plan-facts.js';
import { planFreshness } from './freshness.js';
import { registerImportWizard } from './import-routes.js';
import { SignInPage } from './sign-in-page.js';
import { MessagePage, type Desk, type FieldErrors } from './ui.js';
import { WorkPage } from './work-page.js';
import { readWork } from './work.js';

type Db = Parameters<typeof listPlans>[0]['db'];

export interface BackOfficeOptions {
  db: Db;
  assets: AssetRegistry;
  today: () => string;
  cookies: CookieSettings;
  publicUrl: string;
  /** Sign-in through OpenID Connect, when configured. */
  oidc?: OidcSettings | null;
}

/**
 * The cookie that ties a sign-in through the provider to the browser that began it: a random
 * value whose hash finds the flow's row (state, nonce, PKCE verifier). `SameSite=Lax`, unlike
 * the session's, because the provider sends the browser back from another site.
 */
const OIDC_COOKIE = 'piano_oidc';

const NOTICES = {
  salvato: 'boSaved',
  rilevazione: 'boMeasured',
  aggiunto: 'boCreated',
  ritirato: 'peRevoked',
  rimosso: 'peRemoved',
  benvenuto: 'peWelcome',
  proposto: 'puProposed',
  bozza: 'puSentBack',
  approvato: 'puApproved',
  pubblicato: 'puPublished',
  'calendario-revocato': 'hiCalendarRevoked',
  accettata: 'boImportAccepted',
  corretta: 'boImportCorrected',
  eliminata: 'boImportDeleted',
  testo: 'boImportTurnedToText',
  riga: 'boImportLineAdded',
  importato: 'boImportSavedPlan',
  dati: 'pfSaved',
  sessione: 'seRenewed',
  collegata: 'pkLinkedLine',
  scollegata: 'pkUnlinkedLine',
  'misura-collegata': 'pkLinkedMeasure',
  'misura-scollegata': 'pkUnlinkedMeasure',
  eliminato: 'paDeleted',
} as const;

export function registerBackOfficeRoutes(app: FastifyInstance, options: BackOfficeOptions) {
  const { db, assets, today, cookies, publicUrl } = options;
  const oidc = options.oidc ?? null;
  acceptForms(app);

  const route = (method: 'GET' | 'POST', path: string, handler: Handler) => {
    for (const p of [path, `${ENGLISH_PREFIX}${path}`]) {
      app.route({
        method,
        url: p,
        schema: { hide: true },
        handler: (request, reply) => handler(request, reply, pageContext(request.url, today())),
      });
    }
  };

  /** The signed-in user and what every page shows of them, or null when nobody is. */
  async function deskOf(request: FastifyRequest, ctx: PageContext): Promise<Desk | null> {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessionForToken(db, token) : null;
    if (!token || !session) return null;
    const { principal } = session;
    const { items } = await listOrganizations({ db, principal });
    const organizations = items.map((o) => ({ id: o.id, name: o.name }));
    const chosen = request.cookies[ORGANIZATION_COOKIE];
    const organizationId =
      organizations.find((o) => o.id === chosen)?.id ?? organizations[0]?.id ?? null;
    const notice = (request.query as Record<string, unknown>).esito;
    const noticeKey = typeof notice === 'string' ? NOTICES[notice as keyof typeof NOTICES] : null;
    return {
      ctx,
      principal,
      assets,
      account: { name: principal.name || principal.email, csrf: csrfTokenFor(token) },
      organizations,
      organizationId,
      notice: noticeKey ? ctx.t[noticeKey] : undefined,
      sessionSecondsLeft: session.secondsLeft,
    };
  }
  const principalOf = (desk: Desk) => desk.principal;

  /** Runs a signed-in page, sending visitors to sign in first and coming back afterwards. */
  const signedIn =
    (
      handler: (request: FastifyRequest, reply: FastifyReply, desk: Desk) => Promise<unknown>,
      options: { multipart?: boolean } = {},
    ) =>
    async (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => {
      const desk = await deskOf(request, ctx);
      if (!desk) {
        if (request.method === 'GET') {
          return redirect(
            reply,
            `${href(ctx, '/accedi')}?torna=${encodeURIComponent(request.url)}`,
          );
        }
        // A post after the session ended: say so, and come back to the page the form was on
        // (where the browser's copy of what was typed is put back).
        const from = refererPath(request);
        const back = from ? `&torna=${encodeURIComponent(from)}` : '';
        return redirect(reply, `${href(ctx, '/accedi')}?scaduta=1${back}`);
      }
      // A multipart form's token is in its body, which the handler reads (and checks) itself.
      if (request.method === 'POST' && !options.multipart) {
        try {
          checkForm(request, 'session');
        } catch {
          return send(
            reply,
            <MessagePage
              desk={desk}
              title={ctx.t.boCsrfTitle}
              text={ctx.t.boCsrfText}
              back={{ path: '/gestione', label: ctx.t.boBackOffice }}
            />,
            403,
          );
        }
      }
      return handler(request, reply, desk);
    };

  registerImportWizard({ app, db, today, route, signedIn, send, redirect });

  // Sign in and out.
  route('GET', '/accedi', async (request, reply, ctx) => {
    const query = request.query as Record<string, unknown>;
    const returnTo = safeReturnPath(query.torna);
    if (await deskOf(request, ctx)) return redirect(reply, returnTo ?? href(ctx, '/gestione'));
    const expired = query.scaduta === '1';
    return signInForm(reply, ctx, { email: '', returnTo, errors: {}, expired }, 200);
  });

  route('POST', '/accedi', async (request, reply, ctx) => {
    const form = formOf(request);
    const email = (form.email ?? '').trim().slice(0, 320);
    const password = (form.password ?? '').slice(0, 1000);
    const returnTo = safeReturnPath(form.torna);
    try {
      checkForm(request, 'sign-in');
    } catch {
      return signInForm(reply, ctx, { email, returnTo, errors: { email: ctx.t.boCsrfText } }, 403);
    }
    const errors: FieldErrors = {};
    if (!email) errors.email = ctx.t.boEmailMissing;
    if (!password) errors.password = ctx.t.boPasswordMissing;
    if (Object.keys(errors).length) return signInForm(reply, ctx, { email, returnTo, errors }, 400);
    try {
      const { token } = await signIn(db, {
        email,
        password,
        address: request.ip,
        ttlHours: cookies.sessionHours,
      });
      setSessionCookie(reply, token, cookies);
      reply.clearCookie(SIGN_IN_COOKIE, { path: '/' });
      return redirect(reply, returnTo ?? href(ctx, '/gestione'));
    } catch (error) {
      if (error instanceof PianoError && error.code === 'unauthenticated') {
        const failed = { email: ctx.t.boSignInFailed };
        return signInForm(reply, ctx, { email, returnTo, errors: failed }, 401);
      }
      if (error instanceof ThrottledError) {
        reply.header('retry-after', String(error.retryAfterSeconds));
        const wait = { email: ctx.t.boSignInThrottled(Math.ceil(error.retryAfterSeconds / 60)) };
        return signInForm(reply, ctx, { email, returnTo, errors: wait }, 429);
      }
      throw error;
    }
  });

  function signInForm(
    reply: FastifyReply,
    ctx: PageContext,
    state: { email: string; returnTo: string | null; errors: FieldErrors; expired?: boolean },
    status: number,
  ) {
    const token = newSignInToken();
    reply.setCookie(SIGN_IN_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: cookies.secure,
      maxAge: 3600,
    });
    const oidcLabel = oidc ? (oidc.label ?? ctx.t.boOidcButton) : null;
    return send(
      reply,
      <SignInPage ctx={ctx} assets={assets} token={token} oidcLabel={oidcLabel} {...state} />,
      status,
    );
  }

  // Sign in through OpenID Connect: off to the provider, and back (README, "OpenID Connect").
  route('GET', '/accedi/oidc', async (request, reply, ctx) => {
    if (!oidc) throw new PianoError('not_found', 'Pagina non trovata');
    const returnTo =
      safeReturnPath((request.query as Record<string, unknown>).torna) ??
      href(ctx, '/gestione/lavoro');
    try {
      const { flowId, authorizationUrl } = await startOidcSignIn(db, oidc, { returnTo });
      reply.setCookie(OIDC_COOKIE, flowId, {
        path: '/accedi/oidc',
        httpOnly: true,
        sameSite: 'lax',
        secure: cookies.secure,
        maxAge: OIDC_FLOW_SECONDS,
      });
      return redirect(reply, authorizationUrl);
    } catch (error) {
      return oidcFailure(reply, ctx, error);
    }
  });

  route('GET', '/accedi/oidc/callback', async (request, reply, ctx) => {
    if (!oidc) throw new PianoError('not_found', 'Pagina non trovata');
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    reply.clearCookie(OIDC_COOKIE, { path: '/accedi/oidc' });
    try {
      const { token, returnTo } = await finishOidcSignIn(db, oidc, {
        flowId: request.cookies[OIDC_COOKIE],
        query,
        address: request.ip,
        ttlHours: cookies.sessionHours,
      });
      setSessionCookie(reply, token, cookies);
      reply.clearCookie(ORGANIZATION_COOKIE, { path: '/' });
      const done = pageContext(returnTo, today());
      return send(reply, <OidcSignedInPage ctx={done} assets={assets} to={returnTo} />);
    } catch (error) {
      return oidcFailure(reply, ctx, error);
    }
  });

  /** A sign-in through the provider that failed: the page that says why, never a 500. */
  function oidcFailure(reply: FastifyReply, ctx: PageContext, error: unknown) {
    if (!(error instanceof OidcSignInError)) throw error;
    // The callback's address has no language: the page speaks that of the sign-in's start.
    if (error.returnTo) ctx = pageContext(error.returnTo, today());
    const status = {
      provider_error: 401,
      expired: 400,
      state: 400,
      token: 401,
      no_account: 403,
      unavailable: 502,
    }[error.reason];
    // The provider's error code is shown as sent only when it looks like one.
    const code = /^[\x21-\x7e]{1,64}$/.test(error.providerError ?? '')
      ? error.providerError
      : undefined;
    return send(
      reply,
      <OidcFailedPage
        ctx={ctx}
        assets={assets}
        reason={error.reason}
        {...(code ? { providerError: code } : {})}
      />,
      status,
    );
  }

  route(
    'POST',
    '/esci',
    signedIn(async (request, reply, desk) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(ORGANIZATION_COOKIE, { path: '/' });
      return redirect(reply, href(desk.ctx, '/'));
    }),
  );

  // "Resta connesso": a full lifetime again for a live session; JSON for the page's script.
  route(
    'POST',
    '/gestione/sessione',
    signedIn(async (request, reply, desk) => {
      const token = request.cookies[SESSION_COOKIE] ?? '';
      await renewSession(db, token, cookies.sessionHours);
      setSessionCookie(reply, token, cookies);
      if ((request.headers.accept ?? '').includes('application/json')) {
        return reply
          .header('cache-control', 'no-store')
          .send({ secondsLeft: cookies.sessionHours * 3600 });
      }
      const back = safeReturnPath(formOf(request).torna) ?? href(desk.ctx, '/gestione');
      return redirect(reply, `${back}${back.includes('?') ? '&' : '?'}esito=sessione`);
    }),
  );

  // The back office's first page: an admin's plans, anyone else's work.
  route(
    'GET',
    '/gestione',
    signedIn(async (_request, reply, desk) => {
      const role = desk.organizationId ? roleIn(principalOf(desk), desk.organizationId) : null;
      return redirect(
        reply,
        href(desk.ctx, role === 'admin' ? '/gestione/piani' : '/gestione/lavoro'),
      );
    }),
  );

  route(
    'POST',
    '/gestione/ente',
    signedIn(async (request, reply, desk) => {
      const chosen = formOf(request).organizationId ?? '';
      if (desk.organizations.some((o) => o.id === chosen)) {
        reply.setCookie(ORGANIZATION_COOKIE, chosen, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: cookies.secure,
        });
      }
      return redirect(reply, href(desk.ctx, '/gestione'));
    }),
  );

  route(
    'GET',
    '/gestione/lavoro',
    signedIn(async (_request, reply, desk) => {
      if (!desk.organizationId) return noOrganization(reply, desk);
      const view = await readWork({
        db,
        principal: principalOf(desk),
        organizationId: desk.organizationId,
        today: desk.ctx.today,
      });
      return send(reply, <WorkPage desk={desk} view={view} />);
    }),
  );

  function noOrganization(reply: FastifyReply, desk: Desk) {
    const t = desk.ctx.t;
    return send(
      reply,
      <MessagePage
        desk={desk}
        title={t.boBackOffice}
        text={t.boNoOrganization}
        back={{ path: '/', label: t.goHome }}
      />,
    );
  }

  // Plans: the list, a new plan, one plan's priorities and actions.
  const emptyPlanForm = { title: '', startYear: '', endYear: '' };
  async function plansPage(
    reply: FastifyReply,
    desk: Desk,
    form = emptyPlanForm,
    errors: FieldErrors = {},
    status = 200,
  ) {
    if (!desk.organizationId) return noOrganization(reply, desk);
    const principal = principalOf(desk);
    const plans = await listPlans({
      db,
      principal,
      organizationId: desk.organizationId,
      limit: 100,
      offset: 0,
      sort: '-startYear',
    });
    return send(
      reply,
      <PlansPage
        desk={desk}
        plans={plans.items}
        canCreate={roleIn(principal, desk.organizationId) === 'admin'}
        form={form}
        errors={errors}
      />,
      status,
    );
  }

  route(
    'GET',
    '/gestione/piani',
    signedIn(async (_request, reply, desk) => plansPage(reply, desk)),
  );

  route(
    'POST',
    '/gestione/piani',
    signedIn(async (request, reply, desk) => {
      if (!desk.organizationId) return noOrganization(reply, desk);
      const t = desk.ctx.t;
      const f = formOf(request);
      const form = {
        title: (f.title ?? '').trim(),
        startYear: (f.startYear ?? '').trim(),
        endYear: (f.endYear ?? '').trim(),
      };
      const errors = checkTitleAndPeriod(form, t);
      if (Object.keys(errors).length) return plansPage(reply, desk, form, errors, 400);
      const plan = await createPlan({
        db,
        principal: principalOf(desk),
        organizationId: desk.organizationId,
        fields: {
          title: form.title,
          startYear: Number(form.startYear),
          endYear: Number(form.endYear),
          revisionLabel: null,
          nationalEdition: null,
          status: 'draft',
          approval: null,
          relatedInstruments: [],
        },
      });
      return redirect(reply, `${href(desk.ctx, planEditPath(plan.id))}?esito=aggiunto`);
    }),
  );

  const emptyPlanForms = (): PlanForms => ({
    priority: { title: '', code: '' },
    action: { title: '', priorityId: '', timing: '', unit: '' },
    errors: {},
    failed: null,
  });

  async function planEditView(desk: Desk, planId: string): Promise<PlanEditView> {
    const principal = principalOf(desk);
    const plan = await readPlan({ db, principal, planId });
    const address = { db, principal, planId: plan.id, limit: 10_000, offset: 0 };
    const [priorities, actions, units] = await Promise.all([
      listParts({ ...address, part: 'priority' }),
      listParts({ ...address, part: 'action' }),
      listParts({ ...address, part: 'unit', organizationId: plan.organizationId }),
    ]);
    return {
      plan,
      priorities: priorities.items.map((p) => ({
        id: p.id,
        code: (p.code as string | null) ?? null,
        title: p.title as string,
      })),
      actions: actions.items.map((a) => ({
        id: a.id,
        title: a.title as string,
        priorityId: a.priorityId as string,
        status: a.status as (typeof ACTION_STATUSES)[number],
        timing: (a.timing as PlanEditView['actions'][number]['timing']) ?? null,
        ownerUnitIds: (a.ownerUnitIds as string[]) ?? [],
      })),
      units: units.items.map((u) => ({ id: u.id, name: u.name as string })),
    };
  }

  async function planPage(
    reply: FastifyReply,
    desk: Desk,
    planId: string,
    forms = emptyPlanForms(),
    status = 200,
  ) {
    const view = await planEditView(desk, planId);
    const canEdit = roleIn(principalOf(desk), view.plan.organizationId) === 'admin';
    return send(
      reply,
      <PlanEditPage desk={desk} view={view} canEdit={canEdit} forms={forms} />,
      status,
    );
  }

  route(
    'GET',
    '/gestione/piani/:plan',
    signedIn(async (request, reply, desk) => planPage(reply, desk, param(request, 'plan'))),
  );

  route(
    'GET',
    '/gestione/piani/:plan/modifiche',
    signedIn(async (request, reply, desk) => {
      const principal = principalOf(desk);
      const plan = await readPlan({ db, principal, planId: param(request, 'plan') });
      const diff = plan.previousPlanId
        ? await diffPlanRevisions({ db, principal, planId: plan.previousPlanId, otherId: plan.id })
        : null;
      const view = { planId: plan.id, title: plan.title, diff };
      return send(reply, <ChangesPage desk={desk} view={view} />);
    }),
  );

  route(
    'GET',
    '/gestione/piani/:plan/cruscotto',
    signedIn(async (request, reply, desk) => {
      const principal = principalOf(desk);
      const plan = await readPlan({ db, principal, planId: param(request, 'plan') });
      const read = await readPlanDocument({ db, principal, planId: plan.id });
      const doc = JSON.parse(read.body) as PlanDocument;
      const today = desk.ctx.today;
      const calendar = await listComplianceCalendar({
        db,
        principal,
        organizationId: plan.organizationId,
        today,
      });
      const ofPlan = calendar.items.filter((i) => i.planId === plan.id || i.planId === null);
      const soon = addDays(today, 90);
      const view = {
        planId: plan.id,
        doc,
        overdue: ofPlan.filter((i) => i.status === 'overdue'),
        upcoming: ofPlan.filter((i) => i.status === 'upcoming' && i.date <= soon),
        compliance: await checkPlanCompliance({ db, principal, planId: plan.id, today }),
        canStart: plan.status === 'draft' && roleIn(principal, plan.organizationId) === 'admin',
        indicators: monitoringFacts(doc, today).indicators,
        freshness: planFreshness(
          doc,
          await listLastUpdates({ db, principal, planId: plan.id }),
          today,
        ),
      };
      return send(reply, <DashboardPage desk={desk} view={view} />);
    }),
  );

  route(
    'POST',
    '/gestione/piani/:plan/priorita',
    signedIn(async (request, reply, desk) => {
      const planId = param(request, 'plan');
      const t = desk.ctx.t;
      const f = formOf(request);
      const forms = emptyPlanForms();
      forms.priority = { title: (f.title ?? '').trim(), code: (f.code ?? '').trim() };
      if (!forms.priority.title) forms.errors.priorityTitle = t.boRequired;
      else if (forms.priority.title.length > 500) forms.errors.priorityTitle = t.boTooLong('500');
      if (forms.priority.code.length > 30) forms.errors.priorityCode = t.boTooLong('30');
      if (Object.keys(forms.errors).length) {
        forms.failed = 'priority';
        return planPage(reply, desk, planId, forms, 400);
      }
      const values = parseWith(inputForm(PrioritySchema), {
        id: `p-${Date.now().toString(36)}`,
        title: forms.priority.title,
        code: forms.priority.code || null,
      });
      await createPart({ db, principal: principalOf(desk), part: 'priority', planId, values });
      return redirect(reply, `${href(desk.ctx, planEditPath(planId))}?esito=aggiunto`);
    }),
  );

  route(
    'POST',
    '/gestione/piani/:plan/azioni',
    signedIn(async (request, reply, desk) => {
      const planId = param(request, 'plan');
      const t = desk.ctx.t;
      const f = formOf(request);
      const forms = emptyPlanForms();
      forms.action = {
        title: (f.title ?? '').trim(),
        priorityId: f.priorityId ?? '',
        timing: (f.timing ?? '').trim(),
        unit: f.unit ?? '',
      };
      if (!forms.action.title) forms.errors.actionTitle = t.boRequired;
      else if (forms.action.title.length > 1000) forms.errors.actionTitle = t.boTooLong('1000');
      if (!forms.action.priorityId) forms.errors.actionPriority = t.boRequired;
      if (forms.action.timing.length > 2000) forms.errors.actionTiming = t.boTooLong('2000');
      if (Object.keys(forms.errors).length) {
        forms.failed = 'action';
        return planPage(reply, desk, planId, forms, 400);
      }
      const id = `a-${Date.now().toString(36)}`;
      const values = parseWith(inputForm(ActionInputSchema), {
        id,
        priorityId: forms.action.priorityId,
        title: forms.action.title,
        timing: forms.action.timing || null,
        ownerUnitIds: forms.action.unit ? [forms.action.unit] : [],
      });
      await createPart({ db, principal: principalOf(desk), part: 'action', planId, values });
      return redirect(reply, `${href(desk.ctx, actionPath(planId, id))}?esito=aggiunto`);
    }),
  );

  // One action: the editor, and its save (also posted by the quick forms of "my work").
  async function actionPage(
    reply: FastifyReply,
    desk: Desk,
    planId: string,
    state: {
      row: Awaited<ReturnType<typeof readPart>>;
      form?: ActionForm;
      errors?: FieldErrors;
      conflict?: { read: ActionForm; typed: ActionForm };
      picker?: PickerState;
    },
    status = 200,
  ) {
    const principal = principalOf(desk);
    const plan = await readPlan({ db, principal, planId });
    const { row } = state;
    const units = await listParts({
      db,
      principal,
      part: 'unit',
      organizationId: plan.organizationId,
      limit: 10_000,
      offset: 0,
    });
    const stored = actionFormOf(row);
    const picker = pickerView(plan, row, state.picker ?? {}, desk.ctx.t);
    return send(
      reply,
      <ActionEditPage
        desk={desk}
        planId={plan.id}
        planTitle={plan.title}
        row={row}
        form={state.form ?? stored}
        read={stored}
        units={units.items.map((u) => ({ id: u.id, name: u.name as string }))}
        canChangeUnit={roleIn(principal, plan.organizationId) === 'admin'}
        frozen={FROZEN_STATUSES.has(plan.status)}
        errors={state.errors ?? {}}
        conflict={state.conflict ? { ...state.conflict, current: stored } : undefined}
        picker={picker.view}
      />,
      status === 200 ? picker.status : status,
    );
  }

  route(
    'GET',
    '/gestione/piani/:plan/azioni/:action',
    signedIn(async (request, reply, desk) => {
      const planId = param(request, 'plan');
      const row = await readPart({
        db,
        principal: principalOf(desk),
        part: 'action',
        planId,
        key: param(request, 'action'),
      });
      const search = (request.query as Record<string, unknown>).cerca;
      return actionPage(reply, desk, planId, { row, picker: { search } });
    }),
  );

  route(
    'POST',
    '/gestione/piani/:plan/azioni/:action',
    signedIn(async (request, reply, desk) => {
      const planId = param(request, 'plan');
      const key = param(request, 'action');
      const principal = principalOf(desk);
      const t = desk.ctx.t;
      const f = formOf(request);
      const stored = await readPart({ db, principal, part: 'action', planId, key });
      const storedForm = actionFormOf(stored);
      // The form sends the fields it has; the others stay as read.
      const read = readForm(f, storedForm);
      const typed: ActionForm = { ...read };
      for (const field of ACTION_FORM_FIELDS) {
        if (typeof f[field] === 'string') typed[field] = f[field].trim();
      }
      const errors = checkAction(typed, t);
      if (Object.keys(errors).length) {
        return actionPage(reply, desk, planId, { row: stored, form: typed, errors }, 400);
      }
      const changes: Record<string, unknown> = {};
      if (typed.title !== read.title) changes.title = typed.title;
      if (typed.status !== read.status) changes.status = typed.status;
      if (typed.progress !== read.progress) changes.progress = Number(typed.progress);
      if (typed.timing !== read.timing) changes.timing = typed.timing || null;
      if (typed.unit !== read.unit) changes.ownerUnitIds = typed.unit ? [typed.unit] : [];
      const back =
        f.from === 'lavoro'
          ? `${href(desk.ctx, '/gestione/lavoro')}?esito=salvato`
          : `${href(desk.ctx, actionPath(planId, key))}?esito=salvato`;
      if (Object.keys(changes).length === 0) return redirect(reply, back);
      const version = Number.parseInt(f.version ?? '', 10) || 0;
      try {
        await updatePart({ db, principal, part: 'action', planId, key, version, changes });
      } catch (error) {
        if (!(error instanceof PianoError)) throw error;
        if (error.code === 'version_conflict') {
          const now = await readPart({ db, principal, part: 'action', planId, key });
          const form = mergeTyped(typed, read, actionFormOf(now));
          return actionPage(
            reply,
            desk,
            planId,
            { row: now, form, conflict: { read, typed } },
            409,
          );
        }
        if (error.code === 'forbidden') {
          return refused(reply, desk, error);
        }
        if (error.code === 'plan_frozen') {
          return refused(reply, desk, error, 409);
        }
        if (error.code === 'validation') {
          const problems: FieldErrors = {};
          for (const p of error.problems) {
            const field = p.field.replace(/^\//, '').split('/')[0] ?? '';
            const name = field === 'ownerUnitIds' ? 'unit' : field;
            problems[ACTION_FORM_FIELDS.includes(name as keyof ActionForm) ? name : 'title'] =
              p.message;
          }
          if (Object.keys(problems).length === 0) problems.title = error.message;
          return actionPage(
            reply,
            desk,
            planId,
            { row: stored, form: typed, errors: problems },
            400,
          );
        }
        throw error;
      }
      return redirect(reply, back);
    }),
  );

  route(
    'POST',
    '/gestione/piani/:plan/indicatori/:indicator/rilevazioni',
    signedIn(async (request, reply, desk) => {
      const planId = param(request, 'plan');
      const indicator = param(request, 'indicator');
      const t = desk.ctx.t;
      const f = formOf(request);
      const date = (f.date ?? '').trim();
      const value = Number((f.value ?? '').trim().replace(',', '.'));
      const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date));
      if (!validDate || !(f.value ?? '').trim() || !Number.isFinite(value)) {
        return send(
          reply,
          <MessagePage
            desk={desk}
            title={t.boErrorSummary}
            text={validDate ? t.boValueInvalid : t.boDateInvalid}
            back={{ path: '/gestione/lavoro', label: t.boBackToWork }}
          />,
          400,
        );
      }
      try {
        await createPart({
          db,
          principal: principalOf(desk),
          part: 'measurement',
          planId,
          parentKey: indicator,
          values: { id: `m-${Date.now().toString(36)}`, date, value, note: null },
        });
      } catch (error) {
        if (error instanceof PianoError && error.code === 'forbidden') {
          return refused(reply, desk, error);
        }
        throw error;
      }
      return redirect(reply, `${href(desk.ctx, '/gestione/lavoro')}?esito=rilevazione`);
    }),
  );

  const kit = { app, db, assets, cookies, route, signedIn, deskOf, publicUrl, today, refused };
  registerPeopleRoutes(kit);
  registerPublicationRoutes(kit);
  registerHistoryRoutes(kit);
  registerStarterRoutes(kit);
  registerCatalogPickerRoutes({ ...kit, actionPage });
  registerActionListRoutes(kit);
  registerTimingRoutes(kit);
  registerPartRoutes(kit);
  registerPlanFactsRoutes(kit);
}

/** A change the operation refused (another unit's part): why, and the way back to one's work. */
function refused(reply: FastifyReply, desk: Desk, error: PianoError, status = 403) {
  const t = desk.ctx.t;
  return send(
    reply,
    <MessagePage
      desk={desk}
      title={t.boRefusedTitle}
      text={t.boRefusedText(error.message.replace(/\.$/, ''))}
      back={{ path: '/gestione/lavoro', label: t.boBackToWork }}
    />,
    status,
  );
}

/** The values the form was built from, as it sent them back (the stored ones when absent). */
function readForm(f: FormBody, stored: ActionForm): ActionForm {
  const read = { ...stored };
  for (const field of ACTION_FORM_FIELDS) {
    const v = f[`read_${field}`];
    if (typeof v === 'string') read[field] = v;
  }
  return read;
}

function checkAction(form: ActionForm, t: PageContext['t']): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.title) errors.title = t.boRequired;
  else if (form.title.length > 1000) errors.title = t.boTooLong('1000');
  if (!(ACTION_STATUSES as readonly string[]).includes(form.status)) {
    errors.status = t.boStatusInvalid;
  }
  if (!/^\d{1,3}$/.test(form.progress) || Number(form.progress) > 100) {
    errors.progress = t.boProgressInvalid;
  }
  if (form.timing.length > 2000) errors.timing = t.boTooLong('2000');
  return errors;
}
