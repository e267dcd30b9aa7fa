/**
 * Small typed components on bootstrap-italia's classes, shared by every page. Text that users
 * typed is always passed as children or attributes, which the renderer escapes; the one place
 * that writes markup as it is (`Chart`) takes SVG made by piano's own chart code, which escapes
 * every label itself.
 */
import type { ComponentChildren } from 'preact';
import type { ActionStatus } from '../../domain/model/action.js';
import { isWebUrl } from '../../domain/model/common.js';
import type { AssetUrls } from '../assets.js';
import { href, queryString, type PageContext } from '../page-context.js';

/**
 * A URL typed by a user, if it is one a link may carry (web or e-mail): anything else
 * (`javascript:`, `data:`…) is shown as text, never linked, whatever reached the database.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  return isWebUrl(url) ? url.trim() : undefined;
}

/** A link to a URL a user typed, or the URL as plain text when it is not a safe link. */
export function UserLink({ url, children }: { url: string; children?: ComponentChildren }) {
  const target = safeHref(url);
  return target ? <a href={target}>{children ?? url}</a> : <span>{children ?? url}</span>;
}

export function Icon(props: { assets: AssetUrls; name: string; class?: string }) {
  return (
    <svg class={`icon ${props.class ?? ''}`.trim()} aria-hidden="true" focusable="false">
      <use href={`${props.assets.file('sprites.svg')}#${props.name}`} />
    </svg>
  );
}

const STATUS_CLASSES: Record<ActionStatus, string> = {
  planned: 'piano-status-planned',
  in_progress: 'piano-status-in-progress',
  completed: 'piano-status-completed',
  suspended: 'piano-status-suspended',
  cancelled: 'piano-status-cancelled',
};

/** An action's status as a badge, in words (the colour only repeats them). */
export function StatusBadge({ status, label }: { status: ActionStatus; label: string }) {
  return <span class={`badge piano-status ${STATUS_CLASSES[status]}`}>{label}</span>;
}

/** A progress bar whose value is also written out; the bar itself is decoration. */
export function Progress({ ctx, value }: { ctx: PageContext; value: number }) {
  const text = ctx.t.progressValue(ctx.f.percent(value));
  return (
    <div class="piano-progress">
      <progress max={100} value={value} aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}

/** Label–value pairs ("Triennio: 2025–2027"), as a description list. */
export function Facts({ items }: { items: [label: string, value: ComponentChildren][] }) {
  return (
    <dl class="piano-facts">
      {items
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * A chart drawn by piano's chart code (documents/charts.ts): the SVG names its description for
 * screen readers, and the page puts a table with the same numbers right after it.
 */
export function Chart({ svg, note }: { svg: string; note: string }) {
  return (
    <figure class="piano-chart">
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption class="visually-hidden">{note}</figcaption>
    </figure>
  );
}

/** Previous/next links over a list split into pages; works as plain links. */
export function Pagination(props: {
  ctx: PageContext;
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  pages: number;
}) {
  const { ctx, path, params, page, pages } = props;
  if (pages <= 1) return null;
  const link = (p: number) => href(ctx, path) + queryString({ ...params, pagina: p > 1 ? p : '' });
  return (
    <nav class="pagination-wrapper" aria-label={ctx.t.pagination}>
      <ul class="pagination">
        {page > 1 ? (
          <li class="page-item">
            <a class="page-link" href={link(page - 1)}>
              {ctx.t.previousPage}
            </a>
          </li>
        ) : null}
        <li class="page-item">
          <span class="page-link" aria-current="page">
            {ctx.t.pageOfPages(page, pages)}
          </span>
        </li>
        {page < pages ? (
          <li class="page-item">
            <a class="page-link" href={link(page + 1)}>
              {ctx.t.nextPage}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A bordered box with a short message (empty lists, notes). */
export function Note({ children }: { children: ComponentChildren }) {
  return <p class="piano-note">{children}</p>;
}
