/**
 * The organization's people, for its admin: members with their roles (changed or taken away in
 * place), the open invitations, and the form that invites someone, whose link is shown once.
 */
import type { OrgRole } from '../../domain/rules/permissions.js';
import { href, type PageContext } from '../page-context.js';
import { TableWrap } from '../portal/tables.js';
import { BackOfficePage, Csrf, ErrorSummary, Field, type Desk, type FieldErrors } from './ui.js';

export const ROLES: readonly OrgRole[] = ['admin', 'editor', 'viewer'];
export const PEOPLE_PATH = '/gestione/persone';

export function roleLabel(t: PageContext['t'], role: OrgRole): string {
  return { admin: t.peRoleAdmin, editor: t.peRoleEditor, viewer: t.peRoleViewer }[role];
}

export interface PeopleView {
  members: { id: string; name: string; email: string; role: OrgRole; unitId: string | null }[];
  invitations: { id: string; email: string; role: OrgRole; expiresAt: string; expired: boolean }[];
  units: { id: string; name: string }[];
}

export interface InviteForm {
  email: string;
  role: string;
  unitId: string;
}

export interface PeopleState {
  invite: InviteForm;
  errors: FieldErrors;
  /** The invitation just created: its link, shown this once. */
  issued?: { email: string; link: string; expiresAt: string } | undefined;
  /** A member whose role change was refused, with the values typed. */
  roleChange?: { userId: string; role: string; unitId: string } | undefined;
}

export const emptyInvite = (): InviteForm => ({ email: '', role: 'editor', unitId: '' });

export function PeoplePage({
  desk,
  view,
  state,
}: {
  desk: Desk;
  view: PeopleView;
  state: PeopleState;
}) {
  const { ctx } = desk;
  const t = ctx.t;
  return (
    <BackOfficePage desk={desk} title={t.pePeopleTitle} crumbs={[{ label: t.pePeople }]}>
      <h1>{t.pePeopleTitle}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <p>{t.pePeopleIntro}</p>
      {state.issued ? <IssuedLink ctx={ctx} issued={state.issued} /> : null}
      <h2>{t.peMembers}</h2>
      {view.members.length === 0 ? <p>{t.peNoMembers}</p> : null}
      <ul class="piano-card-list">
        {view.members.map((m) => (
          <MemberCard desk={desk} member={m} units={view.units} state={state} key={m.id} />
        ))}
      </ul>
      <h2>{t.peInvitations}</h2>
      <Invitations desk={desk} invitations={view.invitations} />
      <InviteFormSection desk={desk} units={view.units} state={state} />
    </BackOfficePage>
  );
}

function IssuedLink({
  ctx,
  issued,
}: {
  ctx: PageContext;
  issued: NonNullable<PeopleState['issued']>;
}) {
  const t = ctx.t;
  return (
    <section class="piano-note mb-4" aria-labelledby="issued-title">
      <h2 id="issued-title" class="h4">
        {t.peIssuedTitle(issued.email)}
      </h2>
      <p>{t.peIssuedText(ctx.f.shortDate(issued.expiresAt.slice(0, 10)))}</p>
      <label for="issued-link" class="fw-semibold">
        {t.peIssuedLink}
      </label>
      <input id="issued-link" class="form-control" type="text" readOnly value={issued.link} />
    </section>
  );
}

function RoleSelect(props: { ctx: PageContext; attrs: object; value: string }) {
  const t = props.ctx.t;
  return (
    <select {...props.attrs} name="role" class="form-select">
      {ROLES.map((r) => (
        <option value={r} selected={r === props.value} key={r}>
          {roleLabel(t, r)}
        </option>
      ))}
    </select>
  );
}

