/**
 * The organization's people (admins only) and the page where an invited person accepts. Each
 * post calls one operation: inviteMember, revokeInvitation, changeMemberRole, revokeMembership,
 * acceptInvitation or acceptInvitationWithNewAccount.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PianoError } from '../../domain/errors.js';
import type { OrgRole } from '../../domain/rules/permissions.js';
import { roleIn } from '../../domain/rules/permissions.js';
import {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  readInvitation,
  type InvitationForInvitee,
} from '../../operations/accept-invitation.js';
import { MIN_PASSWORD_LENGTH } from '../../operations/add-user.js';
import { changeMemberRole } from '../../operations/change-member-role.js';
import { inviteMember } from '../../operations/invite-member.js';
import { listInvitations } from '../../operations/list-invitations.js';
import { listMembers } from '../../operations/list-members.js';
import { listParts } from '../../operations/list-parts.js';
import { revokeInvitation } from '../../operations/revoke-invitation.js';
import { revokeMembership } from '../../operations/revoke-membership.js';
import { signIn } from '../../operations/sessions.js';
import type { AssetRegistry } from '../assets.js';
import { href, type PageContext } from '../page-context.js';
import { param, redirect, send } from './http.js';
import {
  InvitationPage,
  invitationPagePath,
  UnusableInvitationPage,
  type InvitationPageProps,
} from './invitation-page.js';
import {
  emptyInvite,
  PEOPLE_PATH,
  PeoplePage,
  ROLES,
  type PeopleState,
  type PeopleView,
} from './people-page.js';
import {
  checkForm,
  formOf,
  newSignInToken,
  ORGANIZATION_COOKIE,
  setSessionCookie,
  SIGN_IN_COOKIE,
  type CookieSettings,
} from './security.js';
import { MessagePage, type Desk, type FieldErrors } from './ui.js';

type Db = Parameters<typeof listMembers>[0]['db'];
type Handler = (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => Promise<unknown>;
type DeskHandler = (request: FastifyRequest, reply: FastifyReply, desk: Desk) => Promise<unknown>;

/** What the back office's router lends to this area's routes. */
export interface PeopleRouteKit {
  app: FastifyInstance;
  db: Db;
  assets: AssetRegistry;
  cookies: CookieSettings;
  route: (method: 'GET' | 'POST', path: string, handler: Handler) => void;
  signedIn: (handler: DeskHandler) => Handler;
  deskOf: (request: FastifyRequest, ctx: PageContext) => Promise<Desk | null>;
  publicUrl: string;
}

const isRole = (value: string | undefined): value is OrgRole =>
  (ROLES as readonly string[]).includes(value ?? '');

