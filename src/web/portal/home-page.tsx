/**
 * The portal's first page: find an organization by name, province or region, the organizations
 * that have published a plan, and a short explanation of what a three-year plan is.
 */
import type { PublicOrganizationRow } from '../../storage/portal.js';
import type { AssetUrls } from '../assets.js';
import { Layout } from '../components/layout.js';
import { Note, Pagination } from '../components/ui.js';
import { href, type PageContext } from '../page-context.js';
import { organizationPath, planPath } from './paths.js';

export interface HomeSearch {
  text: string;
  region: string;
  page: number;
}

export interface HomePageProps {
  ctx: PageContext;
  assets: AssetUrls;
  search: HomeSearch;
  result: { items: PublicOrganizationRow[]; total: number; regions: string[]; pages: number };
}

/** A plan's title, with its period unless the title already says it. */
export function withPeriod(
  ctx: PageContext,
  plan: { title: string; startYear: number; endYear: number },
): string {
  const period = ctx.f.period(plan.startYear, plan.endYear);
  const said =
    plan.title.includes(String(plan.startYear)) && plan.title.includes(String(plan.endYear));
  return said ? plan.title : `${plan.title} (${period})`;
}

export function HomePage({ ctx, assets, search, result }: HomePageProps) {
  const t = ctx.t;
  const searching = search.text !== '' || search.region !== '';
  return (
    <Layout ctx={ctx} assets={assets} title={t.homeTitle} description={t.homeLead}>
      <h1>{t.homeTitle}</h1>
      <p class="lead">{t.homeLead}</p>
      <section aria-labelledby="cerca-title" class="piano-filters">
        <h2 id="cerca-title" class="h4">
          {t.searchTitle}
        </h2>
        <form method="get" action={href(ctx, '/')} role="search">
          <div class="row">
            <div class="col-md-6">
              <label for="cerca-testo">{t.searchLabel}</label>
              <input
                type="search"
                id="cerca-testo"
                name="q"
                class="form-control"
                value={search.text}
                maxLength={200}
                aria-describedby="cerca-aiuto"
              />
              <small id="cerca-aiuto" class="form-text">
                {t.searchHint}
              </small>
            </div>
            <div class="col-md-4">
              <label for="cerca-regione">{t.regionLabel}</label>
              <select id="cerca-regione" name="regione" class="form-select">
                <option value="">{t.regionAny}</option>
                {result.regions.map((r) => (
                  <option value={r} selected={r === search.region} key={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            <div class="col-md-2 d-flex align-items-end">
              <button type="submit" class="btn btn-primary w-100">
                {t.searchButton}
              </button>
            </div>
          </div>
          {searching ? (
            <p class="mt-2 mb-0">
              <a href={href(ctx, '/')}>{t.clearSearch}</a>
            </p>
          ) : null}
        </form>
      </section>

      <section aria-labelledby="enti-title">
        <h2 id="enti-title" class="h4">
          {search.text
            ? t.organizationsFoundFor(result.total, search.text)
            : t.organizationsFound(result.total)}
        </h2>
        {result.items.length === 0 ? (
          <Note>{t.noOrganizations}</Note>
        ) : (
          <ul class="piano-card-list">
            {result.items.map((o) => (
              <li key={o.id}>
                <h3>
                  <a href={href(ctx, organizationPath(o))}>{o.name}</a>
                </h3>
                <p class="mb-1">
                  {[
                    t.organizationTypes[o.type as keyof typeof t.organizationTypes],
                    o.province,
                    o.region,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  {o.population !== null ? ` · ${t.population}: ${ctx.f.number(o.population)}` : ''}
                </p>
                <p class="mb-0">
                  {t.latestPlan}:{' '}
                  <a href={href(ctx, planPath(o, { ...o.latestPlan, status: 'published' }))}>
                    {o.latestPlan.title} (
                    {ctx.f.period(o.latestPlan.startYear, o.latestPlan.endYear)})
                  </a>
                  {' · '}
                  {t.plansCount(o.publishedPlans)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          ctx={ctx}
          path="/"
          params={{ q: search.text || undefined, regione: search.region || undefined }}
          page={search.page}
          pages={result.pages}
        />
      </section>

      <section aria-labelledby="about-title" class="mt-5">
        <h2 id="about-title">{t.aboutTitle}</h2>
        {t.aboutParagraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        <p>
          <a href={href(ctx, '/piano-triennale')}>{t.navAbout}</a>
        </p>
      </section>
    </Layout>
  );
}
