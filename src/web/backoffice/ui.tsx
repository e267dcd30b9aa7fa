/**
 * The back office's frame and form pieces: the page with its menu, the organization switcher and
 * the status region; fields with their message beside them; the error summary that takes the
 * focus after a failed submit (with the `autofocus` attribute, so it needs no script).
 */
import type { ComponentChildren } from 'preact';
import type { TimingJson } from '../../domain/model/timing.js';
import { roleIn, type Principal } from '../../domain/rules/permissions.js';
import { timingMeaning } from '../../documents/plan-facts.js';
import type { AssetUrls } from '../assets.js';
import { Layout, type Account, type Crumb } from '../components/layout.js';
import { href, type PageContext } from '../page-context.js';
import { CSRF_FIELD } from './security.js';

/** What every back-office page knows about the signed-in user. */
export interface Desk {
  ctx: PageContext;
  assets: AssetUrls;
  principal: Principal;
  account: Account;
  organizations: { id: string; name: string }[];
  organizationId: string | null;
  /** A status message to announce (saved, recorded). */
  notice?: string | undefined;
}

/** Field name → message, in the order the form shows the fields. */
export type FieldErrors = Record<string, string>;

export function BackOfficePage(props: {
  desk: Desk;
  title: string;
  crumbs?: Crumb[];
  children: ComponentChildren;
}) {
  const { desk, title } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const organization = desk.organizations.find((o) => o.id === desk.organizationId);
  return (
    <Layout
      ctx={ctx}
      assets={desk.assets}
      title={title}
      account={desk.account}
      organization={
        organization
          ? {
              name: organization.name,
              path: '/gestione',
              accessibilityUrl: null,
              website: null,
              pec: null,
            }
          : null
      }
      nav={[
        { path: '/gestione/lavoro', label: t.boMyWork },
        { path: '/gestione/piani', label: t.boPlans },
        ...(desk.organizationId && roleIn(desk.principal, desk.organizationId) === 'admin'
          ? [{ path: '/gestione/persone', label: t.pePeople }]
          : []),
      ]}
      crumbs={[{ label: t.boBackOffice, path: '/gestione' }, ...(props.crumbs ?? [])]}
    >
      {desk.organizations.length > 1 ? <OrganizationSwitch desk={desk} /> : null}
      <div role="status" class="piano-notice">
        {desk.notice ? <p class="alert alert-success">{desk.notice}</p> : null}
      </div>
      {props.children}
    </Layout>
  );
}

/** For people in several organizations: a form that works as a plain post. */
function OrganizationSwitch({ desk }: { desk: Desk }) {
  const { ctx } = desk;
  const t = ctx.t;
  return (
    <form
      method="post"
      action={href(ctx, '/gestione/ente')}
      class="piano-inline-form mb-3"
      aria-label={t.boSwitchOrganization}
    >
      <Csrf value={desk.account.csrf} />
      <div>
        <label for="organization-switch">{t.boOrganization}</label>
        <select id="organization-switch" name="organizationId" class="form-select">
          {desk.organizations.map((o) => (
            <option value={o.id} selected={o.id === desk.organizationId} key={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="btn btn-outline-primary btn-sm">
        {t.boSwitchOrganization}
      </button>
    </form>
  );
}

export function Csrf({ value }: { value: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={value} />;
}

/** The list of problems on top of a form, linking to each field; it takes the focus. */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div
      class="piano-error-summary"
      role="alert"
      tabIndex={-1}
      autofocus
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" class="h4">
        {ctx.t.boErrorSummary}
      </h2>
      <ul class="mb-0">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#field-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled field with its hint and its error message beside it. */
export function Field(props: {
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: ComponentChildren;
  children: (attrs: FieldAttrs) => ComponentChildren;
}) {
  const { name, label, errors } = props;
  const id = `field-${name}`;
  const error = errors[name];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="piano-field">
      <label for={id}>{label}</label>
      {props.hint ? (
        <p class="piano-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="piano-field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {props.children({
        id,
        name,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': described || undefined,
      })}
    </div>
  );
}

/** A one-line text field: a Field around a text input, posted as `input` (its name by default). */
export function TextField(props: {
  name: string;
  input?: string;
  label: string;
  errors: FieldErrors;
  hint?: ComponentChildren;
  value: string;
  maxLength: number;
}) {
  const { input, value, maxLength, ...field } = props;
  return (
    <Field {...field}>
      {(a) => (
        <input
          {...a}
          name={input ?? a.name}
          type="text"
          class="form-control"
          value={value}
          maxLength={maxLength}
        />
      )}
    </Field>
  );
}

export interface FieldAttrs {
  id: string;
  name: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

/** What a timing means, with its date as dd/mm/yyyy when it has one ("Scadenza: 30/06/2026"). */
export function TimingDate({ ctx, timing }: { ctx: PageContext; timing: TimingJson | null }) {
  const t = ctx.t;
  if (!timing) return <span>{t.boDueNone}</span>;
  if (!timing.resolved || timing.kind === 'unresolved') {
    return <strong class="piano-field-error">{t.boTimingUnresolved}</strong>;
  }
  if (timing.due) return <span>{t.boDueOn(ctx.f.shortDate(timing.due))}</span>;
  return <span>{timingMeaning(timing, ctx.lang)}</span>;
}

/** A page with one message (a refused change, an expired form) and a way back. */
export function MessagePage(props: {
  desk: Desk;
  title: string;
  text: string;
  back: { path: string; label: string };
}) {
  const { desk } = props;
  return (
    <BackOfficePage desk={desk} title={props.title}>
      <h1>{props.title}</h1>
      <p class="alert alert-danger" role="alert">
        {props.text}
      </p>
      <p>
        <a href={href(desk.ctx, props.back.path)}>{props.back.label}</a>
      </p>
    </BackOfficePage>
  );
}
