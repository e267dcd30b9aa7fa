/**
 * The import wizard's pages: the upload form, the review of the draft one priority at a time
 * (each action beside the source lines it came from, with its confidence and the signals that
 * made the importer take it), the other parts recognised, and the source text, whose lines can
 * become actions. Every change is a small form post; nothing needs a script.
 */
import type { ComponentChildren } from 'preact';
import { parseTiming } from '../../domain/timing/parse-timing.js';
import type { DraftItem, ImportDraft } from '../../operations/import-draft.js';
import { href, type PageContext } from '../page-context.js';
import {
  BackOfficePage,
  Csrf,
  ErrorSummary,
  Field,
  TextField,
  TimingDate,
  type Desk,
  type FieldErrors,
} from './ui.js';

export const IMPORT_PATH = '/gestione/importa';
export const draftPath = (id: string) => `${IMPORT_PATH}/${id}`;
/** Actions of a priority shown per page of the review. */
export const ACTIONS_PER_PAGE = 25;
/** Lines of the source text shown per page. */
export const LINES_PER_PAGE = 200;
/** The review page's tab for what is not a priority's actions. */
export const OTHER_PARTS = 'altro';

export function UploadPage(props: { desk: Desk; errors: FieldErrors }) {
  const { desk, errors } = props;
  const { ctx } = desk;
  const t = ctx.t;
  return (
    <BackOfficePage
      desk={desk}
      title={t.boImportTitle}
      crumbs={[{ label: t.boPlans, path: '/gestione/piani' }, { label: t.boImportTitle }]}
    >
      <h1>{t.boImportTitle}</h1>
      <p>{t.boImportIntro}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={href(ctx, IMPORT_PATH)} enctype="multipart/form-data" novalidate>
        <Csrf value={desk.account.csrf} />
        <Field name="file" label={t.boImportFile} errors={errors} hint={t.boImportFileHint}>
          {(a) => (
            <input
              {...a}
              type="file"
              class="form-control"
              accept=".docx,.pdf,.html,.htm,.md,.markdown,.txt,text/plain,text/html,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            />
          )}
        </Field>
        <button type="submit" class="btn btn-primary">
          {t.boImportRead}
        </button>
      </form>
    </BackOfficePage>
  );
}

type DraftAction = ImportDraft['document']['actions'][number];

/** A failed correction: the action, what was typed and what is wrong. */
export interface CorrectionFailure {
  actionId: string;
  form: CorrectionForm;
  errors: FieldErrors;
}
export interface CorrectionForm {
  title: string;
  priorityId: string;
  responsibles: string;
  timing: string;
}

export const correctionFormOf = (a: DraftAction): CorrectionForm => ({
  title: a.title,
  priorityId: a.priorityId,
  responsibles: a.responsibles.join('\n'),
  timing: typeof a.timing === 'string' ? a.timing : (a.timing?.text ?? ''),
});

