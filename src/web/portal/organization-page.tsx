/**
 * An organization: who it is, its RTD, its plans (the one in force and the revisions it
 * replaced) and the open data of its current plan.
 */
import type { RoleHolder } from '../../domain/model/organization.js';
import { labelsFor } from '../../documents/labels.js';
import { CSV_TABLE_NAMES } from '../../documents/open-data.js';
import type { OrganizationRow } from '../../storage/organizations.js';
import type { PlanRow } from '../../storage/plans.js';
import type { AssetUrls } from '../assets.js';
import { Layout, type PageOrganization } from '../components/layout.js';
import { Facts, Note, UserLink } from '../components/ui.js';
import { href, type PageContext } from '../page-context.js';
import { exportUrl, planPath } from './paths.js';
import { DataTable } from './tables.js';

export interface OrganizationPageProps {
  ctx: PageContext;
  assets: AssetUrls;
  page: PageOrganization;
  organization: OrganizationRow;
  roles: RoleHolder[];
  plans: PlanRow[];
}

export function OrganizationPage(props: OrganizationPageProps) {
  const { ctx, organization: o, plans } = props;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const current = plans.find((p) => p.status === 'published');
  return (
    <Layout
      ctx={ctx}
      assets={props.assets}
      title={o.name}
      description={`${o.name}: ${t.plansTitle}`}
      organization={props.page}
      crumbs={[{ label: o.name }]}
    >
      <h1>{o.name}</h1>
      <section aria-labelledby="ente-title">
        <h2 id="ente-title" class="visually-hidden">
          {t.organizationFacts}
        </h2>
        <Facts
          items={[
            [t.organizationType, t.organizationTypes[o.type as keyof typeof t.organizationTypes]],
            [t.ipaCode, o.ipaCode],
            [t.province, o.province],
            [t.region, o.region],
            [t.population, o.population === null ? null : ctx.f.number(o.population)],
            [t.pec, o.pec ? <UserLink url={`mailto:${o.pec}`}>{o.pec}</UserLink> : null],
            [t.website, o.website ? <UserLink url={o.website} /> : null],
          ]}
        />
      </section>

      <section aria-labelledby="rtd-title">
        <h2 id="rtd-title">{t.rtdTitle}</h2>
        <Rtd ctx={ctx} roles={props.roles} />
      </section>

      <section aria-labelledby="piani-title">
        <h2 id="piani-title">{t.plansTitle}</h2>
        {plans.length === 0 ? (
          <Note>{t.noPublishedPlans}</Note>
        ) : (
          <DataTable
            caption={t.plansCaption}
            head={[
              t.planColumn,
              t.periodColumn,
              t.revisionColumn,
              t.statusColumn,
              t.approvalColumn,
            ]}
            rows={plans.map((p) => [
              <a href={href(ctx, planPath(o, p))} key={p.id}>
                {p.title}
              </a>,
              ctx.f.period(p.startYear, p.endYear),
              p.revisionLabel ?? '',
              p === current
                ? `${L.planStatus[p.status]} (${t.currentPlan})`
                : L.planStatus[p.status],
              p.approval ? ctx.f.act(p.approval) : t.notApproved,
            ])}
          />
        )}
      </section>

      {current ? (
        <section aria-labelledby="dati-title">
          <h2 id="dati-title">{t.openDataTitle}</h2>
          <p>{t.openDataLead(ctx.f.period(current.startYear, current.endYear))}</p>
          <ul>
            <li>
              <a href={exportUrl(current.id, 'plan.json')}>{t.fileFormats.json}</a>
            </li>
            <li>
              <a href={exportUrl(current.id, 'dataset.jsonld')}>{t.fileFormats.jsonld}</a>
            </li>
            {CSV_TABLE_NAMES.map((name) => (
              <li key={name}>
                <a href={exportUrl(current.id, `${name}.csv`)}>
                  {t.downloadIn(t.csvTables[name] ?? name, t.fileFormats.csv)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

function Rtd({ ctx, roles }: { ctx: PageContext; roles: RoleHolder[] }) {
  const t = ctx.t;
  const rtd = roles.filter((r) => r.role === 'rtd');
  if (rtd.length === 0) return <Note>{t.rtdMissing}</Note>;
  return (
    <>
      {rtd.map((r) => (
        <div key={r.id}>
          <p class="mb-1">
            <strong>{r.person ?? r.title ?? labelsFor(ctx.lang).role.rtd}</strong>
            {r.person && r.title ? ` – ${r.title}` : ''}
          </p>
          {r.email ? (
            <p class="mb-1">
              <UserLink url={`mailto:${r.email}`}>{r.email}</UserLink>
            </p>
          ) : null}
          {r.appointmentAct ? <p>{t.appointedBy(ctx.f.act(r.appointmentAct))}</p> : null}
        </div>
      ))}
    </>
  );
}
