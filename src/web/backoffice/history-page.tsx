/**
 * The audit history of a plan or of one of its items, for the organization's admin: who changed
 * what, when, from what to what. And the calendar feed's address: issued (shown once) or revoked.
 */
import { Pagination } from '../components/ui.js';
import { href, type PageContext } from '../page-context.js';
import { TableWrap } from '../portal/tables.js';
import { actionPath, planEditPath } from './paths.js';
import { BackOfficePage, PlanSubPage, Csrf, type Desk } from './ui.js';

export interface HistoryEvent {
  id: number;
  at: string | Date;
  actor: string;
  operation: string;
  entityType: string;
  entityId: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

export interface HistoryView {
  planId: string;
  planTitle: string;
  /** The item the history is about, when not the whole plan. */
  item: { type: string; id: string } | null;
  events: HistoryEvent[];
  page: number;
  pages: number;
}

export const historyPath = (planId: string) => `${planEditPath(planId)}/storico`;

const ROME_TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  hour: '2-digit',
  minute: '2-digit',
});
const ROME_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' });

/** When, in Italian time: the day as the interface writes dates, then hours and minutes. */
function when(ctx: PageContext, at: string | Date) {
  const date = new Date(at);
  return `${ctx.f.shortDate(ROME_DAY.format(date))} ${ROME_TIME.format(date)}`;
}

/** A recorded value as a person reads it: text as it is, a timing by its words, lists joined. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(shownValue).join(', ') || '—';
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') {
    return value.text;
  }
  const json = JSON.stringify(value);
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}

export function HistoryPage({ desk, view }: { desk: Desk; view: HistoryView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const itemName = view.item
    ? `${t.hiEntity[view.item.type] ?? view.item.type} ${view.item.id}`
    : t.hiAllPlan;
  const title = t.hiHistoryOf(itemName);
  const path = historyPath(view.planId);
  return (
    <PlanSubPage
      desk={desk}
      title={title}
      plan={{ id: view.planId, title: view.planTitle }}
      section={t.hiHistory}
    >
      <p>{t.hiHistoryIntro}</p>
      {view.item ? (
        <p>
          <a href={href(ctx, path)}>{t.hiAllPlan}</a>
        </p>
      ) : null}
      {view.events.length === 0 ? (
        <p>{t.hiNone}</p>
      ) : (
        <TableWrap label={title}>
          <table class="table table-sm">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.hiWhen}</th>
                <th scope="col">{t.hiWho}</th>
                <th scope="col">{t.hiWhat}</th>
                <th scope="col">{t.hiField}</th>
                <th scope="col">{t.hiBefore}</th>
                <th scope="col">{t.hiAfter}</th>
              </tr>
            </thead>
            <tbody>
              {view.events.map((e) => (
                <tr key={e.id}>
                  <td>{when(ctx, e.at)}</td>
                  <td>{e.actor}</td>
                  <td>
                    <Item ctx={ctx} planId={view.planId} event={e} />
                  </td>
                  <td>
                    {e.operation === 'create'
                      ? t.hiCreated
                      : e.operation === 'delete'
                        ? t.hiDeleted
                        : (t.hiFields[e.field ?? ''] ?? e.field ?? '—')}
                  </td>
                  <td>{e.operation === 'update' ? shownValue(e.before) : '—'}</td>
                  <td>{e.operation === 'delete' ? '—' : shownValue(e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination
        ctx={ctx}
        path={path}
        params={view.item ? { tipo: view.item.type, voce: view.item.id } : {}}
        page={view.page}
        pages={view.pages}
      />
    </PlanSubPage>
  );
}

/** The item an event is about: actions link to their editor, every item to its own history. */
function Item(props: { ctx: PageContext; planId: string; event: HistoryEvent }) {
  const { ctx, planId, event: e } = props;
  const t = ctx.t;
  const label = `${t.hiEntity[e.entityType] ?? e.entityType} ${e.entityType === 'plan' ? '' : e.entityId}`;
  const own = `${href(ctx, historyPath(planId))}?tipo=${encodeURIComponent(e.entityType)}&voce=${encodeURIComponent(e.entityId)}`;
  return (
    <>
      <a href={own}>{label.trim()}</a>
      {e.entityType === 'action' ? (
        <>
          {' '}
          (<a href={href(ctx, actionPath(planId, e.entityId))}>{t.boEditAction}</a>)
        </>
      ) : null}
    </>
  );
}

export interface CalendarView {
  live: { createdAt: string } | null;
  /** The new address, shown once after it is issued. */
  issued?: string | undefined;
}

export function CalendarPage({ desk, view }: { desk: Desk; view: CalendarView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const action = href(ctx, '/gestione/calendario');
  return (
    <BackOfficePage desk={desk} title={t.hiCalendar} crumbs={[{ label: t.hiCalendar }]}>
      <h1>{t.hiCalendar}</h1>
      <p>{t.hiCalendarIntro}</p>
      {view.issued ? (
        <section class="piano-note mb-4" aria-labelledby="calendar-issued">
          <h2 id="calendar-issued" class="h4">
            {t.hiCalendarIssued}
          </h2>
          <p>{t.hiCalendarIssuedText}</p>
          <label for="calendar-address" class="fw-semibold">
            {t.hiCalendarAddress}
          </label>
          <input
            id="calendar-address"
            class="form-control"
            type="text"
            readOnly
            value={view.issued}
          />
        </section>
      ) : null}
      <p>
        {view.live
          ? t.hiCalendarLive(ctx.f.shortDate(view.live.createdAt.slice(0, 10)))
          : t.hiCalendarNone}
      </p>
      <form method="post" action={action} class="mb-3">
        <Csrf value={desk.account.csrf} />
        <input type="hidden" name="azione" value="crea" />
        <p class="piano-hint" id="calendar-issue-hint">
          {t.hiCalendarIssueHint}
        </p>
        <button type="submit" class="btn btn-primary" aria-describedby="calendar-issue-hint">
          {t.hiCalendarIssue}
        </button>
      </form>
      {view.live ? (
        <form method="post" action={action}>
          <Csrf value={desk.account.csrf} />
          <input type="hidden" name="azione" value="revoca" />
          <button type="submit" class="btn btn-outline-danger">
            {t.hiCalendarRevoke}
          </button>
        </form>
      ) : null}
    </BackOfficePage>
  );
}
