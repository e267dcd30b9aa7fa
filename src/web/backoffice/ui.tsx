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
import { planEditPath } from './paths.js';
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
  /** Seconds the session has left when the page was made (the warning's clock). */
  sessionSecondsLeft?: number | undefined;
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
          ? [
              { path: '/gestione/persone', label: t.pePeople },
              { path: '/gestione/ente/settori', label: t.paOrganization },
              { path: '/gestione/calendario', label: t.hiCalendar },
            ]
          : []),
      ]}
      crumbs={[{ label: t.boBackOffice, path: '/gestione' }, ...(props.crumbs ?? [])]}
      scripts={['backoffice']}
    >
      {desk.sessionSecondsLeft !== undefined ? (
        <SessionWarning desk={desk} secondsLeft={desk.sessionSecondsLeft} />
      ) : null}
      {desk.organizations.length > 1 ? <OrganizationSwitch desk={desk} /> : null}
      <div role="status" class="piano-notice">
        {desk.notice ? <p class="alert alert-success">{desk.notice}</p> : null}
      </div>
      {props.children}
    </Layout>
  );
}

/**
 * The warning shown before the session ends, and the notice once it has: hidden in the page, shown
 * by the back office's script at the right time. "Resta connesso" is a plain form post too.
 */
function SessionWarning({ desk, secondsLeft }: { desk: Desk; secondsLeft: number }) {
  const { ctx } = desk;
  const t = ctx.t;
  // Where to come back to: this page, without the notice it was opened with.
  const query = new URLSearchParams(ctx.search);
  query.delete('esito');
  const back = `${href(ctx, ctx.path)}${query.size ? `?${query}` : ''}`;
  return (
    <div
      id="piano-session"
      data-seconds-left={String(secondsLeft)}
      data-user={desk.principal.userId}
      data-draft-restored={t.seDraftRestored}
      data-draft-discard={t.seDraftDiscard}
      data-required={t.boRequired}
      data-out-of-range={t.seOutOfRange('{min}', '{max}')}
    >
      <div class="alert alert-warning" role="alert" data-session="ending" hidden>
        <h2 class="h5">{t.seEnding}</h2>
        <p>
          {t.seEndingText} {t.seEndsAt} <span data-session-time />.
        </p>
        <form method="post" action={href(ctx, '/gestione/sessione')} class="mb-0">
          <Csrf value={desk.account.csrf} />
          <input type="hidden" name="torna" value={back} />
          <button type="submit" class="btn btn-primary btn-sm">
            {t.seStay}
          </button>
        </form>
      </div>
      <div class="alert alert-danger" role="alert" data-session="ended" hidden>
        <h2 class="h5">{t.seEnded}</h2>
        <p>{t.seEndedText}</p>
        <p class="mb-0">
          <a href={`${href(ctx, '/accedi')}?torna=${encodeURIComponent(back)}`} data-sign-in>
            {t.seSignInAgain}
          </a>
        </p>
      </div>
    </div>
  );
}

/** A page under one plan: the crumbs Piani › the plan › the section, and the title as heading. */
export function PlanSubPage(props: {
  desk: Desk;
  title: string;
  plan: { id: string; title: string };
  section: string;
  children: ComponentChildren;
}) {
  const t = props.desk.ctx.t;
  return (
    <BackOfficePage
      desk={props.desk}
      title={props.title}
      crumbs={[
        { label: t.boPlans, path: '/gestione/piani' },
        { label: props.plan.title, path: planEditPath(props.plan.id) },
        { label: props.section },
      ]}
    >
      <h1>{props.title}</h1>
      {props.children}
    </BackOfficePage>
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

/** What a timing means in words, and whether piano could read it (never guessed). */
export function timingReading(
  ctx: PageContext,
  timing: TimingJson | null,
): { text: string; resolved: boolean } {
  const t = ctx.t;
  if (!timing) return { text: t.boDueNone, resolved: true };
  if (!timing.resolved || timing.kind === 'unresolved') {
    return { text: t.boTimingUnresolved, resolved: false };
  }
  if (timing.due) return { text: t.boDueOn(ctx.f.shortDate(timing.due)), resolved: true };
  return { text: timingMeaning(timing, ctx.lang), resolved: true };
}

/** What a timing means, with its date as dd/mm/yyyy when it has one ("Scadenza: 30/06/2026"). */
export function TimingDate({ ctx, timing }: { ctx: PageContext; timing: TimingJson | null }) {
  const { text, resolved } = timingReading(ctx, timing);
  return resolved ? <span>{text}</span> : <strong class="piano-field-error">{text}</strong>;
}

/** One field of a conflict: as the user read it, as saved meanwhile, as the user typed it. */
export interface ConflictRow {
  field: string;
  label: string;
  read: string;
  current: string;
  typed: string;
}

/**
 * What someone else saved while the user was typing, beside what the user typed (which stays in
 * the form below, to be saved again on the current version).
 */
export function ConflictNotice(props: {
  ctx: PageContext;
  title: string;
  text: string;
  rows: ConflictRow[];
  /** The heading of the "as you read it" column, when the item's gender asks for other words. */
  readLabel?: string;
}) {
  const t = props.ctx.t;
  return (
    <section class="alert alert-warning" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title" class="h4">
        {props.title}
      </h2>
      <p>{props.text}</p>
      <div class="piano-table-wrapper" role="region" aria-labelledby="conflict-title" tabIndex={0}>
        <table class="table table-sm mb-0">
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.boField}</th>
              <th scope="col">{props.readLabel ?? t.boYouRead}</th>
              <th scope="col">{t.boTheyChanged}</th>
              <th scope="col">{t.boYouTyped}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.field} data-field={r.field}>
                <th scope="row">{r.label}</th>
                <td>{r.read}</td>
                <td>{r.current}</td>
                <td>{r.typed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
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
