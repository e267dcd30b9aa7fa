import { Type, type Static } from '@sinclair/typebox';
import { ActSchema } from './organization.js';
import {
  Key,
  LongText,
  Nullable,
  ShortText,
  StrictObject,
  StringEnum,
  Year,
  List,
  WebUrl,
} from './common.js';

export const PLAN_STATUSES = ['draft', 'proposed', 'approved', 'published', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const INSTRUMENT_KINDS = ['DUP', 'PIAO', 'PTPCT', 'PEG', 'PdO', 'POLA', 'altro'] as const;

/** The other planning instruments the plan is attached to or merged into. */
export const RelatedInstrumentSchema = StrictObject({
  kind: StringEnum(INSTRUMENT_KINDS),
  label: ShortText(300),
  section: Nullable(ShortText(100)),
  reference: Nullable(ShortText(500)),
});

export const SECTION_KINDS = [
  'introduction',
  'principles',
  'instruments',
  'methodology',
  'security',
  'other',
] as const;

export const SectionSchema = StrictObject({
  id: Key,
  kind: StringEnum(SECTION_KINDS, { default: 'other' }),
  title: ShortText(300),
  body: LongText,
});
export type Section = Static<typeof SectionSchema>;

export const NormativeReferenceSchema = StrictObject({
  id: Key,
  title: ShortText(500),
  reference: Nullable(ShortText(300)),
  url: Nullable(WebUrl),
});
export type NormativeReference = Static<typeof NormativeReferenceSchema>;

export const GlossaryTermSchema = StrictObject({
  id: Key,
  term: ShortText(200),
  definition: Type.String({ maxLength: 5000 }),
});
export type GlossaryTerm = Static<typeof GlossaryTermSchema>;

/** The plan's own fields; its parts (priorities, actions...) live beside it. */
export const PlanFieldsSchema = StrictObject({
  title: ShortText(300),
  startYear: Year,
  endYear: Year,
  revisionLabel: Nullable(ShortText(200)),
  nationalEdition: Nullable(ShortText(50)),
  status: StringEnum(PLAN_STATUSES, { default: 'draft' }),
  approval: Nullable(ActSchema),
  relatedInstruments: List(RelatedInstrumentSchema, { maxItems: 50 }),
});
export type PlanFields = Static<typeof PlanFieldsSchema>;

export const PlanSchema = StrictObject({
  ...PlanFieldsSchema.properties,
  /** Shared by every revision of the same plan (optional in files; the plan's id when absent). */
  seriesId: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$',
      description: 'Identità comune alle revisioni dello stesso piano',
    }),
  ),
  sections: List(SectionSchema, { maxItems: 200 }),
  normativeReferences: List(NormativeReferenceSchema, { maxItems: 500 }),
  glossary: List(GlossaryTermSchema, { maxItems: 1000 }),
});
export type Plan = Static<typeof PlanSchema>;
