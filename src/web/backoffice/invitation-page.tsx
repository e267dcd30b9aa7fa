/**
 * The page an invitation link opens: what the invitation gives, and the way to accept it — with
 * the signed-in account of the invited address, or by creating an account for that address.
 */
import type { InvitationForInvitee } from '../../operations/accept-invitation.js';
import type { AssetUrls } from '../assets.js';
import { Layout, type Account } from '../components/layout.js';
import { href, type PageContext } from '../page-context.js';
import { roleLabel } from './people-page.js';
import { Csrf, ErrorSummary, Field, type FieldErrors } from './ui.js';

export const invitationPagePath = (token: string) => `/invito/${token}`;

export interface InvitationPageProps {
  ctx: PageContext;
  assets: AssetUrls;
  token: string;
  invitation: InvitationForInvitee;
  /** The signed-in person, if any, with their address. */
  signedIn: { account: Account; email: string } | null;
  /** The value of the form cookie, for the new-account form of a visitor. */
  formToken: string;
  name: string;
  errors: FieldErrors;
  /** A refusal that is about no single field (the address has an account, a used link). */
  problem?: string | undefined;
}

export function InvitationPage(props: InvitationPageProps) {
  const { ctx, invitation: inv, signedIn, errors } = props;
  const t = ctx.t;
  const action = href(ctx, invitationPagePath(props.token));
  const role = roleLabel(t, inv.role) + (inv.unitName ? ` (${inv.unitName})` : '');
  const sameAddress = signedIn?.email.toLowerCase() === inv.email;
  return (
    <Layout
      ctx={ctx}
      assets={props.assets}
      title={t.peAcceptTitle}
      account={signedIn?.account ?? null}
      crumbs={[{ label: t.peAcceptTitle }]}
    >
      <div class="row">
        <div class="col-lg-8">
          <h1>{t.peAcceptHeading(inv.organizationName)}</h1>
          <ErrorSummary ctx={ctx} errors={errors} />
          {props.problem ? (
            <p class="alert alert-danger" role="alert">
              {props.problem}
            </p>
          ) : null}
          <p>{t.peAcceptFacts(inv.email, role)}</p>
          <p>{t.peAcceptValid(ctx.f.shortDate(inv.expiresAt.slice(0, 10)))}</p>
          {signedIn && sameAddress ? (
            <form method="post" action={action}>
              <Csrf value={signedIn.account.csrf} />
              <p>{t.peAcceptSignedIn(signedIn.email)}</p>
              <button type="submit" class="btn btn-primary">
                {t.peAcceptButton}
              </button>
            </form>
          ) : null}
          {signedIn && !sameAddress ? (
            <p class="alert alert-warning">{t.peAcceptOtherAccount(inv.email, signedIn.email)}</p>
          ) : null}
          {!signedIn ? (
            <>
              <h2>{t.peHaveAccount}</h2>
              <p>
                <a
                  class="btn btn-outline-primary"
                  href={`${href(ctx, '/accedi')}?torna=${encodeURIComponent(action)}`}
                >
                  {t.peSignInToAccept}
                </a>
              </p>
              <h2>{t.peNewAccount}</h2>
              <p>{t.peNewAccountIntro(inv.email)}</p>
              <form method="post" action={action} novalidate>
                <Csrf value={props.formToken} />
                <Field name="name" label={t.peYourName} errors={errors}>
                  {(a) => (
                    <input
                      {...a}
                      type="text"
                      class="form-control"
                      autocomplete="name"
                      value={props.name}
                      maxLength={200}
                      required
                    />
                  )}
                </Field>
                <Field name="password" label={t.peNewPassword} errors={errors}>
                  {(a) => (
                    <input
                      {...a}
                      type="password"
                      class="form-control"
                      autocomplete="new-password"
                      minLength={10}
                      maxLength={1000}
                      required
                    />
                  )}
                </Field>
                <Field name="repeat" label={t.peRepeatPassword} errors={errors}>
                  {(a) => (
                    <input
                      {...a}
                      type="password"
                      class="form-control"
                      autocomplete="new-password"
                      maxLength={1000}
                      required
                    />
                  )}
                </Field>
                <button type="submit" class="btn btn-primary">
                  {t.peCreateAndAccept}
                </button>
              </form>
            </>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}

/** An invitation that cannot be used (unknown, used, expired, withdrawn): why, and the way home. */
export function UnusableInvitationPage(props: {
  ctx: PageContext;
  assets: AssetUrls;
  account: Account | null;
  text: string;
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout
      ctx={ctx}
      assets={props.assets}
      title={t.peUnusableTitle}
      account={props.account}
      crumbs={[{ label: t.peAcceptTitle }]}
    >
      <h1>{t.peUnusableTitle}</h1>
      <p class="alert alert-danger" role="alert">
        {props.text}
      </p>
      <p>
        <a href={href(ctx, '/')}>{t.goHome}</a>
      </p>
    </Layout>
  );
}
