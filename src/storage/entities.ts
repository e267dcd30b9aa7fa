import type { LinkTarget } from '../domain/catalog/links.js';

/**
 * How each part of a plan (and of an organization) maps onto its table. The generic queries in
 * rows.ts read these descriptors, so adding a field means adding one line here and a migration.
 */
export type Codec = 'plain' | 'cents' | 'json';

export interface Column {
  /** Property name in the interchange format and the API. */
  prop: string;
  column: string;
  codec?: Codec;
  /** Equality filter allowed on lists (array columns filter by "contains"). */
  filter?: 'eq' | 'contains';
  sortable?: boolean;
}

export interface EntityTable {
  type: EntityType;
  table: string;
  scope: 'plan' | 'organization';
  /** For parts that live inside another part: micro-actions in an action, measurements in an indicator. */
  parent?: { type: EntityType; prop: string; column: string };
  columns: Column[];
  /** Properties holding unit keys, checked against the organization's units. */
  unitRefs?: string[];
  /** Properties holding codes of the national catalog, checked against it. */
  links?: { prop: string; to: LinkTarget }[];
  /** Label used in Italian messages ("Azione non trovata"). */
  label: string;
}

export type EntityType =
  | 'unit'
  | 'role_holder'
  | 'priority'
  | 'baseline_item'
  | 'action'
  | 'micro_action'
  | 'indicator'
  | 'measurement'
  | 'spending_item'
  | 'platform_adoption'
  | 'section'
  | 'normative_reference'
  | 'glossary_term';

const col = (prop: string, column: string, extra: Partial<Column> = {}): Column => ({
  prop,
  column,
  ...extra,
});
const eq = { filter: 'eq' as const };
const contains = { filter: 'contains' as const };
const sortable = { sortable: true };
const json = { codec: 'json' as const };

export const UNITS: EntityTable = {
  type: 'unit',
  table: 'units',
  scope: 'organization',
  label: 'Settore',
  columns: [
    col('name', 'name', sortable),
    col('kind', 'kind', eq),
    col('parentId', 'parent_key', eq),
  ],
};

export const ROLE_HOLDERS: EntityTable = {
  type: 'role_holder',
  table: 'role_holders',
  scope: 'organization',
  label: 'Ruolo',
  columns: [
    col('role', 'role', eq),
    col('title', 'title'),
    col('person', 'person', sortable),
    col('unitId', 'unit_key', eq),
    col('email', 'email'),
    col('appointmentAct', 'appointment_act', json),
  ],
};

export const PRIORITIES: EntityTable = {
  type: 'priority',
  table: 'priorities',
  scope: 'plan',
  label: 'Priorità',
  columns: [
    col('code', 'code', { ...eq, ...sortable }),
    col('title', 'title', sortable),
    col('description', 'description'),
    col('stateOfTheArt', 'state_of_the_art'),
    col('expectedBenefits', 'expected_benefits'),
    col('nationalChapters', 'national_chapters'),
  ],
};

export const BASELINE_ITEMS: EntityTable = {
  type: 'baseline_item',
  table: 'baseline_items',
  scope: 'plan',
  label: 'Voce dello stato dell’arte',
  columns: [
    col('priorityId', 'priority_key', eq),
    col('label', 'label', sortable),
    col('value', 'value'),
    col('valueText', 'value_text'),
    col('unit', 'unit'),
    col('referenceDate', 'reference_date', sortable),
    col('source', 'source'),
  ],
};

const actionLike = [
  col('title', 'title', sortable),
  col('description', 'description'),
  col('responsibles', 'responsibles', contains),
  col('ownerUnitIds', 'owner_unit_keys', contains),
  col('status', 'status', { ...eq, ...sortable }),
  col('timing', 'timing', json),
];

export const ACTIONS: EntityTable = {
  type: 'action',
  table: 'actions',
  scope: 'plan',
  label: 'Azione',
  unitRefs: ['ownerUnitIds'],
  links: [
    { prop: 'catalogRefs', to: 'catalog' },
    { prop: 'pnrrMeasures', to: 'pnrr' },
  ],
  columns: [
    col('lineageId', 'lineage_id', eq),
    col('priorityId', 'priority_key', eq),
    col('code', 'code', { ...eq, ...sortable }),
    ...actionLike,
    col('expectedResults', 'expected_results'),
    col('progress', 'progress', sortable),
    col('catalogRefs', 'catalog_refs', contains),
    col('pnrrMeasures', 'pnrr_measures', contains),
  ],
};