export function registerPeopleRoutes(kit: PeopleRouteKit) {
  const { db, assets, cookies, route, signedIn, deskOf } = kit;

  /** The people page of the organization the admin is working on, or a refusal. */
  async function peoplePage(
    reply: FastifyReply,
    desk: Desk,
    state: PeopleState = { invite: emptyInvite(), errors: {} },
    status = 200,
  ) {
    const t = desk.ctx.t;
    const organizationId = desk.organizationId;
    if (!organizationId || roleIn(desk.principal, organizationId) !== 'admin') {
      return send(
        reply,
        <MessagePage
          desk={desk}
          title={t.boRefusedTitle}
          text={t.pePeopleIntro}
          back={{ path: '/gestione', label: t.boBackOffice }}
        />,
        403,
      );
    }
    const principal = desk.principal;
    const [members, invitations, units] = await Promise.all([
      listMembers({ db, principal, organizationId }),
      listInvitations({ db, principal, organizationId }),
      listParts({ db, principal, part: 'unit', organizationId, limit: 10_000, offset: 0 }),
    ]);
    const view: PeopleView = {
      members: members.items,
      invitations: invitations.items,
      units: units.items.map((u) => ({ id: u.id, name: u.name as string })),
    };
    return send(reply, <PeoplePage desk={desk} view={view} state={state} />, status);
  }

  const back = (desk: Desk, outcome: string) => `${href(desk.ctx, PEOPLE_PATH)}?esito=${outcome}`;

  route(
    'GET',
    PEOPLE_PATH,
    signedIn(async (_request, reply, desk) => peoplePage(reply, desk)),
  );

  route(
    'POST',
    `${PEOPLE_PATH}/inviti`,
    signedIn(async (request, reply, desk) => {
      const t = desk.ctx.t;
      const f = formOf(request);
      const invite = {
        email: (f.email ?? '').trim().slice(0, 320),
        role: f.role ?? '',
        unitId: f.unitId ?? '',
      };
      const errors: FieldErrors = {};
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(invite.email)) errors.email = t.peEmailInvalid;
      if (!isRole(invite.role)) errors.role = t.peRoleInvalid;
      else if (invite.role === 'editor' && !invite.unitId) errors.unitId = t.peEditorNeedsUnit;
      if (Object.keys(errors).length || !isRole(invite.role) || !desk.organizationId) {
        return peoplePage(reply, desk, { invite, errors }, 400);
      }
      const { invitation, token } = await inviteMember({
        db,
        principal: desk.principal,
        organizationId: desk.organizationId,
        email: invite.email,
        role: invite.role,
        unitId: invite.unitId || null,
      });
      // The link is shown in the answer to the post, once: it is never stored in clear.
      const issued = {
        email: invitation.email,
        link: `${kit.publicUrl}${invitationPagePath(token)}`,
        expiresAt: invitation.expiresAt,
      };
      const withNotice = { ...desk, notice: t.peIssuedTitle(invitation.email) };
      return peoplePage(reply, withNotice, { invite: emptyInvite(), errors: {}, issued });
    }),
  );

  route(
    'POST',
    `${PEOPLE_PATH}/inviti/:invitation/ritira`,
    signedIn(async (request, reply, desk) => {
      await revokeInvitation({
        db,
        principal: desk.principal,
        organizationId: desk.organizationId ?? '',
        invitationId: param(request, 'invitation'),
      });
      return redirect(reply, back(desk, 'ritirato'));
    }),
  );

  route(
    'POST',
    `${PEOPLE_PATH}/:user/ruolo`,
    signedIn(async (request, reply, desk) => {
      const t = desk.ctx.t;
      const userId = param(request, 'user');
      const f = formOf(request);
      const typed = { userId, role: f.role ?? '', unitId: f.unitId ?? '' };
      const errors: FieldErrors = {};
      if (!isRole(typed.role)) errors[`role-${userId}`] = t.peRoleInvalid;
      else if (typed.role === 'editor' && !typed.unitId) {
        errors[`unit-${userId}`] = t.peEditorNeedsUnit;
      }
      if (Object.keys(errors).length || !isRole(typed.role)) {
        return peoplePage(reply, desk, { invite: emptyInvite(), errors, roleChange: typed }, 400);
      }
      await changeMemberRole({
        db,
        principal: desk.principal,
        organizationId: desk.organizationId ?? '',
        userId,
        role: typed.role,
        unitId: typed.unitId || null,
      });
      return redirect(reply, back(desk, 'salvato'));
    }),
  );

  route(
    'POST',
    `${PEOPLE_PATH}/:user/rimuovi`,
    signedIn(async (request, reply, desk) => {
      await revokeMembership({
        db,
        principal: desk.principal,
        organizationId: desk.organizationId ?? '',
        userId: param(request, 'user'),
      });
      return redirect(reply, back(desk, 'rimosso'));
    }),
  );

  // The invitation link: open to anyone who holds it.
  async function invitationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: PageContext,
    form: { name: string; errors: FieldErrors; problem?: string } = { name: '', errors: {} },
    status = 200,
  ) {
    const token = param(request, 'token');
    const desk = await deskOf(request, ctx);
    const account = desk?.account ?? null;
    let invitation: InvitationForInvitee;
    try {
      invitation = await readInvitation({ db, token });
    } catch (error) {
      if (!(error instanceof PianoError) || error.code !== 'not_found') throw error;
      return unusable(reply, ctx, account, ctx.t.peUnknownText, 404);
    }
    if (invitation.state !== 'open') {
      const t = ctx.t;
      const text = {
        accepted: t.peUsedText,
        expired: t.peExpiredText,
        revoked: t.peRevokedText,
      }[invitation.state];
      return unusable(reply, ctx, account, text, 410);
    }
    const formToken = newSignInToken();
    if (!desk) {
      reply.setCookie(SIGN_IN_COOKIE, formToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: cookies.secure,
        maxAge: 3600,
      });
    }
    const props: InvitationPageProps = {
      ctx,
      assets,
      token,
      invitation,
      signedIn: desk ? { account: desk.account, email: desk.principal.email } : null,
      formToken,
      ...form,
    };
    return send(reply, <InvitationPage {...props} />, status);
  }

  function unusable(
    reply: FastifyReply,
    ctx: PageContext,
    account: Desk['account'] | null,
    text: string,
    status: number,
  ) {
    return send(
      reply,
      <UnusableInvitationPage ctx={ctx} assets={assets} account={account} text={text} />,
      status,
    );
  }

  route('GET', '/invito/:token', async (request, reply, ctx) =>
    invitationPage(request, reply, ctx),
  );

  route('POST', '/invito/:token', async (request, reply, ctx) => {
    const token = param(request, 'token');
    const t = ctx.t;
    const desk = await deskOf(request, ctx);
    const f = formOf(request);
    try {
      checkForm(request, desk ? 'session' : 'sign-in');
    } catch {
      const form = { name: f.name ?? '', errors: {}, problem: t.boCsrfText };
      return invitationPage(request, reply, ctx, form, 403);
    }
    const welcome = (organizationId: string) => {
      reply.setCookie(ORGANIZATION_COOKIE, organizationId, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: cookies.secure,
      });
      return redirect(reply, `${href(ctx, '/gestione/lavoro')}?esito=benvenuto`);
    };
    try {
      if (desk) {
        const accepted = await acceptInvitation({ db, principal: desk.principal, token });
        return welcome(accepted.organizationId);
      }
      const name = (f.name ?? '').trim().slice(0, 200);
      const password = (f.password ?? '').slice(0, 1000);
      const errors: FieldErrors = {};
      if (!name) errors.name = t.boRequired;
      if (password.length < MIN_PASSWORD_LENGTH) errors.password = t.pePasswordShort;
      else if (password !== (f.repeat ?? '')) errors.repeat = t.pePasswordsDiffer;
      if (Object.keys(errors).length) {
        return invitationPage(request, reply, ctx, { name, errors }, 400);
      }
      const accepted = await acceptInvitationWithNewAccount({ db, token, name, password });
      const session = await signIn(db, {
        email: accepted.email,
        password,
        address: request.ip,
        ttlHours: cookies.sessionHours,
      });
      setSessionCookie(reply, session.token, cookies);
      reply.clearCookie(SIGN_IN_COOKIE, { path: '/' });
      return welcome(accepted.organizationId);
    } catch (error) {
      if (!(error instanceof PianoError)) throw error;
      if (error.code === 'not_found') return unusable(reply, ctx, null, t.peUnknownText, 404);
      if (error.code === 'conflict' || error.code === 'forbidden') {
        const form = { name: f.name ?? '', errors: {}, problem: error.message };
        return invitationPage(request, reply, ctx, form, error.code === 'conflict' ? 409 : 403);
      }
      throw error;
    }
  });
}
