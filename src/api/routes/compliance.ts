import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { ComplianceReportSchema, StarterProposalSchema } from '../../domain/compliance/model.js';
import { IsoDate } from '../../domain/model/common.js';
import type { Db } from '../../storage/db.js';
import { acceptStarterActions } from '../../operations/accept-starter-actions.js';
import { checkPlanCompliance } from '../../operations/check-plan-compliance.js';
import { proposeStarterActions } from '../../operations/propose-starter-actions.js';
import { summarizeNationalCoverage } from '../../operations/summarize-national-coverage.js';
import { requireSignedIn } from '../auth.js';
import { PLAN_PARTS } from '../part-resources.js';
import { PageQuery, READ_ERRORS, Uuid, WRITE_ERRORS, pageOf, problems } from './common.js';

const PlanParams = Type.Object({ planId: Uuid });
/** `asOf` judges deadlines as on another day (by default: today in Italy). */
const AsOfQuery = Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false });
const AcceptBody = Type.Object(
  {
    proposals: Type.Array(Type.String({ maxLength: 100 }), {
      minItems: 1,
      maxItems: 300,
      description: 'Identificatori delle proposte da accettare',
    }),
  },
  { additionalProperties: false },
);
const outputOf = (type: string) => PLAN_PARTS.find((r) => r.table.type === type)?.output;
const Accepted = Type.Object({
  priorities: Type.Array(outputOf('priority') ?? Type.Unknown()),
  actions: Type.Array(outputOf('action') ?? Type.Unknown()),
});
const OverviewQuery = Type.Object(
  {
    limit: PageQuery.limit,
    offset: PageQuery.offset,
    edition: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{4}$' })),
  },
  { additionalProperties: false },
);
const OverviewRow = Type.Object({
  organizationId: Type.String(),
  name: Type.String(),
  population: Type.Union([Type.Integer(), Type.Null()]),
  planId: Type.String(),
  planTitle: Type.String(),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  required: Type.Integer(),
  covered: Type.Integer(),
  percent: Type.Union([Type.Number(), Type.Null()]),
});
const Overview = Type.Object({
  ...pageOf(OverviewRow).properties,
  edition: Type.Object({ id: Type.String(), title: Type.String() }),
  lines: Type.Integer({ description: 'Linee che riguardano i comuni' }),
  averagePercent: Type.Union([Type.Number(), Type.Null()]),
});

/** Coverage and gaps of a plan against the national plan, starter actions, national overview. */
export function registerComplianceRoutes(app: FastifyInstance, db: Db) {
  const tags = ['Conformità'];

  app.get(
    '/plans/:planId/compliance',
    {
      schema: {
        tags,
        summary: 'Copertura del Piano triennale nazionale, lacune e ritardi del piano',
        description:
          'Ogni rilievo ha una gravità (blocking, warning, info), il codice del catalogo, la scadenza nazionale e un’azione suggerita.',
        params: PlanParams,
        querystring: AsOfQuery,
        response: { 200: ComplianceReportSchema, ...READ_ERRORS },
      },
    },
    async (request) => {
      const { planId } = request.params as Static<typeof PlanParams>;
      const { asOf } = request.query as Static<typeof AsOfQuery>;
      return checkPlanCompliance({ db, principal: request.principal, planId, today: asOf });
    },
  );

  app.get(
    '/plans/:planId/starter',
    {
      schema: {
        tags,
        summary: 'Azioni proposte dal catalogo per completare il piano',
        params: PlanParams,
        querystring: AsOfQuery,
        response: {
          200: Type.Object({ edition: Type.String(), items: Type.Array(StarterProposalSchema) }),
          ...READ_ERRORS,
        },
      },
    },
    async (request) => {
      const { planId } = request.params as Static<typeof PlanParams>;
      const { asOf } = request.query as Static<typeof AsOfQuery>;
      return proposeStarterActions({ db, principal: request.principal, planId, today: asOf });
    },
  );

  app.post(
    '/plans/:planId/starter',
    {
      preValidation: requireSignedIn,
      schema: {
        tags,
        summary: 'Accetta le proposte scelte: le azioni sono create in un’unica operazione',
        params: PlanParams,
        querystring: AsOfQuery,
        body: AcceptBody,
        response: { 201: Accepted, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { planId } = request.params as Static<typeof PlanParams>;
      const { asOf } = request.query as Static<typeof AsOfQuery>;
      const accepted = await acceptStarterActions({
        db,
        principal: request.principal,
        planId,
        proposals: (request.body as Static<typeof AcceptBody>).proposals,
        today: asOf,
      });
      return reply.status(201).send(accepted);
    },
  );

  app.get(
    '/compliance/overview',
    {
      schema: {
        tags,
        summary: 'Copertura nazionale: il piano corrente di ogni comune, i meno coperti per primi',
        description: 'Per i consulenti di piattaforma.',
        querystring: OverviewQuery,
        response: { 200: Overview, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      summarizeNationalCoverage({
        db,
        principal: request.principal,
        ...(request.query as Static<typeof OverviewQuery>),
      }),
  );
}
