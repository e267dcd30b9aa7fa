import { Type, type Static } from '@sinclair/typebox';
import { PnrrMeasure } from '../model/action.js';
import {
  IsoDate,
  Key,
  Nullable,
  ShortText,
  StrictObject,
  StringEnum,
  Year,
  List,
} from '../model/common.js';

/**
 * The national framework piano ships as data (data/catalog/): editions of the AgID plan, PNRR
 * measures, national platforms and recurring obligations. These schemas check every file when
 * it is loaded, so a new edition is a data file, never a code change.
 */

/** Who a line of action concerns: the organization types of the model, plus central bodies. */
export const AUDIENCES = [
  'comune',
  'unione_di_comuni',
  'comunita_montana',
  'provincia',
  'citta_metropolitana',
  'regione',
  'pa_centrale',
  'altro',
] as const;
export type Audience = (typeof AUDIENCES)[number];

/** `by`: a due month ("entro dicembre 2026"); `from`: a start ("da marzo 2024"); `standing`: in force. */
export const DEADLINE_KINDS = ['by', 'from', 'standing'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'AAAA-MM' });
const Code = Type.String({ minLength: 1, maxLength: 30 });

export const CatalogLineSchema = StrictObject({
  code: Code,
  /** `pa`: what every administration must do; `institutional`: what national bodies do. */
  kind: StringEnum(['pa', 'institutional'] as const),
  chapter: Type.Integer({ minimum: 1, maximum: 20 }),
  objective: Code,
  result: Nullable(Code),
  results: List(Code),
  title: ShortText(200),
  deadline: Nullable(Month),
  deadlineKind: StringEnum(DEADLINE_KINDS),
  appliesTo: List(StringEnum(AUDIENCES)),
  /** For comuni only: the population band the line names ("tra 5.000 e 10.000 abitanti"). */
  comunePopulation: Nullable(
    StrictObject({
      min: Nullable(Type.Integer({ minimum: 0 })),
      max: Nullable(Type.Integer({ minimum: 0 })),
    }),
  ),
  /** True when the line only concerns administrations that choose to take part. */
  optional: Type.Boolean(),
  platforms: List(ShortText(100)),
  pnrrMeasures: List(PnrrMeasure),
  /** Lines that repeat the same duty year after year share a series. */
  series: Nullable(Key),
  note: Nullable(ShortText(300)),
});
export type CatalogLine = Static<typeof CatalogLineSchema>;

export const CatalogEditionSchema = StrictObject({
  edition: Type.String({ pattern: '^[0-9]{4}-[0-9]{4}$' }),
  title: ShortText(200),
  publisher: ShortText(100),
  period: StrictObject({ startYear: Year, endYear: Year }),
  source: StrictObject({
    repository: ShortText(300),
    branch: ShortText(100),
    commit: ShortText(40),
    license: ShortText(50),
  }),
  chapters: List(
    StrictObject({ number: Type.Integer({ minimum: 1, maximum: 20 }), title: ShortText(200) }),
  ),
  objectives: List(
    StrictObject({ code: Code, chapter: Type.Integer({ minimum: 1 }), title: ShortText(200) }),
  ),
  results: List(
    StrictObject({
      code: Code,
      objective: Code,
      title: ShortText(200),
      targets: List(StrictObject({ year: Year, text: Nullable(ShortText(300)) })),
    }),
  ),
  series: List(StrictObject({ id: Key, title: ShortText(200) })),
  lines: List(CatalogLineSchema),
});
export type CatalogEdition = Static<typeof CatalogEditionSchema>;

export const PnrrMeasuresSchema = StrictObject({
  mission: ShortText(20),
  title: ShortText(200),
  measures: List(
    StrictObject({
      code: PnrrMeasure,
      title: ShortText(200),
      channel: ShortText(200),
      platforms: List(ShortText(100)),
      lines: List(Code),
    }),
  ),
});
export type PnrrMeasureEntry = Static<typeof PnrrMeasuresSchema>['measures'][number];

export const PlatformsSchema = StrictObject({
  platforms: List(
    StrictObject({
      name: ShortText(100),
      title: ShortText(200),
      purpose: ShortText(300),
      manager: ShortText(200),
      appliesTo: List(StringEnum(AUDIENCES)),
      /** The day from which the law or the national plan expects the platform in use. */
      deadline: Nullable(IsoDate),
      /** The line of the national plan that sets the deadline, when one does. */
      deadlineLine: Nullable(Code),
      legalReference: Nullable(ShortText(300)),
      deadlineNote: Nullable(ShortText(300)),
      pnrrMeasures: List(PnrrMeasure),
      lines: List(Code),
      /** Title of the action that adopts the platform, for starter plans. */
      adoptionTitle: ShortText(200),
    }),
  ),
});
export type PlatformEntry = Static<typeof PlatformsSchema>['platforms'][number];

export const ObligationsSchema = StrictObject({
  obligations: List(
    StrictObject({
      id: Key,
      title: ShortText(200),
      description: ShortText(500),
      rule: StrictObject({
        frequency: Type.Literal('yearly'),
        month: Type.Integer({ minimum: 1, maximum: 12 }),
        day: Type.Integer({ minimum: 1, maximum: 31 }),
      }),
      legalReference: ShortText(300),
      /** `law`: set by a statute or binding guideline; `practice`: a calendar many enti keep. */
      basis: StringEnum(['law', 'practice'] as const),
      appliesTo: List(StringEnum(AUDIENCES)),
      lines: List(Code),
    }),
  ),
});
export type Obligation = Static<typeof ObligationsSchema>['obligations'][number];
