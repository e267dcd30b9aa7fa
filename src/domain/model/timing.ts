import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, StrictObject, StringEnum, Year, List } from './common.js';

export const TIMING_KINDS = [
  'date',
  'by',
  'year',
  'period',
  'from',
  'immediate',
  'recurring',
  'unresolved',
] as const;

/** JSON shape of a Timing value (see ../timing/timing.ts for what each field means). */
export const TimingSchema = StrictObject(
  {
    text: Type.String({ maxLength: 2000, description: 'Le parole del piano, come scritte' }),
    kind: StringEnum(TIMING_KINDS),
    start: Nullable(IsoDate),
    due: Nullable(IsoDate),
    years: List(Year, { maxItems: 100 }),
    recurrence: Nullable(
      StrictObject({
        frequency: Type.Literal('yearly'),
        month: Type.Integer({ minimum: 1, maximum: 12 }),
        day: Type.Integer({ minimum: 1, maximum: 31 }),
      }),
    ),
    resolved: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { description: 'Tempi: le parole del piano e il loro significato' },
);
export type TimingJson = Static<typeof TimingSchema>;

/** On input a timing may be just the plan's words: piano interprets them. */
export const TimingInputSchema = Type.Union([Type.String({ maxLength: 2000 }), TimingSchema]);
