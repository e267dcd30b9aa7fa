import { Type, type Static } from '@sinclair/typebox';
import { ACTION_STATUSES } from '../model/action.js';
import { IsoDate, Nullable, StringEnum } from '../model/common.js';
import { DEADLINE_KINDS } from '../catalog/model.js';

/**
 * What the compliance engine answers, as schemas: the API validates and documents its answers
 * with them, and the types below come from them.
 */

export const SEVERITIES = ['blocking', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_KINDS = [
  'uncovered_line',
  'suspended_coverage',
  'late_action',
  'undated_action',
  'platform_not_adopted',
  'platform_late',
  'other_edition_ref',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FindingSchema = Type.Object({
  kind: StringEnum(FINDING_KINDS),
  severity: StringEnum(SEVERITIES),
  code: Nullable(Type.String({ description: 'Codice del catalogo nazionale in causa' })),
  platform: Nullable(Type.String()),
  deadline: Nullable(
    Type.String({
      description: 'Scadenza nazionale: AAAA-MM per le linee, AAAA-MM-GG per le piattaforme',
    }),
  ),
  deadlineKind: Nullable(StringEnum(DEADLINE_KINDS)),
  actionIds: Type.Array(Type.String()),
  message: Type.String(),
  suggestion: Type.String({ description: 'Azione suggerita' }),
});
export type Finding = Static<typeof FindingSchema>;

const figureFields = {
  required: Type.Integer({ description: 'Linee che riguardano l’ente (facoltative escluse)' }),
  covered: Type.Integer({ description: 'Linee con almeno un’azione attiva' }),
  percent: Nullable(Type.Number({ description: 'Copertura, 0–100 con un decimale' })),
};
export const CoverageFigureSchema = Type.Object(figureFields);
export type CoverageFigure = Static<typeof CoverageFigureSchema>;

export const LINE_STATUSES = ['covered', 'suspended', 'uncovered'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const LineCoverageSchema = Type.Object({
  code: Type.String(),
  title: Type.String(),
  chapter: Type.Integer(),
  deadline: Nullable(Type.String()),
  deadlineKind: StringEnum(DEADLINE_KINDS),
  optional: Type.Boolean(),
  status: StringEnum(LINE_STATUSES),
  actionIds: Type.Array(Type.String(), { description: 'Azioni collegate (annullate escluse)' }),
});
export type LineCoverage = Static<typeof LineCoverageSchema>;

export const ComplianceReportSchema = Type.Object({
  edition: Type.Object({ id: Type.String(), title: Type.String() }),
  asOf: IsoDate,
  period: Type.Object({ startYear: Type.Integer(), endYear: Type.Integer() }),
  summary: Type.Object({
    ...figureFields,
    optional: Type.Integer(),
    optionalCovered: Type.Integer(),
    blocking: Type.Integer(),
    warnings: Type.Integer(),
    infos: Type.Integer(),
  }),
  chapters: Type.Array(
    Type.Object({ number: Type.Integer(), title: Type.String(), ...figureFields }),
  ),
  platforms: Type.Array(
    Type.Object({ platform: Type.String(), adoption: Nullable(Type.String()), ...figureFields }),
  ),
  lines: Type.Array(LineCoverageSchema),
  findings: Type.Array(FindingSchema),
});
export type ComplianceReport = Static<typeof ComplianceReportSchema>;

export const StarterProposalSchema = Type.Object({
  id: Type.String({ description: '"platform:SPID", "series:…" o "line:CAP2.PA.02"' }),
  kind: StringEnum(['platform', 'series', 'line'] as const),
  actionId: Type.String({ description: 'Identificatore dell’azione creata accettando' }),
  title: Type.String(),
  chapter: Nullable(Type.Integer()),
  catalogRefs: Type.Array(Type.String()),
  pnrrMeasures: Type.Array(Type.String()),
  platform: Nullable(Type.String()),
  timing: Type.String({ description: 'Tempi, come parole del piano' }),
  deadline: Nullable(IsoDate),
  urgency: StringEnum(['overdue', 'due', 'ongoing'] as const),
  reason: Type.String(),
});
export type StarterProposal = Static<typeof StarterProposalSchema>;

export const CALENDAR_STATUSES = ['overdue', 'upcoming', 'done', 'past'] as const;

export const CalendarItemSchema = Type.Object({
  uid: Type.String(),
  date: IsoDate,
  kind: StringEnum(['action', 'micro_action', 'obligation'] as const),
  title: Type.String(),
  status: StringEnum(CALENDAR_STATUSES, {
    description:
      'overdue: passata e non conclusa; past: ricorrenza passata; done: conclusa; upcoming: futura',
  }),
  recurring: Type.Boolean(),
  planId: Nullable(Type.String()),
  actionId: Nullable(Type.String()),
  actionStatus: Nullable(StringEnum(ACTION_STATUSES)),
  reference: Nullable(Type.String({ description: 'Codici del catalogo o riferimento normativo' })),
  description: Type.String(),
});
export type CalendarItem = Static<typeof CalendarItemSchema>;
