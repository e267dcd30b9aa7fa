/**
 * The catalog picker on the action editor: the national lines of action and the PNRR measures the
 * action is linked to, each with *Scollega*, and a search (a GET form, `?cerca=`) whose matches
 * each have *Collega*. Every button posts a plain form with the version of the action read, so
 * the picker works without JavaScript and a save made meanwhile by someone else is a conflict.
 */
import type { JSX } from 'preact';
import type { PickerHits } from '../../domain/catalog/search.js';
import { href, type PageContext } from '../page-context.js';
import { actionPath } from './paths.js';
import { Csrf, ErrorSummary, Field, type Desk } from './ui.js';

/** What a picker's button asks: link or unlink a line of action or a PNRR measure. */
export const PICKER_OPS = ['collega', 'scollega', 'collega-misura', 'scollega-misura'] as const;
export type PickerOp = (typeof PICKER_OPS)[number];

/** A linked or found code with its title (null when the catalog lacks the code). */
export interface PickerItem {
  code: string;
  title: string | null;
}

export interface PickerView {
  /** The national edition the plan follows, whose lines are searched ("2024-2026"). */
  edition: string;
  /** False once the plan's revision is approved or published. */
  editable: boolean;
  lines: PickerItem[];
  measures: PickerItem[];
  /** The search asked for, if any: its text and its matches, or why it cannot run. */
  search: { text: string; error: string | null; hits: PickerHits | null } | null;
  /** A link the user asked for that was not saved because the action changed meanwhile. */
  conflict: { op: PickerOp; code: string } | null;
  /** A post that could not be saved, with the reason. */
  error: string | null;
}

