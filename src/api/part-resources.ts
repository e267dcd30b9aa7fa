import { Type, type TObject, type TProperties } from '@sinclair/typebox';
import { Key } from '../domain/model/common.js';
import { inputForm } from '../domain/model/common.js';
import {
  ActionSchema,
  MicroActionInputSchema,
  MicroActionSchema,
  ActionInputSchema,
} from '../domain/model/action.js';
import { IndicatorSchema, MeasurementSchema } from '../domain/model/indicator.js';
import { RoleHolderSchema, UnitSchema } from '../domain/model/organization.js';
import {
  GlossaryTermSchema,
  NormativeReferenceSchema,
  SectionSchema,
} from '../domain/model/plan.js';
import { PlatformAdoptionSchema } from '../domain/model/platform.js';
import { BaselineItemSchema, PrioritySchema } from '../domain/model/priority.js';
import { SpendingItemSchema } from '../domain/model/spending.js';
import { ENTITY_TABLES as T, type EntityTable } from '../operations/part-tables.js';
import { patchFields } from './routes/common.js';

/** One REST resource for one kind of part, with the schemas of its bodies and answers. */
export interface PartResource {
  table: EntityTable;
  /** URL segment: /api/plans/:planId/<path> or /api/organizations/:organizationId/<path>. */
  path: string;
  /** For nested parts, the parent's resource path (micro-actions live under an action). */
  parentPath?: string;
  tag: string;
  output: TObject;
  create: TObject;
  patch: TObject;
}

const Version = Type.Integer({ minimum: 1, description: 'Versione letta dal client' });

function resource(
  table: EntityTable,
  path: string,
  tag: string,
  schema: TObject,
  input: TObject = schema,
  parentPath?: string,
): PartResource {
  const drop = new Set(['microActions', 'measurements']);
  const fields = (s: TObject) =>
    Object.fromEntries(Object.entries(s.properties).filter(([k]) => !drop.has(k))) as TProperties;
  const parentProp = table.parent ? { [table.parent.prop]: Key } : {};
  const output = Type.Object(
    { ...fields(schema), ...parentProp, version: Type.Integer() },
    { additionalProperties: false },
  );
  // The lineage id is given on creation (or by piano) and follows the part across revisions.
  const { id: _id, lineageId: _lineage, ...patchable } = fields(input);
  const create = inputForm(
    Type.Object({ ...fields(input), id: Type.Optional(Key) }, { additionalProperties: false }),
  );
  const patch = Type.Object(
    { ...patchFields(patchable), version: Version },
    { additionalProperties: false, minProperties: 2 },
  );
  return { table, path, tag, output, create, patch, ...(parentPath ? { parentPath } : {}) };
}

export const ORGANIZATION_PARTS: PartResource[] = [
  resource(T.unit, 'units', 'Settori', UnitSchema),
  resource(T.role_holder, 'roles', 'Ruoli', RoleHolderSchema),
];

export const PLAN_PARTS: PartResource[] = [
  resource(T.priority, 'priorities', 'Priorità', PrioritySchema),
  resource(T.baseline_item, 'baseline', 'Stato dell’arte', BaselineItemSchema),
  resource(T.action, 'actions', 'Azioni', ActionSchema, ActionInputSchema),
  resource(
    T.micro_action,
    'micro-actions',
    'Micro azioni',
    MicroActionSchema,
    MicroActionInputSchema,
    'actions',
  ),
  resource(T.indicator, 'indicators', 'Indicatori', IndicatorSchema),
  resource(
    T.measurement,
    'measurements',
    'Rilevazioni',
    MeasurementSchema,
    MeasurementSchema,
    'indicators',
  ),
  resource(T.spending_item, 'spending', 'Spesa', SpendingItemSchema),
  resource(T.platform_adoption, 'platforms', 'Piattaforme', PlatformAdoptionSchema),
  resource(T.section, 'sections', 'Sezioni', SectionSchema),
  resource(
    T.normative_reference,
    'normative-references',
    'Riferimenti normativi',
    NormativeReferenceSchema,
  ),
  resource(T.glossary_term, 'glossary', 'Glossario', GlossaryTermSchema),
];