function UnitSelect(props: {
  ctx: PageContext;
  attrs: object;
  value: string;
  units: PeopleView['units'];
}) {
  return (
    <select {...props.attrs} name="unitId" class="form-select">
      <option value="">{props.ctx.t.peNoUnit}</option>
      {props.units.map((u) => (
        <option value={u.id} selected={u.id === props.value} key={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}

function MemberCard(props: {
  desk: Desk;
  member: PeopleView['members'][number];
  units: PeopleView['units'];
  state: PeopleState;
}) {
  const { desk, member: m, units, state } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const typed = state.roleChange?.userId === m.id ? state.roleChange : null;
  const unitName = units.find((u) => u.id === m.unitId)?.name;
  const self = m.id === desk.principal.userId;
  return (
    <li>
      <h3>
        {m.name} {self ? <span class="fw-normal">{t.peYou}</span> : null}
      </h3>
      <p class="mb-2">
        {m.email} · {roleLabel(t, m.role)}
        {unitName ? ` · ${unitName}` : ''}
      </p>
      <form
        method="post"
        action={href(ctx, `${PEOPLE_PATH}/${m.id}/ruolo`)}
        class="piano-inline-form"
        aria-label={t.peChangeRoleOf(m.name)}
        novalidate
      >
        <Csrf value={desk.account.csrf} />
        <Field name={`role-${m.id}`} label={t.peRoleOf(m.name)} errors={state.errors}>
          {(a) => <RoleSelect ctx={ctx} attrs={a} value={typed?.role ?? m.role} />}
        </Field>
        <Field name={`unit-${m.id}`} label={t.peUnitOf(m.name)} errors={state.errors}>
          {(a) => (
            <UnitSelect ctx={ctx} attrs={a} units={units} value={typed?.unitId ?? m.unitId ?? ''} />
          )}
        </Field>
        <button type="submit" class="btn btn-outline-primary btn-sm mb-4">
          {t.peChangeRole}
        </button>
      </form>
      <form method="post" action={href(ctx, `${PEOPLE_PATH}/${m.id}/rimuovi`)}>
        <Csrf value={desk.account.csrf} />
        <button
          type="submit"
          class="btn btn-outline-danger btn-sm"
          aria-label={t.peRemoveOf(m.name)}
        >
          {t.peRemove}
        </button>
      </form>
    </li>
  );
}

function Invitations({
  desk,
  invitations,
}: {
  desk: Desk;
  invitations: PeopleView['invitations'];
}) {
  const { ctx } = desk;
  const t = ctx.t;
  if (invitations.length === 0) return <p>{t.peNoInvitations}</p>;
  return (
    <TableWrap label={t.peInvitations}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t.boEmail}</th>
            <th scope="col">{t.peRole}</th>
            <th scope="col">{t.peExpires}</th>
            <th scope="col">{t.peRevoke}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.email}</th>
              <td>{roleLabel(t, i.role)}</td>
              <td>
                {ctx.f.shortDate(i.expiresAt.slice(0, 10))}
                {i.expired ? ` (${t.peExpired})` : ''}
              </td>
              <td>
                <form method="post" action={href(ctx, `${PEOPLE_PATH}/inviti/${i.id}/ritira`)}>
                  <Csrf value={desk.account.csrf} />
                  <button
                    type="submit"
                    class="btn btn-outline-danger btn-sm"
                    aria-label={t.peRevokeOf(i.email)}
                  >
                    {t.peRevoke}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function InviteFormSection(props: { desk: Desk; units: PeopleView['units']; state: PeopleState }) {
  const { desk, units, state } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const form = state.invite;
  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t.peInvite}</h2>
      <form method="post" action={href(ctx, `${PEOPLE_PATH}/inviti`)} novalidate>
        <Csrf value={desk.account.csrf} />
        <Field name="email" label={t.boEmail} errors={state.errors} hint={t.peInviteEmailHint}>
          {(a) => (
            <input
              {...a}
              type="email"
              class="form-control"
              autocomplete="off"
              value={form.email}
              maxLength={320}
              required
            />
          )}
        </Field>
        <Field name="role" label={t.peRole} errors={state.errors}>
          {(a) => <RoleSelect ctx={ctx} attrs={a} value={form.role} />}
        </Field>
        <Field name="unitId" label={t.peUnit} errors={state.errors} hint={t.peUnitHint}>
          {(a) => <UnitSelect ctx={ctx} attrs={a} units={units} value={form.unitId} />}
        </Field>
        <button type="submit" class="btn btn-primary">
          {t.peInviteButton}
        </button>
      </form>
    </section>
  );
}
