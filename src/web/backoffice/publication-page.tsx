/**
 * A plan's documents and publication: its status and approval act, the lifecycle step the RTD
 * can take next (propose, send back, record the approval with the signed act, publish), the
 * portal page once published, and every file of the plan with the report at a chosen date.
 */
import { labelsFor } from '../../documents/labels.js';
import { Downloads } from '../portal/plan-page.js';
import { exportUrl } from '../portal/paths.js';
import { href, type PageContext } from '../page-context.js';
import { planEditPath } from './paths.js';
import {
  PlanSubPage,
  Csrf,
  ErrorSummary,
  Field,
  TextField,
  type Desk,
  type FieldErrors,
} from './ui.js';

export const publicationPath = (planId: string) => `${planEditPath(planId)}/pubblicazione`;

export interface PublicationView {
  plan: {
    id: string;
    title: string;
    status: string;
    version: number;
    startYear: number;
    endYear: number;
    approval: { organ: string | null; number: string | null; date: string | null } | null;
  };
  /** The plan's page on the portal, once published. */
  portalPath: string | null;
  hasSignedFile: boolean;
  /** Whether the signed-in user may take lifecycle steps (the RTD or a consultant). */
  canStep: boolean;
  reportDate: string;
}

export interface ApprovalForm {
  organ: string;
  number: string;
  date: string;
}

export const emptyApproval = (): ApprovalForm => ({
  organ: 'Giunta comunale',
  number: '',
  date: '',
});

export function PublicationPage(props: {
  desk: Desk;
  view: PublicationView;
  approval: ApprovalForm;
  errors: FieldErrors;
}) {
  const { desk, view, errors } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const { plan } = view;
  const status = L.planStatus[plan.status as keyof typeof L.planStatus] ?? plan.status;
  const act = plan.approval;
  return (
    <PlanSubPage
      desk={desk}
      title={t.puTitleOf(plan.title)}
      plan={{ id: plan.id, title: plan.title }}
      section={t.puTitle}
    >
      <ErrorSummary ctx={ctx} errors={errors} />
      <section aria-labelledby="status-title">
        <h2 id="status-title">{t.puStatus}</h2>
        <p>{t.puStatusIs(status)}</p>
        {act?.organ && act.number && act.date ? (
          <p>
            {t.puApprovalAct(act.organ, act.number, ctx.f.shortDate(act.date))}{' '}
            {view.hasSignedFile ? (
              <a href={`/api/plans/${plan.id}/approval-file`} download>
                {t.puSignedFile}
              </a>
            ) : null}
          </p>
        ) : null}
        {view.portalPath ? (
          <p>
            <a class="btn btn-outline-primary" href={href(ctx, view.portalPath)}>
              {t.puOpenPortal}
            </a>
          </p>
        ) : null}
        {plan.status === 'superseded' ? <p>{t.puSuperseded}</p> : null}
      </section>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t.puSteps}</h2>
        <p>{t.puStepsIntro}</p>
        {view.canStep ? <Steps {...props} /> : <p>{t.puAdminsOnly}</p>}
      </section>
      <Downloads ctx={ctx} planId={plan.id} reportDate={view.reportDate} />
      <ReportDateForm ctx={ctx} view={view} />
      <section aria-labelledby="piao-title">
        <h2 id="piao-title">{t.puPiao}</h2>
        <ul>
          <li>
            <a href={exportUrl(plan.id, 'piao-allegato.docx')} download>
              {t.puPiaoAnnex}
            </a>
          </li>
          <li>
            <a
              href={exportUrl(plan.id, 'objectives.docx', { year: view.reportDate.slice(0, 4) })}
              download
            >
              {t.puObjectivesDocx(view.reportDate.slice(0, 4))}
            </a>
          </li>
          <li>
            <a
              href={exportUrl(plan.id, 'objectives.csv', { year: view.reportDate.slice(0, 4) })}
              download
            >
              {t.puObjectivesCsv(view.reportDate.slice(0, 4))}
            </a>
          </li>
        </ul>
      </section>
    </PlanSubPage>
  );
}

/** The step forms the plan's status allows, each a plain post. */
function Steps(props: {
  desk: Desk;
  view: PublicationView;
  approval: ApprovalForm;
  errors: FieldErrors;
}) {
  const { desk, view, approval, errors } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const { plan } = view;
  const action = href(ctx, publicationPath(plan.id));
  const step = (name: string, label: string, style = 'btn-primary') => (
    <form method="post" action={action} class="mb-3">
      <Csrf value={desk.account.csrf} />
      <input type="hidden" name="step" value={name} />
      <input type="hidden" name="version" value={String(plan.version)} />
      <button type="submit" class={`btn ${style}`}>
        {label}
      </button>
    </form>
  );
  if (plan.status === 'draft') {
    return (
      <>
        <p>{t.puProposeText}</p>
        {step('propose', t.puPropose)}
      </>
    );
  }
  if (plan.status === 'approved') {
    return (
      <>
        <p>{t.puPublishText}</p>
        {step('publish', t.puPublish)}
      </>
    );
  }
  if (plan.status !== 'proposed') return null;
  return (
    <>
      <h3 class="h4">{t.puApprove}</h3>
      <p>{t.puApproveText}</p>
      <form
        method="post"
        action={`${action}/approvazione`}
        encType="multipart/form-data"
        class="mb-4"
        novalidate
      >
        <Csrf value={desk.account.csrf} />
        <input type="hidden" name="version" value={String(plan.version)} />
        <TextField
          name="organ"
          label={t.puOrgan}
          hint={t.puOrganHint}
          errors={errors}
          value={approval.organ}
          maxLength={200}
        />
        <TextField
          name="number"
          label={t.puNumber}
          errors={errors}
          value={approval.number}
          maxLength={50}
        />
        <Field name="date" label={t.puActDate} errors={errors}>
          {(a) => <input {...a} type="date" class="form-control" value={approval.date} required />}
        </Field>
        <Field name="file" label={t.puSignedFileField} hint={t.puSignedFileHint} errors={errors}>
          {(a) => (
            <input
              {...a}
              type="file"
              class="form-control"
              accept=".pdf,.p7m,application/pdf,application/pkcs7-mime"
              required
            />
          )}
        </Field>
        <button type="submit" class="btn btn-primary">
          {t.puApprove}
        </button>
      </form>
      {step('send_back', t.puSendBack, 'btn-outline-primary')}
    </>
  );
}

function ReportDateForm({ ctx, view }: { ctx: PageContext; view: PublicationView }) {
  const t = ctx.t;
  return (
    <form
      method="get"
      action={href(ctx, publicationPath(view.plan.id))}
      class="piano-inline-form mb-4"
    >
      <div>
        <label for="report-date">{t.puReportDate}</label>
        <input
          id="report-date"
          name="data"
          type="date"
          class="form-control"
          value={view.reportDate}
        />
      </div>
      <button type="submit" class="btn btn-outline-primary btn-sm">
        {t.puReportDateButton}
      </button>
    </form>
  );
}
