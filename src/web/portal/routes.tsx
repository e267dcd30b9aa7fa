/**
 * The public portal's addresses. Each handler is a checklist: read the address, call one
 * operation, render the page (from the cache when the plan has not changed).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { found } from '../../domain/errors.js';
import type { Db } from '../../storage/db.js';
import { listPublicActionHistory } from '../../operations/list-public-action-history.js';
import { readPublicOrganization } from '../../operations/read-public-organization.js';
import { findPublicPlanRef, readPublicPlan } from '../../operations/read-public-plan.js';
import { searchPublicOrganizations } from '../../operations/search-public-organizations.js';
import type { AssetRegistry } from '../assets.js';
import type { PageOrganization } from '../components/layout.js';
import { ENGLISH_PREFIX, pageContext, type PageContext } from '../page-context.js';
import { PageCache, renderHtml, sendHtml } from '../render.js';
import { ActionPage } from './action-page.js';
import { filterParams, readFilters } from './filters.js';
import { HomePage } from './home-page.js';
import {
  AboutPage,
  AccessibilityPage,
  LegalPage,
  OpenDataPage,
  PrivacyPage,
} from './info-pages.js';
import { OrganizationPage } from './organization-page.js';
import { organizationPath, planPath } from './paths.js';
import { PlanPage } from './plan-page.js';
import { queryString } from '../page-context.js';

export interface PortalOptions {
  db: Db;
  assets: AssetRegistry;
  cache: PageCache;
  today: () => string;
}

const HOME_PAGE_SIZE = 20;

/** Registers a page at its Italian path and at the same path under /en. */
function page(
  app: FastifyInstance,
  path: string,
  handler: (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => Promise<unknown>,
  today: () => string,
) {
  const paths =
    path === '/' ? ['/', ENGLISH_PREFIX, `${ENGLISH_PREFIX}/`] : [path, `${ENGLISH_PREFIX}${path}`];
  for (const p of paths) {
    app.get(p, { schema: { hide: true } }, (request, reply) =>
      handler(request, reply, pageContext(request.url, today())),
    );
  }
}

const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string>)[name] ?? '';

const text = (query: unknown, name: string, max: number) => {
  const v = (query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
};

export function registerPortalRoutes(app: FastifyInstance, options: PortalOptions) {
  const { db, assets, cache, today } = options;

  page(
    app,
    '/',
    async (request, reply, ctx) => {
      const search = {
        text: text(request.query, 'q', 200).trim(),
        region: text(request.query, 'regione', 100),
        page: Math.min(
          Math.max(Number.parseInt(text(request.query, 'pagina', 6), 10) || 1, 1),
          10_000,
        ),
      };
      const result = await searchPublicOrganizations({
        db,
        text: search.text,
        region: search.region,
        page: search.page,
        pageSize: HOME_PAGE_SIZE,
      });
      const html = renderHtml(
        <HomePage ctx={ctx} assets={assets} search={search} result={result} />,
      );
      return sendHtml(reply, html);
    },
    today,
  );

  page(
    app,
    '/enti/:org',
    async (request, reply, ctx) => {
      const view = await readPublicOrganization({ db, ref: param(request, 'org') });
      const org = pageOrganization(view.organization);
      const key = `org|${view.organization.id}|${view.organization.revision}|${view.plans.map((p) => `${p.id}.${p.revision}.${p.status}`).join(',')}|${ctx.lang}`;
      return cache.send(request, reply, key, () =>
        renderHtml(
          <OrganizationPage
            ctx={ctx}
            assets={assets}
            page={org}
            organization={view.organization}
            roles={view.roles}
            plans={view.plans}
          />,
        ),
      );
    },
    today,
  );

  page(
    app,
    '/enti/:org/piani/:plan',
    async (request, reply, ctx) => {
      const ref = await findPublicPlanRef({
        db,
        organizationRef: param(request, 'org'),
        planRef: param(request, 'plan'),
      });
      // The filters are read from the plan itself on a render; the key takes them as sent,
      // limited to the four known names, so a cached page is found without loading the plan.
      const key = `plan|${ref.planId}|${ref.tag}|${ctx.lang}|${ctx.today}|${filterQuery(request.query)}`;
      return cache.send(request, reply, key, async () => {
        const plan = await readPublicPlan({ db, ref, today: ctx.today });
        const doc = plan.document;
        const orgRef = { id: ref.organizationId, ipaCode: doc.organization.ipaCode };
        const organization = pageOrganization({ ...doc.organization, ...orgRef });
        return renderHtml(
          <PlanPage
            ctx={ctx}
            assets={assets}
            organization={organization}
            planId={ref.planId}
            path={planPath(orgRef, { id: ref.planId, ...doc.plan })}
            plan={plan}
            filters={readFilters(request.query as Record<string, unknown>, doc)}
          />,
        );
      });
    },
    today,
  );

  page(
    app,
    '/enti/:org/piani/:plan/azioni/:action',
    async (request, reply, ctx) => {
      const ref = await findPublicPlanRef({
        db,
        organizationRef: param(request, 'org'),
        planRef: param(request, 'plan'),
      });
      const actionId = param(request, 'action');
      const key = `action|${ref.planId}|${ref.tag}|${actionId}|${ctx.lang}`;
      return cache.send(request, reply, key, async () => {
        const [plan, history] = await Promise.all([
          readPublicPlan({ db, ref, today: ctx.today }),
          listPublicActionHistory({ db, ref, actionId }),
        ]);
        const doc = plan.document;
        const action = found(
          doc.actions.find((a) => a.id === actionId),
          'Azione',
        );
        const orgRef = { id: ref.organizationId, ipaCode: doc.organization.ipaCode };
        const organization = pageOrganization({ ...doc.organization, ...orgRef });
        return renderHtml(
          <ActionPage
            ctx={ctx}
            assets={assets}
            organization={organization}
            planPath={planPath(orgRef, { id: ref.planId, ...doc.plan })}
            plan={plan}
            action={action}
            history={history}
          />,
        );
      });
    },
    today,
  );

  const staticPage = (path: string, Page: typeof AboutPage) =>
    page(
      app,
      path,
      async (request, reply, ctx) =>
        cache.send(request, reply, `static|${path}|${ctx.lang}`, () =>
          renderHtml(<Page ctx={ctx} assets={assets} />),
        ),
      today,
    );
  staticPage('/piano-triennale', AboutPage);
  staticPage('/dati-aperti', OpenDataPage);
  staticPage('/accessibilita', AccessibilityPage);
  staticPage('/privacy', PrivacyPage);
  staticPage('/note-legali', LegalPage);
}

/** The plan page's filters as they came, in a fixed order: part of the cache key. */
function filterQuery(query: unknown): string {
  const q = query as Record<string, unknown>;
  const pick = (name: string) =>
    typeof q[name] === 'string' ? (q[name] as string).slice(0, 100) : undefined;
  return queryString(
    Object.fromEntries(Object.keys(filterParams({})).map((name) => [name, pick(name)])),
  );
}

/** What the header and footer show of an organization. */
function pageOrganization(o: {
  id: string;
  name: string;
  ipaCode: string | null;
  website: string | null;
  pec: string | null;
  accessibilityUrl?: string | null;
}): PageOrganization {
  return {
    name: o.name,
    path: organizationPath(o),
    website: o.website,
    pec: o.pec,
    accessibilityUrl: o.accessibilityUrl ?? null,
  };
}
