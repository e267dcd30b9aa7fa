/**
 * "Il mio lavoro", an editor's first page: their unit's actions (all of them for an admin), what
 * is overdue, due within 30 days or never updated, and one-step updates of status and progress
 * and measurements of indicators, each a small form of its own.
 */
import { ACTION_STATUSES } from '../../domain/model/action.js';
import { labelsFor } from '../../documents/labels.js';
import { StatusBadge } from '../components/ui.js';
import { href } from '../page-context.js';
import { actionPath } from './paths.js';
import type { WorkAction, WorkIndicator, WorkView } from './work.js';
import { BackOfficePage, Csrf, TimingDate, type Desk } from './ui.js';

export function WorkPage({ desk, view }: { desk: Desk; view: WorkView }) {
  const { ctx } = desk;
  const t = ctx.t;
  return (
    <BackOfficePage desk={desk} title={t.boMyWork} crumbs={[{ label: t.boMyWork }]}>
      <h1>{t.boMyWork}</h1>
      <p>{t.boMyWorkIntro(view.unitName ?? t.boAllUnits)}</p>
      <div class="row">
        <ShortList desk={desk} title={t.boOverdue} items={view.overdue} />
        <ShortList desk={desk} title={t.boDueSoon} items={view.dueSoon} />
        <ShortList desk={desk} title={t.boNeverUpdated} items={view.neverUpdated} />
      </div>
      <h2 class="mt-4">{t.boAllActions}</h2>
      {view.actions.length === 0 ? <p>{t.boNoActions}</p> : null}
      {view.actions.map((a) => (
        <QuickUpdate desk={desk} action={a} key={`${a.planId}/${a.row.id}`} />
      ))}
      <h2 class="mt-4">{t.boIndicators}</h2>
      {view.indicators.length === 0 ? <p>{t.boNoIndicators}</p> : null}
      {view.indicators.map((i) => (
        <MeasurementForm desk={desk} indicator={i} key={`${i.planId}/${i.row.id}`} />
      ))}
    </BackOfficePage>
  );
}

function ShortList({ desk, title, items }: { desk: Desk; title: string; items: WorkAction[] }) {
  const { ctx } = desk;
  return (
    <section class="col-md-4">
      <h2 class="h5">
        {title} ({ctx.f.number(items.length)})
      </h2>
      {items.length === 0 ? (
        <p>{ctx.t.boNothingHere}</p>
      ) : (
        <ul>
          {items.map((a) => (
            <li key={`${a.planId}/${a.row.id}`}>
              <a href={href(ctx, actionPath(a.planId, a.row.id))}>{a.title}</a>
              {' – '}
              <TimingDate ctx={ctx} timing={a.timing} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function QuickUpdate({ desk, action: a }: { desk: Desk; action: WorkAction }) {
  const { ctx } = desk;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const id = `azione-${a.planId.slice(0, 8)}-${a.row.id}`;
  return (
    <article class="piano-work-card" id={id} data-action={a.row.id}>
      <h3 class="h5">
        <a href={href(ctx, actionPath(a.planId, a.row.id))}>{a.title}</a>
      </h3>
      <p class="mb-2">
        <StatusBadge status={a.status} label={L.actionStatus[a.status]} /> ·{' '}
        {t.progressValue(ctx.f.percent(a.progress))} · <TimingDate ctx={ctx} timing={a.timing} /> ·{' '}
        {a.planTitle}
      </p>
      <form
        method="post"
        action={href(ctx, actionPath(a.planId, a.row.id))}
        class="piano-inline-form"
      >
        <Csrf value={desk.account.csrf} />
        <input type="hidden" name="version" value={String(a.row.version)} />
        <input type="hidden" name="from" value="lavoro" />
        <input type="hidden" name="read_status" value={a.status} />
        <input type="hidden" name="read_progress" value={String(a.progress)} />
        <div>
          <label for={`${id}-status`}>
            {t.boStatus}
            <span class="visually-hidden"> – {a.title}</span>
          </label>
          <select id={`${id}-status`} name="status" class="form-select">
            {ACTION_STATUSES.map((s) => (
              <option value={s} selected={s === a.status} key={s}>
                {L.actionStatus[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${id}-progress`}>
            {t.boProgress}
            <span class="visually-hidden"> – {a.title}</span>
          </label>
          <input
            id={`${id}-progress`}
            name="progress"
            type="number"
            min={0}
            max={100}
            step={1}
            class="form-control"
            value={String(a.progress)}
          />
        </div>
        <button type="submit" class="btn btn-primary btn-sm" aria-label={t.boUpdateOf(a.title)}>
          {t.boUpdate}
        </button>
      </form>
    </article>
  );
}

function MeasurementForm({ desk, indicator: i }: { desk: Desk; indicator: WorkIndicator }) {
  const { ctx } = desk;
  const t = ctx.t;
  const id = `indicatore-${i.planId.slice(0, 8)}-${i.row.id}`;
  return (
    <article class="piano-work-card" id={id}>
      <h3 class="h5">{i.name}</h3>
      <p class="mb-2">
        {t.boLatest}:{' '}
        {i.latest
          ? `${ctx.f.number(i.latest.value)}${i.unit ? ` ${i.unit}` : ''} (${ctx.f.shortDate(i.latest.date)})`
          : '—'}
      </p>
      <form
        method="post"
        action={href(ctx, `/gestione/piani/${i.planId}/indicatori/${i.row.id}/rilevazioni`)}
        class="piano-inline-form"
      >
        <Csrf value={desk.account.csrf} />
        <div>
          <label for={`${id}-date`}>{t.boMeasurementDate(i.name)}</label>
          <input id={`${id}-date`} name="date" type="date" class="form-control" value={ctx.today} />
        </div>
        <div>
          <label for={`${id}-value`}>{t.boMeasurementValue(i.name)}</label>
          <input
            id={`${id}-value`}
            name="value"
            type="text"
            inputMode="decimal"
            class="form-control"
          />
        </div>
        <button type="submit" class="btn btn-primary btn-sm" aria-label={t.boRecordOf(i.name)}>
          {t.boRecord}
        </button>
      </form>
    </article>
  );
}
