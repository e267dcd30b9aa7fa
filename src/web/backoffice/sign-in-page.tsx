/**
 * The sign-in page: email and password, posted as a plain form; above them, when configured,
 * the button that signs in through the OpenID Connect provider (SPID/CIE).
 */
import type { AssetUrls } from '../assets.js';
import { Layout } from '../components/layout.js';
import { href, type PageContext } from '../page-context.js';
import { Csrf, ErrorSummary, Field, type FieldErrors } from './ui.js';

export function SignInPage(props: {
  ctx: PageContext;
  assets: AssetUrls;
  token: string;
  email: string;
  returnTo: string | null;
  errors: FieldErrors;
  /** The text of the OpenID Connect button, or null when that sign-in is not configured. */
  oidcLabel: string | null;
  /** Whether the person comes from a form posted after their session ended. */
  expired?: boolean | undefined;
}) {
  const { ctx, errors } = props;
  const t = ctx.t;
  return (
    <Layout
      ctx={ctx}
      assets={props.assets}
      title={t.boSignInTitle}
      crumbs={[{ label: t.boSignInTitle }]}
    >
      <div class="row">
        <div class="col-lg-6">
          <h1>{t.boSignInTitle}</h1>
          <ErrorSummary ctx={ctx} errors={errors} />
          {props.expired ? (
            <p class="alert alert-warning" role="alert">
              {t.seExpiredOnPost}
            </p>
          ) : null}
          <p>{t.boSignInIntro}</p>
          {props.oidcLabel ? (
            <>
              <p>
                <a
                  class="btn btn-primary"
                  href={`${href(ctx, '/accedi/oidc')}${props.returnTo ? `?torna=${encodeURIComponent(props.returnTo)}` : ''}`}
                >
                  {props.oidcLabel}
                </a>
              </p>
              <p>{t.boOidcOr}</p>
            </>
          ) : null}
          <form method="post" action={href(ctx, '/accedi')} novalidate>
            <Csrf value={props.token} />
            {props.returnTo ? <input type="hidden" name="torna" value={props.returnTo} /> : null}
            <Field name="email" label={t.boEmail} errors={errors}>
              {(a) => (
                <input
                  {...a}
                  type="email"
                  class="form-control"
                  autocomplete="username"
                  value={props.email}
                  maxLength={320}
                  required
                />
              )}
            </Field>
            <Field name="password" label={t.boPassword} errors={errors}>
              {(a) => (
                <input
                  {...a}
                  type="password"
                  class="form-control"
                  autocomplete="current-password"
                  maxLength={1000}
                  required
                />
              )}
            </Field>
            <button type="submit" class="btn btn-primary">
              {t.boSignInButton}
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