export function ReviewPage(props: {
  desk: Desk;
  draft: ImportDraft;
  /** The priority shown, or OTHER_PARTS. */
  showing: string;
  /** The page of the priority's actions shown, from 1. */
  page: number;
  failure?: CorrectionFailure | undefined;
  saveErrors?: string[] | undefined;
}) {
  const { desk, draft, showing, failure } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const doc = draft.document;
  const base = href(ctx, draftPath(draft.id));
  const items = new Map(draft.items.map((i) => [i.key, i]));
  const lineIndex = indexLines(draft);
  const title = t.boImportReviewTitle;
  const priority = doc.priorities.find((p) => p.id === showing);
  const all = doc.actions.filter((a) => a.priorityId === showing);
  const pages = Math.max(1, Math.ceil(all.length / ACTIONS_PER_PAGE));
  const page = Math.min(props.page, pages);
  const actions = all.slice((page - 1) * ACTIONS_PER_PAGE, page * ACTIONS_PER_PAGE);
  const pageLink = (n: number) =>
    `${base}?priorita=${encodeURIComponent(showing)}${n > 1 ? `&pagina=${n}` : ''}#priorita`;
  const pager =
    pages > 1 ? (
      <nav aria-label={t.boImportActionPages} class="mb-3">
        <ul class="piano-inline-form list-unstyled">
          {Array.from({ length: pages }, (_, k) => k + 1).map((n) => (
            <li key={n}>
              <a href={pageLink(n)} aria-current={n === page ? 'page' : undefined}>
                {t.boImportActionPage(String(n), String(pages))}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    ) : null;
  return (
    <BackOfficePage
      desk={desk}
      title={title}
      crumbs={[{ label: t.boImportTitle, path: IMPORT_PATH }, { label: title }]}
    >
      <h1>{title}</h1>
      <p>
        {t.boImportSourceOf(
          draft.source.fileName ?? '—',
          draft.source.format.toUpperCase(),
          draft.source.pages === null ? '' : t.boImportPages(String(draft.source.pages)),
        )}{' '}
        {t.boImportCounts(String(doc.priorities.length), String(doc.actions.length))}
      </p>
      <p>
        <strong>{doc.plan.title}</strong> ({ctx.f.period(doc.plan.startYear, doc.plan.endYear)})
      </p>
      {draft.warnings.length > 0 ? (
        <section aria-labelledby="import-warnings">
          <h2 class="h5" id="import-warnings">
            {t.boImportWarnings}
          </h2>
          <ul>
            {draft.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="import-save" class="mb-4">
        <h2 class="h4" id="import-save">
          {t.boImportSaveTitle}
        </h2>
        {props.saveErrors?.length ? (
          <div class="piano-error-summary" role="alert" tabIndex={-1} autofocus>
            <p class="mb-1">{t.boImportSaveFailed}</p>
            <ul class="mb-0">
              {props.saveErrors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p>{t.boImportSaveIntro}</p>
        <form method="post" action={`${base}/salva`}>
          <Csrf value={desk.account.csrf} />
          <button type="submit" class="btn btn-primary">
            {t.boImportSave}
          </button>
        </form>
      </section>
      <nav aria-labelledby="import-parts" class="mb-4">
        <h2 class="h4" id="import-parts">
          {t.boImportParts}
        </h2>
        <ul>
          {doc.priorities.map((p) => (
            <li key={p.id}>
              <a
                href={`${base}?priorita=${encodeURIComponent(p.id)}#priorita`}
                aria-current={p.id === showing ? 'page' : undefined}
              >
                {p.code ? `${p.code} – ` : ''}
                {p.title}
              </a>{' '}
              (
              {t.boImportActionCount(
                String(doc.actions.filter((a) => a.priorityId === p.id).length),
              )}
              )
            </li>
          ))}
          <li>
            <a
              href={`${base}?priorita=${OTHER_PARTS}#priorita`}
              aria-current={showing === OTHER_PARTS ? 'page' : undefined}
            >
              {t.boImportOtherParts}
            </a>
          </li>
          <li>
            <a href={`${base}/testo`}>{t.boImportSourceText}</a>
          </li>
        </ul>
      </nav>
      {priority ? (
        <section aria-labelledby="priorita">
          <h2 id="priorita">
            {t.boPriority}: {priority.code ? `${priority.code} – ` : ''}
            {priority.title}
          </h2>
          <Provenance ctx={ctx} item={items.get(`priority:${priority.id}`)} lines={lineIndex} />
          {actions.length === 0 ? <p>{t.boNothingHere}</p> : null}
          {pager}
          {actions.map((a) => (
            <ActionReview
              key={a.id}
              desk={desk}
              draft={draft}
              action={a}
              item={items.get(`action:${a.id}`)}
              lines={lineIndex}
              failure={failure?.actionId === a.id ? failure : undefined}
            />
          ))}
          {pager}
        </section>
      ) : showing === OTHER_PARTS ? (
        <OtherParts ctx={ctx} draft={draft} items={items} lines={lineIndex} />
      ) : (
        <p id="priorita">{t.boImportNoPriorities}</p>
      )}
    </BackOfficePage>
  );
}

type LineIndex = Map<string, number>;
const lineKey = (s: { page: number | null; line: number }) => `${s.page ?? ''}:${s.line}`;

function indexLines(draft: ImportDraft): LineIndex {
  const index: LineIndex = new Map();
  draft.lines.forEach((l, i) => {
    if (!index.has(lineKey(l))) index.set(lineKey(l), i);
  });
  return index;
}

/** Where an item came from (page and line), how sure the importer is, and how it found it. */
function Provenance(props: { ctx: PageContext; item: DraftItem | undefined; lines: LineIndex }) {
  const { ctx, item } = props;
  const t = ctx.t;
  if (!item) return null;
  return (
    <p class="piano-hint mb-1">
      {t.boImportWhere(
        item.source.page === null ? null : String(item.source.page),
        String(item.source.line),
      )}
      {' · '}
      {t.boImportConfidence(ctx.f.percent(Math.round(item.confidence * 100)))}
      {' · '}
      {recognizerLabel(ctx, item.recognizer)}
    </p>
  );
}

function recognizerLabel(ctx: PageContext, recognizer: string): string {
  const known = ctx.t.boImportRecognizers as Record<string, string>;
  return ctx.t.boImportRecognizedAs(known[recognizer] ?? recognizer);
}

function signalLabel(ctx: PageContext, signal: string): string {
  if (signal.startsWith('riconosciuto:')) {
    return recognizerLabel(ctx, signal.slice('riconosciuto:'.length));
  }
  return (ctx.t.boImportSignals as Record<string, string>)[signal] ?? signal;
}

/** The source lines an item was read from: its own line and the two after it. */
function SourceExcerpt(props: { ctx: PageContext; draft: ImportDraft; at: number | undefined }) {
  const { ctx, draft, at } = props;
  if (at === undefined) return <p>{ctx.t.boImportNoSource}</p>;
  const lines = draft.lines.slice(at, at + 3);
  return (
    <blockquote class="piano-source">
      {lines.map((l, i) => (
        <p key={i} class="mb-1">
          <span class="piano-hint">{ctx.t.boImportLineNumber(String(l.line))} </span>
          {l.text.length > 500 ? `${l.text.slice(0, 500)}…` : l.text}
        </p>
      ))}
    </blockquote>
  );
}

function ActionReview(props: {
  desk: Desk;
  draft: ImportDraft;
  action: DraftAction;
  item: DraftItem | undefined;
  lines: LineIndex;
  failure: CorrectionFailure | undefined;
}) {
  const { desk, draft, action, item, failure } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const plan = draft.document.plan;
  const base = `${href(ctx, draftPath(draft.id))}/azioni/${encodeURIComponent(action.id)}`;
  const words = correctionFormOf(action).timing;
  const timing = words ? parseTiming(words, plan) : null;
  const form = failure?.form ?? correctionFormOf(action);
  const errors = failure?.errors ?? {};
  const headingId = `azione-${action.id}-titolo`;
  const named = (label: string) => (
    <>
      {label}
      <span class="visually-hidden"> “{action.title}”</span>
    </>
  );
  return (
    <article
      id={`azione-${action.id}`}
      class="piano-import-item card card-bg mb-3"
      aria-labelledby={headingId}
    >
      <div class="card-body">
        <div class="row">
          <div class="col-lg-7">
            <h3 class="h5" id={headingId}>
              {action.code ? `${action.code} ` : ''}
              {action.title}
            </h3>
            <p class="mb-1">
              <strong>{t.boImportReviewState}:</strong>{' '}
              {t.boImportReview[item?.review ?? 'proposed']}
            </p>
            <dl class="piano-facts">
              <dt>{t.boImportResponsibles}</dt>
              <dd>{action.responsibles.join('; ') || t.boImportNone}</dd>
              <dt>{t.boTiming}</dt>
              <dd>
                {words ? <q>{words}</q> : null} <TimingDate ctx={ctx} timing={timing} />
              </dd>
              {action.microActions.length > 0 ? (
                <>
                  <dt>{t.boImportMicroActions}</dt>
                  <dd>
                    <ul class="mb-0">
                      {action.microActions.map((m) => (
                        <li key={m.id}>{m.title}</li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
              {item ? (
                <>
                  <dt>{t.boImportConfidenceLabel}</dt>
                  <dd>{ctx.f.percent(Math.round(item.confidence * 100))}</dd>
                  <dt>{t.boImportWhy}</dt>
                  <dd>
                    {item.review === 'added'
                      ? t.boImportAddedByYou
                      : item.why.map((w) => signalLabel(ctx, w)).join('; ') ||
                        recognizerLabel(ctx, item.recognizer)}
                  </dd>
                </>
              ) : null}
            </dl>
          </div>
          <div class="col-lg-5">
            <h4 class="h6">
              {item
                ? t.boImportWhere(
                    item.source.page === null ? null : String(item.source.page),
                    String(item.source.line),
                  )
                : t.boImportSourceText}
            </h4>
            <SourceExcerpt
              ctx={ctx}
              draft={draft}
              at={item ? props.lines.get(lineKey(item.source)) : undefined}
            />
          </div>
        </div>
        <div class="piano-inline-form">
          {item?.review === 'proposed' ? (
            <ItemButton desk={desk} action={`${base}/accetta`} label={named(t.boImportAccept)} />
          ) : null}
          <ItemButton
            desk={desk}
            action={`${base}/elimina`}
            label={named(t.boImportDelete)}
            outline
          />
          <ItemButton
            desk={desk}
            action={`${base}/testo`}
            label={named(t.boImportToText)}
            outline
          />
        </div>
        <details class="mt-2" open={failure ? true : undefined}>
          <summary>{named(t.boImportCorrect)}</summary>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action={`${base}/correggi`} novalidate>
            <Csrf value={desk.account.csrf} />
            <TextField
              name={`${action.id}-title`}
              input="title"
              label={t.boTitle}
              errors={errors}
              value={form.title}
              maxLength={1000}
            />
            <Field name={`${action.id}-priority`} label={t.boPriority} errors={errors}>
              {(a) => (
                <select {...a} name="priorityId" class="form-select">
                  {draft.document.priorities.map((p) => (
                    <option key={p.id} value={p.id} selected={p.id === form.priorityId}>
                      {p.code ? `${p.code} – ` : ''}
                      {p.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              name={`${action.id}-responsibles`}
              label={t.boImportResponsibles}
              hint={t.boImportResponsiblesHint}
              errors={errors}
            >
              {(a) => (
                <textarea {...a} name="responsibles" class="form-control" rows={3}>
                  {form.responsibles}
                </textarea>
              )}
            </Field>
            <TextField
              name={`${action.id}-timing`}
              input="timing"
              label={t.boTiming}
              hint={t.boTimingHint}
              errors={errors}
              value={form.timing}
              maxLength={2000}
            />
            <button type="submit" class="btn btn-primary btn-sm">
              {named(t.boImportSaveCorrection)}
            </button>
          </form>
        </details>
      </div>
    </article>
  );
}

function ItemButton(props: {
  desk: Desk;
  action: string;
  label: ComponentChildren;
  outline?: boolean;
}) {
  return (
    <form method="post" action={props.action}>
      <Csrf value={props.desk.account.csrf} />
      <button
        type="submit"
        class={props.outline ? 'btn btn-outline-primary btn-sm' : 'btn btn-primary btn-sm'}
      >
        {props.label}
      </button>
    </form>
  );
}

function OtherParts(props: {
  ctx: PageContext;
  draft: ImportDraft;
  items: Map<string, DraftItem>;
  lines: LineIndex;
}) {
  const { ctx, draft, items } = props;
  const t = ctx.t;
  const doc = draft.document;
  const where = (key: string) => {
    const item = items.get(key);
    if (!item) return '—';
    return `${t.boImportWhere(item.source.page === null ? null : String(item.source.page), String(item.source.line))} · ${ctx.f.percent(Math.round(item.confidence * 100))}`;
  };
  const table = (caption: string, head: string[], rows: { key: string; cells: string[] }[]) => (
    <div class="piano-table-wrapper" role="region" aria-label={caption} tabIndex={0}>
      <table class="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {[...head, t.boImportSourceAndConfidence].map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={head.length + 1}>{t.boImportNone}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={`${r.key}-${r.cells.join('|')}`}>
                {r.cells.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
                <td>{where(r.key)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="priorita">
      <h2 id="priorita">{t.boImportOtherParts}</h2>
      {table(
        t.boImportOrganization,
        [t.boImportDescription, t.boImportValue],
        [
          { key: '/organization', cells: [t.boOrganization, doc.organization.name] },
          {
            key: '/plan',
            cells: [
              t.boPlan,
              `${doc.plan.title} (${ctx.f.period(doc.plan.startYear, doc.plan.endYear)})`,
            ],
          },
          ...doc.organization.units.map((u) => ({
            key: '/organization',
            cells: [t.boUnit, u.name],
          })),
        ],
      )}
      {table(
        t.boSpendingBySource,
        [t.boImportDescription, t.boSource, t.boAmount],
        doc.spending.map((s, i) => ({
          key: `spending:${i}`,
          cells: [s.description, s.fundingSource ?? '', ctx.f.euro(s.amount)],
        })),
      )}
      {table(
        t.boImportBaseline,
        [t.boImportDescription, t.boImportValue],
        doc.baseline.map((b, i) => ({
          key: `baseline:${i}`,
          cells: [b.label, b.valueText ?? (b.value === null ? '' : String(b.value))],
        })),
      )}
      {table(
        t.boImportPlatforms,
        [t.boImportPlatform, t.boStatus],
        doc.platforms.map((p, i) => ({ key: `platform:${i}`, cells: [p.platform, p.status] })),
      )}
    </section>
  );
}

/** The source text, a page of lines at a time; a line no item came from can become an action. */
export function SourceTextPage(props: { desk: Desk; draft: ImportDraft; from: number }) {
  const { desk, draft, from } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const base = href(ctx, draftPath(draft.id));
  const used = new Map<string, string>();
  for (const a of draft.document.actions) {
    const item = draft.items.find((i) => i.key === `action:${a.id}`);
    if (item) used.set(lineKey(item.source), a.id);
  }
  const lines = draft.lines.slice(from, from + LINES_PER_PAGE);
  const actionOf = (id: string) => draft.document.actions.find((a) => a.id === id);
  const last = Math.min(from + LINES_PER_PAGE, draft.lines.length);
  const pager = (
    <p class="piano-inline-form">
      {from > 0 ? (
        <a href={`${base}/testo?da=${Math.max(0, from - LINES_PER_PAGE)}`}>{t.boImportPrevLines}</a>
      ) : null}
      {last < draft.lines.length ? (
        <a href={`${base}/testo?da=${last}`}>{t.boImportNextLines}</a>
      ) : null}
    </p>
  );
  return (
    <BackOfficePage
      desk={desk}
      title={t.boImportSourceText}
      crumbs={[
        { label: t.boImportTitle, path: IMPORT_PATH },
        { label: t.boImportReviewTitle, path: draftPath(draft.id) },
        { label: t.boImportSourceText },
      ]}
    >
      <h1>{t.boImportSourceText}</h1>
      <p>{t.boImportSourceIntro}</p>
      <p>
        {t.boImportLinesShown(String(from + 1), String(last), String(draft.lines.length))}{' '}
        <a href={base}>{t.boImportBackToReview}</a>
      </p>
      {pager}
      <ol class="piano-source-lines list-unstyled">
        {lines.map((l, k) => {
          const index = from + k;
          const actionId = used.get(lineKey(l));
          const action = actionId ? actionOf(actionId) : undefined;
          const label = t.boImportWhere(l.page === null ? null : String(l.page), String(l.line));
          return (
            <li key={index} id={`riga-${index}`} class="mb-2">
              <span class="piano-hint">{label}: </span>
              {l.text.length > 500 ? `${l.text.slice(0, 500)}…` : l.text}
              {action ? (
                <>
                  {' '}
                  <a
                    href={`${base}?priorita=${encodeURIComponent(action.priorityId)}#azione-${action.id}`}
                  >
                    {t.boImportIsAction}
                    <span class="visually-hidden"> “{action.title}”</span>
                  </a>
                </>
              ) : (
                <form method="post" action={`${base}/righe/${index}`} class="d-inline ms-2">
                  <Csrf value={desk.account.csrf} />
                  <button type="submit" class="btn btn-outline-primary btn-sm py-0 px-2">
                    {t.boImportMakeAction}
                    <span class="visually-hidden"> ({label})</span>
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ol>
      {pager}
    </BackOfficePage>
  );
}
