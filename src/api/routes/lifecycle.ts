import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import { LIFECYCLE_STEPS } from '../../domain/rules/plan-lifecycle.js';
import type { Db } from '../../storage/db.js';
import { diffPlanRevisions } from '../../operations/diff-plan-revisions.js';
import { readApprovalFile } from '../../operations/read-approval-file.js';
import { startPlanRevision } from '../../operations/start-plan-revision.js';
import { takeLifecycleStep } from '../../operations/take-lifecycle-step.js';
import { requireSignedIn } from '../auth.js';
import { READ_ERRORS, Uuid, WRITE_ERRORS } from './common.js';
import { PlanResource } from './plans.js';

const PlanParams = Type.Object({ planId: Uuid });
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);
const StepBody = Type.Object(
  {
    step: Type.Union(
      LIFECYCLE_STEPS.map((s) => Type.Literal(s)),
      {
        description:
          'propose (bozza → proposto), send_back (proposto → bozza), approve (proposto → ' +
          'approvato, con atto e file firmato), publish (approvato → pubblicato; la revisione ' +
          'pubblicata prima nella stessa serie diventa sostituita)',
      },
    ),
    version: Type.Integer({ minimum: 1 }),
    act: Type.Optional(
      Type.Object(
        {
          organ: Nullable(Type.String({ maxLength: 200 })),
          number: Nullable(Type.String({ maxLength: 50 })),
          date: Nullable(Type.String({ format: 'date' })),
        },
        { additionalProperties: false },
      ),
    ),
    file: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200, description: 'nome.pdf o nome.p7m' }),
          contentBase64: Type.String({ minLength: 1, description: 'Il file firmato in Base64' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const RevisionBody = Type.Object(
  {
    period: Type.Union([Type.Literal('same'), Type.Literal('next_year')], {
      description: 'same: stesso periodo, nuova etichetta; next_year: periodo spostato di un anno',
    }),
    revisionLabel: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    completed: Type.Union([Type.Literal('carry'), Type.Literal('leave')], {
      description: 'le azioni concluse: riportate (carry) o lasciate fuori (leave)',
    }),
  },
  { additionalProperties: false },
);
const Started = Type.Object({ organizationId: Type.String(), planId: Type.String() });
const DiffParams = Type.Object({ planId: Uuid, otherId: Uuid });
const Change = Type.Object({}, { additionalProperties: true });
const Diff = Type.Object(
  {
    before: Change,
    after: Change,
    actions: Type.Object({
      added: Type.Array(Change),
      removed: Type.Array(Change),
      changed: Type.Array(Change),
    }),
    deadlinesMoved: Type.Array(Change),
    targetsChanged: Type.Array(Change),
    spendingBySource: Type.Array(Change),
    platformsChanged: Type.Array(Change),
    empty: Type.Boolean(),
  },
  { description: 'Cosa cambia dalla prima revisione alla seconda' },
);
const StepResult = Type.Object({ plan: PlanResource, superseded: Type.Array(Type.String()) });

export function registerLifecycleRoutes(
  app: FastifyInstance,
  db: Db,
  config: Pick<Config, 'PIANO_IMPORT_BODY_LIMIT'>,
) {
  const tags = ['Piani'];

  app.post(
    '/plans/:planId/lifecycle',
    {
      preValidation: requireSignedIn,
      bodyLimit: config.PIANO_IMPORT_BODY_LIMIT,
      schema: {
        tags,
        operationId: 'advancePlanLifecycle',
        summary: 'Fa avanzare il piano nel suo ciclo di vita',
        description:
          'Proporre, rimandare in bozza, approvare (atto: organo, numero, data, e il file firmato ' +
          'PDF o P7M, conservato con il suo SHA-256) e pubblicare. Un piano approvato o ' +
          'pubblicato non si modifica più: lo impedisce il database.',
        params: PlanParams,
        body: StepBody,
        response: { 200: StepResult, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const { planId } = request.params as Static<typeof PlanParams>;
      const body = request.body as Static<typeof StepBody>;
      return takeLifecycleStep({
        db,
        principal: request.principal,
        planId,
        step: body.step,
        version: body.version,
        act: body.act,
        file: body.file && {
          fileName: body.file.name,
          content: Buffer.from(body.file.contentBase64, 'base64'),
        },
      });
    },
  );

  app.post(
    '/plans/:planId/revisions',
    {
      preValidation: requireSignedIn,
      schema: {
        tags,
        summary: 'Avvia la revisione successiva del piano (una bozza)',
        description:
          'Copia il piano in una nuova bozza della stessa serie: azioni, indicatori e voci di ' +
          'spesa conservano la loro identità (lineageId); le azioni concluse sono riportate o ' +
          'lasciate fuori, e la scelta è registrata.',
        params: PlanParams,
        body: RevisionBody,
        response: { 201: Started, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { planId } = request.params as Static<typeof PlanParams>;
      const body = request.body as Static<typeof RevisionBody>;
      const started = await startPlanRevision({
        db,
        principal: request.principal,
        planId,
        ...body,
      });
      return reply.status(201).send(started);
    },
  );

  app.get(
    '/plans/:planId/diff/:otherId',
    {
      schema: {
        tags,
        operationId: 'comparePlanRevisions',
        summary: 'Cosa cambia da una revisione del piano a un’altra',
        description:
          'Azioni aggiunte, tolte e cambiate campo per campo, scadenze spostate, target ' +
          'cambiati, spesa per fonte di finanziamento prima e dopo, piattaforme con stato ' +
          'cambiato. Azioni, indicatori e voci di spesa sono riconosciuti dal lineageId.',
        params: DiffParams,
        response: { 200: Diff, ...READ_ERRORS, 422: READ_ERRORS[400] },
      },
    },
    async (request) => {
      const { planId, otherId } = request.params as Static<typeof DiffParams>;
      return diffPlanRevisions({ db, principal: request.principal, planId, otherId });
    },
  );

  app.get(
    '/plans/:planId/approval-file',
    {
      schema: {
        tags,
        summary: 'Il file firmato dell’atto di approvazione',
        description: 'Con Content-Disposition e l’intestazione Digest (SHA-256).',
        params: PlanParams,
        response: {
          200: {
            description: 'Il file firmato (PDF o P7M)',
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'application/pkcs7-mime': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...READ_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { planId } = request.params as Static<typeof PlanParams>;
      const file = await readApprovalFile({ db, principal: request.principal, planId });
      const sha = Buffer.from(file.sha256, 'hex').toString('base64');
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/"/g, '')}"`)
        .header('digest', `sha-256=${sha}`)
        .header('x-content-sha256', file.sha256)
        .send(Buffer.from(file.content));
    },
  );
}
