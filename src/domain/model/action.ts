import { Type, type Static } from '@sinclair/typebox';
import {
  Key,
  LineageId,
  LongText,
  Nullable,
  ShortText,
  StrictObject,
  StringEnum,
  List,
} from './common.js';
import { TimingInputSchema, TimingSchema } from './timing.js';

export const ACTION_STATUSES = [
  'planned',
  'in_progress',
  'completed',
  'suspended',
  'cancelled',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** National catalog codes: CAP4.PA.01, RA4.1.1, OB.6.1, CAP6.PA.LA01. */
export const CatalogRef = Type.String({
  pattern:
    '^(CAP[0-9]{1,2}\\.(PA\\.)?(LA)?[0-9]{1,3}|RA[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{1,2}|R\\.A\\.[0-9]{1,2}\\.[0-9]{1,2}[a-z]?|OB\\.[0-9]{1,2}\\.[0-9]{1,2}|[0-9]{1,2}\\.[0-9]{1,2})$',
  description: 'Codice del Piano triennale AgID (es. CAP4.PA.01, RA4.1.1, OB.6.1)',
});

/** PNRR Mission 1 Component 1 measures ("1.4.1", "1.2"). */
export const PnrrMeasure = Type.String({
  pattern: '^[1-9]\\.[0-9]{1,2}(\\.[0-9]{1,2})?$',
  description: 'Misura PNRR M1C1 (es. 1.4.1)',
});

const actionCommon = {
  title: ShortText(1000),
  description: Nullable(LongText),
  responsibles: List(ShortText(300), {
    maxItems: 50,
    description: 'Responsabilità, come scritte nel piano',
  }),
  ownerUnitIds: List(Key, { maxItems: 50, description: 'Settori titolari' }),
  status: StringEnum(ACTION_STATUSES, { default: 'planned' }),
};

export const MicroActionSchema = StrictObject({
  id: Key,
  ...actionCommon,
  timing: Nullable(TimingSchema),
});
export type MicroAction = Static<typeof MicroActionSchema>;

export const ActionSchema = StrictObject({
  id: Key,
  lineageId: LineageId,
  priorityId: Key,
  code: Nullable(ShortText(30)),
  ...actionCommon,
  timing: Nullable(TimingSchema),
  expectedResults: List(Type.String({ maxLength: 5000 }), { maxItems: 50 }),
  progress: Type.Integer({ minimum: 0, maximum: 100, default: 0 }),
  catalogRefs: List(CatalogRef, { maxItems: 50, uniqueItems: true }),
  pnrrMeasures: List(PnrrMeasure, { maxItems: 20, uniqueItems: true }),
  microActions: List(MicroActionSchema, { maxItems: 100 }),
});
export type Action = Static<typeof ActionSchema>;

/** Input forms: timing may be given as the plan's words alone. */
export const MicroActionInputSchema = StrictObject({
  ...MicroActionSchema.properties,
  timing: Nullable(TimingInputSchema),
});
export const ActionInputSchema = StrictObject({
  ...ActionSchema.properties,
  timing: Nullable(TimingInputSchema),
  microActions: List(MicroActionInputSchema, { maxItems: 100 }),
});
export type ActionInput = Static<typeof ActionInputSchema>;
export type MicroActionInput = Static<typeof MicroActionInputSchema>;