export function CatalogPicker(props: {
  desk: Desk;
  planId: string;
  actionId: string;
  version: number;
  view: PickerView;
}) {
  const { desk, view } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const page = href(ctx, actionPath(props.planId, props.actionId));
  const post = `${page}/collegamenti`;
  const searchText = view.search && !view.search.error ? view.search.text : '';
  /** The hidden fields every picker form posts: the token, the version read, the search. */
  const hidden = () => (
    <>
      <Csrf value={desk.account.csrf} />
      <input type="hidden" name="version" value={String(props.version)} />
      {searchText ? <input type="hidden" name="cerca" value={searchText} /> : null}
    </>
  );
  const linkedLines = new Set(view.lines.map((l) => l.code));
  const linkedMeasures = new Set(view.measures.map((m) => m.code));
  return (
    <section id="collegamenti" class="piano-picker mt-5" aria-labelledby="collegamenti-title">
      <h2 id="collegamenti-title">{t.pkSection}</h2>
      <p>{t.pkIntro(view.edition)}</p>
      {view.conflict ? <PickerConflict ctx={ctx} view={view} post={post} hidden={hidden} /> : null}
      {view.error ? (
        <p class="alert alert-danger" role="alert">
          {view.error}
        </p>
      ) : null}
      {view.editable ? null : <p class="alert alert-info">{t.pkFrozen}</p>}
      <form method="post" action={post}>
        {hidden()}
        <h3 class="h4" id="linked-lines-title">
          {t.pkLinkedLines}
        </h3>
        <ItemList
          ctx={ctx}
          items={view.lines}
          empty={t.pkNoLines}
          labelledBy="linked-lines-title"
          button={view.editable ? { name: 'scollega', label: t.pkUnlink } : null}
        />
        <h3 class="h4" id="linked-measures-title">
          {t.pkLinkedMeasures}
        </h3>
        <ItemList
          ctx={ctx}
          items={view.measures}
          empty={t.pkNoMeasures}
          labelledBy="linked-measures-title"
          button={view.editable ? { name: 'scollega-misura', label: t.pkUnlink } : null}
        />
      </form>
      {view.editable ? (
        <>
          <ErrorSummary ctx={ctx} errors={view.search?.error ? { cerca: view.search.error } : {}} />
          <form method="get" action={`${page}#collegamenti`} class="piano-picker-search mt-4">
            <Field
              name="cerca"
              label={t.pkSearchLabel}
              hint={t.pkSearchHint}
              errors={view.search?.error ? { cerca: view.search.error } : {}}
            >
              {(a) => (
                <input
                  {...a}
                  type="search"
                  class="form-control"
                  value={view.search?.text ?? ''}
                  maxLength={199}
                />
              )}
            </Field>
            <button type="submit" class="btn btn-outline-primary">
              {t.pkSearchButton}
            </button>
          </form>
          {view.search?.hits ? (
            <SearchResults
              ctx={ctx}
              text={view.search.text}
              hits={view.search.hits}
              post={post}
              hidden={hidden}
              linkedLines={linkedLines}
              linkedMeasures={linkedMeasures}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function ItemList(props: {
  ctx: PageContext;
  items: PickerItem[];
  empty: string;
  labelledBy: string;
  button: { name: PickerOp; label: string } | null;
  linked?: ReadonlySet<string>;
}) {
  const t = props.ctx.t;
  if (props.items.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="piano-picker-list" aria-labelledby={props.labelledBy}>
      {props.items.map((item) => (
        <li key={item.code} data-code={item.code}>
          <span>
            <strong>{item.code}</strong> – {item.title ?? <em>{t.pkUntitled}</em>}
          </span>{' '}
          {props.linked?.has(item.code) ? (
            <span class="badge bg-secondary">{t.pkAlreadyLinked}</span>
          ) : props.button ? (
            <button
              type="submit"
              name={props.button.name}
              value={item.code}
              class="btn btn-outline-primary btn-xs"
            >
              {props.button.label}
              <span class="visually-hidden"> {item.code}</span>
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function SearchResults(props: {
  ctx: PageContext;
  text: string;
  hits: PickerHits;
  post: string;
  hidden: () => JSX.Element;
  linkedLines: ReadonlySet<string>;
  linkedMeasures: ReadonlySet<string>;
}) {
  const { ctx, hits } = props;
  const t = ctx.t;
  const n = (v: number) => ctx.f.number(v);
  return (
    <div class="piano-picker-results mt-3">
      <h3 class="h4" id="picker-results-title">
        {t.pkResults(props.text)}
      </h3>
      {hits.lineCount + hits.measureCount === 0 ? (
        <p>{t.pkNoResults(props.text)}</p>
      ) : (
        <form method="post" action={props.post}>
          {props.hidden()}
          <h4 class="h5" id="found-lines-title">
            {t.pkResultLines(n(hits.lineCount))}
          </h4>
          {hits.lineCount > hits.lines.length ? (
            <p>{t.pkShownFirst(n(hits.lines.length), n(hits.lineCount))}</p>
          ) : null}
          <ItemList
            ctx={ctx}
            items={hits.lines}
            empty=""
            labelledBy="found-lines-title"
            button={{ name: 'collega', label: t.pkLink }}
            linked={props.linkedLines}
          />
          <h4 class="h5" id="found-measures-title">
            {t.pkResultMeasures(n(hits.measureCount))}
          </h4>
          <ItemList
            ctx={ctx}
            items={hits.measures}
            empty=""
            labelledBy="found-measures-title"
            button={{ name: 'collega-misura', label: t.pkLink }}
            linked={props.linkedMeasures}
          />
        </form>
      )}
    </div>
  );
}

/** The link that was not saved, and a button that asks for it again on the current version. */
function PickerConflict(props: {
  ctx: PageContext;
  view: PickerView;
  post: string;
  hidden: () => JSX.Element;
}) {
  const t = props.ctx.t;
  const conflict = props.view.conflict;
  if (!conflict) return null;
  const unlink = conflict.op.startsWith('scollega');
  const what = unlink ? t.pkConflictUnlink(conflict.code) : t.pkConflictLink(conflict.code);
  return (
    <div class="alert alert-warning" role="alert" aria-labelledby="picker-conflict-title">
      <h3 id="picker-conflict-title" class="h4">
        {t.pkConflictTitle}
      </h3>
      <p>{t.pkConflictText(what)}</p>
      {props.view.editable ? (
        <form method="post" action={props.post}>
          {props.hidden()}
          <button type="submit" name={conflict.op} value={conflict.code} class="btn btn-primary">
            {unlink ? t.pkConfirmUnlink(conflict.code) : t.pkConfirmLink(conflict.code)}
          </button>
        </form>
      ) : null}
    </div>
  );
}