export const MICRO_ACTIONS: EntityTable = {
  type: 'micro_action',
  table: 'micro_actions',
  scope: 'plan',
  label: 'Micro azione',
  unitRefs: ['ownerUnitIds'],
  parent: { type: 'action', prop: 'actionId', column: 'action_key' },
  columns: actionLike,
};

export const INDICATORS: EntityTable = {
  type: 'indicator',
  table: 'indicators',
  scope: 'plan',
  label: 'Indicatore',
  columns: [
    col('lineageId', 'lineage_id', eq),
    col('actionId', 'action_key', eq),
    col('priorityId', 'priority_key', eq),
    col('code', 'code', { ...eq, ...sortable }),
    col('name', 'name', sortable),
    col('unit', 'unit'),
    col('direction', 'direction', eq),
    col('baseline', 'baseline', json),
    col('targets', 'targets', json),
  ],
};

export const MEASUREMENTS: EntityTable = {
  type: 'measurement',
  table: 'measurements',
  scope: 'plan',
  label: 'Rilevazione',
  parent: { type: 'indicator', prop: 'indicatorId', column: 'indicator_key' },
  columns: [col('date', 'date', sortable), col('value', 'value'), col('note', 'note')],
};

export const SPENDING_ITEMS: EntityTable = {
  type: 'spending_item',
  table: 'spending_items',
  scope: 'plan',
  label: 'Voce di spesa',
  links: [{ prop: 'pnrrMeasure', to: 'pnrr' }],
  columns: [
    col('lineageId', 'lineage_id', eq),
    col('actionId', 'action_key', eq),
    col('classification', 'classification'),
    col('description', 'description', sortable),
    col('fundingSource', 'funding_source', { ...eq, ...sortable }),
    col('pnrrMeasure', 'pnrr_measure', eq),
    col('cup', 'cup', eq),
    col('amount', 'amount_cents', { codec: 'cents', sortable: true }),
    col('year', 'year', { ...eq, ...sortable }),
    col('status', 'status', eq),
  ],
};

export const PLATFORM_ADOPTIONS: EntityTable = {
  type: 'platform_adoption',
  table: 'platform_adoptions',
  scope: 'plan',
  label: 'Adesione alla piattaforma',
  columns: [
    col('platform', 'platform', { ...eq, ...sortable }),
    col('status', 'status', eq),
    col('since', 'since'),
    col('due', 'due', sortable),
    col('unitId', 'unit_key', eq),
    col('unitText', 'unit_text'),
    col('notes', 'notes'),
  ],
};

export const SECTIONS: EntityTable = {
  type: 'section',
  table: 'sections',
  scope: 'plan',
  label: 'Sezione',
  columns: [col('kind', 'kind', eq), col('title', 'title'), col('body', 'body')],
};

export const NORMATIVE_REFERENCES: EntityTable = {
  type: 'normative_reference',
  table: 'normative_references',
  scope: 'plan',
  label: 'Riferimento normativo',
  columns: [col('title', 'title', sortable), col('reference', 'reference'), col('url', 'url')],
};

export const GLOSSARY_TERMS: EntityTable = {
  type: 'glossary_term',
  table: 'glossary_terms',
  scope: 'plan',
  label: 'Voce di glossario',
  columns: [col('term', 'term', sortable), col('definition', 'definition')],
};

export const ENTITY_TABLES: Record<EntityType, EntityTable> = {
  unit: UNITS,
  role_holder: ROLE_HOLDERS,
  priority: PRIORITIES,
  baseline_item: BASELINE_ITEMS,
  action: ACTIONS,
  micro_action: MICRO_ACTIONS,
  indicator: INDICATORS,
  measurement: MEASUREMENTS,
  spending_item: SPENDING_ITEMS,
  platform_adoption: PLATFORM_ADOPTIONS,
  section: SECTIONS,
  normative_reference: NORMATIVE_REFERENCES,
  glossary_term: GLOSSARY_TERMS,
};
