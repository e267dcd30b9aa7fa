/**
 * The pages of a sign-in through OpenID Connect: the one that moves on into the back office
 * once the session is open, and the one that says why a sign-in failed, with a way back.
 */
import type { OidcFailure } from '../../operations/sign-in-with-oidc.js';
import type { AssetUrls } from '../assets.js';
import { Layout } from '../components/layout.js';
import { href, type PageContext } from '../page-context.js';

/**
 * Signed in: the browser goes on to `to` by itself. Not a redirect: the provider sent the
 * browser here from another site, and a redirect would stay in that cross-site navigation,
 * in which the browser does not send the session cookie (SameSite=Strict).
 */
export function OidcSignedInPage(props: { ctx: PageContext; assets: AssetUrls; to: string }) {
  const t = props.ctx.t;
  return (
    <Layout
      ctx={props.ctx}
      assets={props.assets}
      title={t.boOidcSignedInTitle}
      refreshTo={props.to}
      crumbs={[{ label: t.boOidcSignedInTitle }]}
    >
      <h1>{t.boOidcSignedInTitle}</h1>
      <p>
        <a href={props.to} class="btn btn-primary">
          {t.boOidcContinue}
        </a>
      </p>
    </Layout>
  );
}

export function OidcFailedPage(props: {
  ctx: PageContext;
  assets: AssetUrls;
  reason: OidcFailure;
  providerError?: string;
}) {
  const t = props.ctx.t;
  const text = {
    provider_error:
      props.providerError === 'access_denied'
        ? t.boOidcAccessDenied
        : t.boOidcProviderError(props.providerError ?? ''),
    expired: t.boOidcExpired,
    state: t.boOidcState,
    token: t.boOidcToken,
    no_account: t.boOidcNoAccount,
    unavailable: t.boOidcUnavailable,
  }[props.reason];
  return (
    <Layout
      ctx={props.ctx}
      assets={props.assets}
      title={t.boOidcFailedTitle}
      crumbs={[{ label: t.boSignInTitle, path: '/accedi' }, { label: t.boOidcFailedTitle }]}
    >
      <h1>{t.boOidcFailedTitle}</h1>
      <p class="alert alert-danger" role="alert">
        {text}
      </p>
      <p>
        <a href={href(props.ctx, '/accedi')}>{t.boOidcBackToSignIn}</a>
      </p>
    </Layout>
  );
}
