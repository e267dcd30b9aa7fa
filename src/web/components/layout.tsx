/**
 * The frame of every page, after Designers Italia's *Modello Comuni*: skip links, a header in
 * three bands (slim band with the language switch and sign-in, the ente's name, the main menu),
 * breadcrumbs, the page, and a footer with the accessibility statement, privacy and legal notes.
 * No part of it needs JavaScript: the language switch and the menu are plain links.
 */
import type { ComponentChildren } from 'preact';
import { href, samePageIn, type PageContext, type WebLang } from '../page-context.js';
import type { AssetUrls } from '../assets.js';
import { Icon, UserLink, safeHref } from './ui.js';

/** The ente a page belongs to, for the header's name and the footer's links. */
export interface PageOrganization {
  name: string;
  /** Where the ente's portal pages start, e.g. `/enti/c_z999`. */
  path: string;
  accessibilityUrl: string | null;
  website: string | null;
  pec: string | null;
}

export interface Crumb {
  label: string;
  /** Absent for the current page, the last crumb. */
  path?: string;
}

export interface LayoutProps {
  ctx: PageContext;
  assets: AssetUrls;
  title: string;
  /** One sentence for search engines and link previews. */
  description?: string;
  organization?: PageOrganization | null;
  crumbs?: Crumb[];
  /** Names of the page's script bundles (see assets.ts); none for most pages. */
  scripts?: string[];
  /** The signed-in user, on back-office pages; public pages always offer to sign in. */
  account?: Account | null;
  /** The main menu's items, when not the portal's. */
  nav?: { path: string; label: string }[];
  /**
   * An address of this site the browser goes on to at once (a meta refresh): a navigation the
   * page itself starts, so that the browser sends the `SameSite=Strict` session cookie with it.
   */
  refreshTo?: string;
  children: ComponentChildren;
}

/** Who is signed in, for the header: their name and the sign-out form's token. */
export interface Account {
  name: string;
  csrf: string;
}

export function Layout(props: LayoutProps) {
  const { ctx, assets, title } = props;
  const t = ctx.t;
  return (
    <html lang={t.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t.pageTitle(title)}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.refreshTo ? (
          <meta http-equiv="refresh" content={`0; url=${props.refreshTo}`} />
        ) : null}
        <link rel="stylesheet" href={assets.style('bootstrap-italia.css')} />
        <link rel="stylesheet" href={assets.style('fonts.css')} />
        <link rel="stylesheet" href={assets.style('piano.css')} />
        <link rel="icon" href={assets.file('favicon.svg')} type="image/svg+xml" />
        <AlternateLanguages ctx={ctx} />
        {(props.scripts ?? []).map((name) => (
          <script type="module" src={assets.script(name)} key={name} />
        ))}
      </head>
      <body>
        <div class="skiplink">
          <a class="visually-hidden-focusable" href="#main-container">
            {t.skipToContent}
          </a>
          <a class="visually-hidden-focusable" href="#footer">
            {t.skipToFooter}
          </a>
        </div>
        <Header
          ctx={ctx}
          assets={assets}
          organization={props.organization ?? null}
          account={props.account ?? null}
          nav={props.nav}
        />
        <main id="main-container" class="container my-4" tabIndex={-1}>
          {props.crumbs && props.crumbs.length > 0 ? (
            <Breadcrumbs ctx={ctx} crumbs={props.crumbs} />
          ) : null}
          {props.children}
        </main>
        <Footer ctx={ctx} assets={assets} organization={props.organization ?? null} />
      </body>
    </html>
  );
}

function AlternateLanguages({ ctx }: { ctx: PageContext }) {
  return (
    <>
      {(['it', 'en'] as WebLang[]).map((lang) => (
        <link rel="alternate" hreflang={lang} href={samePageIn(ctx, lang)} key={lang} />
      ))}
    </>
  );
}

