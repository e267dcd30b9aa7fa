import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { inputForm, List, StrictObject } from './common.js';
import { OrganizationSchema } from './organization.js';
import { PlanSchema } from './plan.js';
import { BaselineItemSchema, PrioritySchema } from './priority.js';
import { ActionInputSchema, ActionSchema } from './action.js';
import { IndicatorSchema } from './indicator.js';
import { SpendingItemSchema } from './spending.js';
import { PlatformAdoptionSchema } from './platform.js';

export const INTERCHANGE_FORMAT = 'piano-plan';
export const INTERCHANGE_VERSION = 1;
/** Stable identifier of the schema; a running piano also serves it at /schema/piano-plan-v1.json. */
export const SCHEMA_ID = 'urn:piano:schema:piano-plan-v1';

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

/**
 * The JSON Schema piano publishes for the format: the input form, so that every document it
 * accepts can be loaded (exports, which write every field, satisfy it too). References between
 * parts (an action's priorityId...) are checked by `piano validate` beyond this schema.
 */
export function publishedPlanSchema(): Record<string, unknown> {
  const {
    $id: _id,
    title: _title,
    ...rest
  } = inputForm(PlanDocumentInputSchema) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'Piano triennale per l’informatica – Plan Interchange Format v1',
    description:
      'Un piano triennale per l’informatica di un ente, con organizzazione, priorità, azioni, indicatori, spesa e piattaforme. Le date sono ISO 8601, gli importi in euro con due decimali.',
    ...rest,
  };
}
