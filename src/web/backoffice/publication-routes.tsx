/**
 * A plan's documents and publication page, and its lifecycle posts: each calls
 * takeLifecycleStep, the operation the API and the CLI call. Recording the approval uploads the
 * signed act, so that one post is multipart, parsed in a scope of its own.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { PianoError } from '../../domain/errors.js';
import { LIFECYCLE_STEPS, type LifecycleStep } from '../../domain/rules/plan-lifecycle.js';
import { roleIn } from '../../domain/rules/permissions.js';
import { readApprovalFile } from '../../operations/read-approval-file.js';
import { readOrganization } from '../../operations/read-organization.js';
import { readPlan } from '../../operations/read-plan.js';
import {
  MAX_SIGNED_FILE_BYTES,
  takeLifecycleStep,
  type SignedFileInput,
} from '../../operations/take-lifecycle-step.js';
import { ENGLISH_PREFIX, href, pageContext } from '../page-context.js';
import { planPath } from '../portal/paths.js';
import { param, redirect, send, type RouteKit } from './http.js';
import {
  emptyApproval,
  publicationPath,
  PublicationPage,
  type ApprovalForm,
} from './publication-page.js';
import { formOf } from './security.js';
import { MessagePage, type Desk, type FieldErrors } from './ui.js';

const OUTCOMES: Record<LifecycleStep, string> = {
  propose: 'proposto',
  send_back: 'bozza',
  approve: 'approvato',
  publish: 'pubblicato',
};

const isStep = (value: string | undefined): value is LifecycleStep =>
  (LIFECYCLE_STEPS as readonly string[]).includes(value ?? '');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));

export function registerPublicationRoutes(kit: RouteKit) {
  const { db, route, signedIn } = kit;

  async function publicationPage(
    reply: FastifyReply,
    desk: Desk,
    planId: string,
    state: { approval?: ApprovalForm; errors?: FieldErrors; reportDate?: string } = {},
    status = 200,
  ) {
    const principal = desk.principal;
    const plan = await readPlan({ db, principal, planId });
    const organization = await readOrganization({
      db,
      principal,
      organizationId: plan.organizationId,
    });
    const signed = plan.approval
      ? await readApprovalFile({ db, principal, planId: plan.id }).catch(() => null)
      : null;
    const view = {
      plan,
      portalPath: plan.status === 'published' ? planPath(organization, plan) : null,
      hasSignedFile: signed !== null,
      canStep: roleIn(principal, plan.organizationId) === 'admin',
      reportDate: state.reportDate ?? desk.ctx.today,
    };
    return send(
      reply,
      <PublicationPage
        desk={desk}
        view={view}
        approval={state.approval ?? emptyApproval()}
        errors={state.errors ?? {}}
      />,
      status,
    );
  }

  /** A refused step (a state that no longer allows it, a role that does not): why, and back. */
  function refusedStep(reply: FastifyReply, desk: Desk, planId: string, error: PianoError) {
    const t = desk.ctx.t;
    const status = { forbidden: 403, version_conflict: 409, lifecycle_step: 409 }[
      error.code as 'forbidden'
    ];
    return send(
      reply,
      <MessagePage
        desk={desk}
        title={t.puRefusedTitle}
        text={error.message}
        back={{ path: publicationPath(planId), label: t.puTitle }}
      />,
      status ?? 409,
    );
  }

  const done = (desk: Desk, planId: string, step: LifecycleStep) =>
    `${href(desk.ctx, publicationPath(planId))}?esito=${OUTCOMES[step]}`;

  route(
    'GET',
    '/gestione/piani/:plan/pubblicazione',
    signedIn(async (request, reply, desk) => {
      const asked = (request.query as Record<string, unknown>).data;
      const reportDate = typeof asked === 'string' && validDate(asked) ? asked : undefined;
      return publicationPage(reply, desk, param(request, 'plan'), { reportDate });
    }),
  );

  route(
    'POST',
    '/gestione/piani/:plan/pubblicazione',
    signedIn(async (request, reply, desk) => {
      const planId = param(request, 'plan');
      const f = formOf(request);
      const step = f.step;
      if (!isStep(step) || step === 'approve') {
        return refusedStep(
          reply,
          desk,
          planId,
          new PianoError('validation', desk.ctx.t.puRefusedTitle),
        );
      }
      try {
        await takeLifecycleStep({
          db,
          principal: desk.principal,
          planId,
          step,
          version: Number.parseInt(f.version ?? '', 10) || 0,
        });
      } catch (error) {
        if (error instanceof PianoError) return refusedStep(reply, desk, planId, error);
        throw error;
      }
      return redirect(reply, done(desk, planId, step));
    }),
  );

  // Recording the approval: multipart, in its own scope, the file read into memory up to 8 MB.
  void kit.app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_SIGNED_FILE_BYTES, files: 1, fields: 10, parts: 11 },
      async onFile(part) {
        const content = await part.toBuffer();
        const file: SignedFileInput | null =
          part.filename && content.length > 0 ? { fileName: part.filename, content } : null;
        (part as unknown as { value: unknown }).value = file;
      },
    });
    const path = '/gestione/piani/:plan/pubblicazione/approvazione';
    for (const url of [path, `${ENGLISH_PREFIX}${path}`]) {
      scope.post(url, { schema: { hide: true } }, (request, reply) =>
        signedIn(async (_request, _reply, desk) => {
          const planId = param(request, 'plan');
          const t = desk.ctx.t;
          const body = (request.body ?? {}) as Record<string, unknown>;
          const text = (name: string) =>
            typeof body[name] === 'string' ? (body[name] as string).trim() : '';
          const approval = { organ: text('organ'), number: text('number'), date: text('date') };
          const file = (body.file ?? null) as SignedFileInput | null;
          const errors: FieldErrors = {};
          if (!approval.organ) errors.organ = t.boRequired;
          if (!approval.number) errors.number = t.boRequired;
          if (!validDate(approval.date)) errors.date = t.puDateInvalid;
          if (!file) errors.file = t.puFileMissing;
          if (Object.keys(errors).length || !file) {
            return publicationPage(reply, desk, planId, { approval, errors }, 400);
          }
          try {
            await takeLifecycleStep({
              db,
              principal: desk.principal,
              planId,
              step: 'approve',
              version: Number.parseInt(text('version'), 10) || 0,
              act: approval,
              file,
            });
          } catch (error) {
            if (!(error instanceof PianoError)) throw error;
            if (error.code !== 'validation') return refusedStep(reply, desk, planId, error);
            // The file is not a signed PDF or P7M, or too large: said beside the file field.
            const wrong = { file: error.message };
            return publicationPage(reply, desk, planId, { approval, errors: wrong }, 400);
          }
          return redirect(reply, done(desk, planId, 'approve'));
        })(request, reply, pageContext(request.url, kit.today())),
      );
    }
  });
}