function Header(props: {
  ctx: PageContext;
  assets: AssetUrls;
  organization: PageOrganization | null;
  account: Account | null;
  nav: { path: string; label: string }[] | undefined;
}) {
  const { ctx, assets, organization, account } = props;
  const nav = props.nav ?? [
    { path: '/', label: t0(ctx).navOrganizations },
    { path: '/piano-triennale', label: t0(ctx).navAbout },
    { path: '/dati-aperti', label: t0(ctx).navApi },
  ];
  const t = ctx.t;
  const brandPath = organization?.path ?? '/';
  return (
    <header class="it-header-wrapper">
      <div class="it-header-slim-wrapper">
        <div class="container">
          <div class="row">
            <div class="col-12">
              <div class="it-header-slim-wrapper-content">
                <a class="d-lg-block navbar-brand" href={href(ctx, '/')}>
                  {t.siteName} <span class="d-none d-md-inline">– {t.siteTagline}</span>
                </a>
                <div class="it-header-slim-right-zone">
                  <LanguageSwitch ctx={ctx} />
                  <AccountZone ctx={ctx} account={account} />
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="it-nav-wrapper">
        <div class="it-header-center-wrapper">
          <div class="container">
            <div class="row">
              <div class="col-12">
                <div class="it-header-center-content-wrapper">
                  <div class="it-brand-wrapper">
                    <a href={href(ctx, brandPath)}>
                      <Icon assets={assets} name="it-pa" />
                      <div class="it-brand-text">
                        <div class="it-brand-title">{organization?.name ?? t.siteName}</div>
                        <div class="it-brand-tagline d-none d-md-block">{t.siteTagline}</div>
                      </div>
                    </a>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        <div class="it-header-navbar-wrapper piano-navbar">
          <div class="container">
            <nav aria-label={t.mainNav}>
              <ul class="piano-nav-list">
                {nav.map((item) => (
                  <NavItem ctx={ctx} path={item.path} label={item.label} key={item.path} />
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </div>
    </header>
  );
}

const t0 = (ctx: PageContext) => ctx.t;

/**
 * Sign-in link for visitors; for a signed-in user their name, the back office and a sign-out
 * form (a post, so that a link elsewhere cannot sign anyone out).
 */
function AccountZone({ ctx, account }: { ctx: PageContext; account: Account | null }) {
  const t = ctx.t;
  if (!account) {
    return (
      <a class="piano-account-link" href={href(ctx, '/accedi')}>
        {t.signIn}
      </a>
    );
  }
  return (
    <div class="piano-account">
      <a class="piano-account-link" href={href(ctx, '/gestione')}>
        <span class="visually-hidden">{t.boBackOffice}: </span>
        {account.name}
      </a>
      <form method="post" action={href(ctx, '/esci')}>
        <input type="hidden" name="_csrf" value={account.csrf} />
        <button type="submit" class="btn btn-sm btn-outline-light">
          {t.boSignOut}
        </button>
      </form>
    </div>
  );
}

function NavItem({ ctx, path, label }: { ctx: PageContext; path: string; label: string }) {
  const current = ctx.path === path;
  return (
    <li>
      <a href={href(ctx, path)} aria-current={current ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
}

/** Links to the same page in each language; the current one is marked, not linked. */
function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const t = ctx.t;
  return (
    <nav aria-label={t.languageNav} class="piano-languages">
      <ul>
        {(['it', 'en'] as WebLang[]).map((lang) =>
          lang === ctx.lang ? (
            <li key={lang}>
              <span aria-current="true" lang={lang}>
                <abbr title={t.languages[lang]}>{t.languageShort[lang]}</abbr>
                <span class="visually-hidden"> ({t.languageCurrent})</span>
              </span>
            </li>
          ) : (
            <li key={lang}>
              <a href={samePageIn(ctx, lang)} hreflang={lang} lang={lang}>
                <span aria-hidden="true">{t.languageShort[lang]}</span>
                <span class="visually-hidden">{t.languages[lang]}</span>
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

function Breadcrumbs({ ctx, crumbs }: { ctx: PageContext; crumbs: Crumb[] }) {
  const all: Crumb[] = [{ label: ctx.t.home, path: '/' }, ...crumbs];
  return (
    <div class="cmp-breadcrumbs">
      <nav class="breadcrumb-container" aria-label={ctx.t.breadcrumb}>
        <ol class="breadcrumb p-0" data-element="breadcrumb">
          {all.map((c, i) =>
            c.path !== undefined && i < all.length - 1 ? (
              <li class="breadcrumb-item" key={i}>
                <a href={href(ctx, c.path)}>{c.label}</a>
                <span class="separator" aria-hidden="true">
                  /
                </span>
              </li>
            ) : (
              <li class="breadcrumb-item active" aria-current="page" key={i}>
                {c.label}
              </li>
            ),
          )}
        </ol>
      </nav>
    </div>
  );
}

function Footer(props: {
  ctx: PageContext;
  assets: AssetUrls;
  organization: PageOrganization | null;
}) {
  const { ctx, assets, organization } = props;
  const t = ctx.t;
  const accessibility = safeHref(organization?.accessibilityUrl) ?? href(ctx, '/accessibilita');
  return (
    <footer class="it-footer" id="footer">
      <div class="it-footer-main">
        <div class="container">
          <div class="row">
            <div class="col-12 footer-items-wrapper logo-wrapper">
              <div class="it-brand-wrapper">
                <a href={href(ctx, organization?.path ?? '/')}>
                  <Icon assets={assets} name="it-pa" />
                  <div class="it-brand-text">
                    <p class="it-brand-title h2 mb-0">{organization?.name ?? t.siteName}</p>
                  </div>
                </a>
              </div>
            </div>
          </div>
          <div class="row">
            <div class="col-md-6 footer-items-wrapper">
              <h2 class="footer-heading-title">{t.footerAbout}</h2>
              <p class="footer-info">{t.footerAboutText}</p>
            </div>
            <div class="col-md-3 footer-items-wrapper">
              <h2 class="footer-heading-title">{t.footerLinks}</h2>
              <ul class="footer-list">
                <li>
                  <a href={href(ctx, '/')}>{t.navOrganizations}</a>
                </li>
                <li>
                  <a href={href(ctx, '/piano-triennale')}>{t.navAbout}</a>
                </li>
                {organization?.website ? (
                  <li>
                    <UserLink url={organization.website}>{t.website}</UserLink>
                  </li>
                ) : null}
              </ul>
            </div>
            <div class="col-md-3 footer-items-wrapper">
              <h2 class="footer-heading-title">{t.footerData}</h2>
              <ul class="footer-list">
                <li>
                  <a href={href(ctx, '/dati-aperti')}>{t.navApi}</a>
                </li>
                <li>
                  <a href="/docs">{t.apiReference}</a>
                </li>
                <li>
                  <a href="/schema/piano-plan-v1.json">{t.interchangeSchema}</a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
      <div class="it-footer-small-prints clearfix">
        <div class="container">
          <h2 class="visually-hidden">{t.footerSmallPrints}</h2>
          <ul class="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li class="list-inline-item">
              <a href={accessibility} data-element="accessibility-link">
                {t.accessibilityStatement}
              </a>
            </li>
            <li class="list-inline-item">
              <a href={href(ctx, '/privacy')} data-element="privacy-policy-link">
                {t.privacy}
              </a>
            </li>
            <li class="list-inline-item">
              <a href={href(ctx, '/note-legali')} data-element="legal-notes">
                {t.legalNotes}
              </a>
            </li>
            <li class="list-inline-item piano-footer-note">{t.sourceCode}</li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
