import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { StrictObject, List } from './common.js';
import { OrganizationSchema } from './organization.js';
import { PlanSchema } from './plan.js';
import { BaselineItemSchema, PrioritySchema } from './priority.js';
import { ActionInputSchema, ActionSchema } from './action.js';
import { IndicatorSchema } from './indicator.js';
import { SpendingItemSchema } from './spending.js';
import { PlatformAdoptionSchema } from './platform.js';

export const INTERCHANGE_FORMAT = 'piano-plan';
export const INTERCHANGE_VERSION = 1;
export const SCHEMA_ID = 'https://piano.example.org/schema/piano-plan-v1.json';

/** The document's parts, in the order exports write them. */
const documentParts = <A extends TSchema>(actions: A) => ({
  format: Type.Literal(INTERCHANGE_FORMAT),
  version: Type.Literal(INTERCHANGE_VERSION),
  organization: OrganizationSchema,
  plan: PlanSchema,
  priorities: List(PrioritySchema, { maxItems: 100 }),
  baseline: List(BaselineItemSchema, { maxItems: 2000 }),
  actions: List(actions, { maxItems: 5000 }),
  indicators: List(IndicatorSchema, { maxItems: 2000 }),
  spending: List(SpendingItemSchema, { maxItems: 5000 }),
  platforms: List(PlatformAdoptionSchema, { maxItems: 200 }),
});

/**
 * Plan Interchange Format v1: the whole plan in one JSON document. It is what `piano export`
 * writes and what open data publishes; every timing carries both the words and their meaning.
 */
export const PlanDocumentSchema = StrictObject(documentParts(ActionSchema), {
  $id: SCHEMA_ID,
  title: 'Piano triennale per l’informatica – formato di interscambio v1',
});
export type PlanDocument = Static<typeof PlanDocumentSchema>;

/** What `piano load` and `piano validate` accept: timing may be given as words alone. */
export const PlanDocumentInputSchema = StrictObject(documentParts(ActionInputSchema), {
  title: 'Piano triennale – documento in ingresso',
});
export type PlanDocumentInput = Static<typeof PlanDocumentInputSchema>;
