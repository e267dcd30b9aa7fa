/**
 * Pages of text that every site of a public administration has (accessibility statement,
 * privacy, legal notes), what a three-year plan is, how to reuse the data, and error pages.
 */
import type { AssetUrls } from '../assets.js';
import { Layout } from '../components/layout.js';
import { href, type PageContext } from '../page-context.js';

interface InfoProps {
  ctx: PageContext;
  assets: AssetUrls;
}

function TextPage(
  props: InfoProps & { title: string; paragraphs: readonly string[]; extra?: string },
) {
  return (
    <Layout
      ctx={props.ctx}
      assets={props.assets}
      title={props.title}
      crumbs={[{ label: props.title }]}
    >
      <h1>{props.title}</h1>
      {props.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {props.extra ? <p>{props.extra}</p> : null}
    </Layout>
  );
}

export const AccessibilityPage = ({ ctx, assets }: InfoProps) => (
  <TextPage
    ctx={ctx}
    assets={assets}
    title={ctx.t.accessibilityTitle}
    paragraphs={ctx.t.accessibilityParagraphs}
    extra={ctx.t.accessibilityReport}
  />
);

export const PrivacyPage = ({ ctx, assets }: InfoProps) => (
  <TextPage
    ctx={ctx}
    assets={assets}
    title={ctx.t.privacyTitle}
    paragraphs={ctx.t.privacyParagraphs}
  />
);

export const LegalPage = ({ ctx, assets }: InfoProps) => (
  <TextPage ctx={ctx} assets={assets} title={ctx.t.legalTitle} paragraphs={ctx.t.legalParagraphs} />
);

export const AboutPage = ({ ctx, assets }: InfoProps) => (
  <TextPage ctx={ctx} assets={assets} title={ctx.t.aboutTitle} paragraphs={ctx.t.aboutParagraphs} />
);

export function OpenDataPage({ ctx, assets }: InfoProps) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} assets={assets} title={t.navApi} crumbs={[{ label: t.navApi }]}>
      <h1>{t.navApi}</h1>
      {t.openDataParagraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <ul>
        <li>
          <a href="/docs">{t.apiReference}</a>
        </li>
        <li>
          <a href="/openapi.json">OpenAPI 3.1 (JSON)</a>
        </li>
        <li>
          <a href="/schema/piano-plan-v1.json">{t.interchangeSchema}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function ErrorPage(props: InfoProps & { status: number; detail?: string | undefined }) {
  const { ctx, assets, status, detail } = props;
  const t = ctx.t;
  const [title, text] =
    status === 404
      ? [t.notFoundTitle, t.notFoundText]
      : status < 500
        ? [t.badRequestTitle, t.notFoundText]
        : [t.errorTitle, t.errorText];
  return (
    <Layout ctx={ctx} assets={assets} title={title}>
      <h1>{title}</h1>
      {detail ? <p>{detail}</p> : null}
      <p>{text}</p>
      <p>
        <a href={href(ctx, '/')}>{t.goHome}</a>
      </p>
    </Layout>
  );
}
