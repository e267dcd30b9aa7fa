import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Key, LongText, Nullable, ShortText, StrictObject, List } from './common.js';

/** A priority (priorità, ambito, asse): groups actions and maps onto national chapters. */
export const PrioritySchema = StrictObject({
  id: Key,
  code: Nullable(ShortText(30)),
  title: ShortText(500),
  description: Nullable(LongText),
  stateOfTheArt: Nullable(LongText),
  expectedBenefits: Nullable(LongText),
  nationalChapters: List(Type.Integer({ minimum: 1, maximum: 20 }), { maxItems: 20 }),
});
export type Priority = Static<typeof PrioritySchema>;

/** One item of the state of the art ("17479 transazioni pagoPA nel 2022"). */
export const BaselineItemSchema = StrictObject({
  id: Key,
  priorityId: Nullable(Key),
  label: ShortText(500),
  value: Nullable(Type.Number()),
  valueText: Nullable(ShortText(1000)),
  unit: Nullable(ShortText(50)),
  referenceDate: Nullable(IsoDate),
  source: Nullable(ShortText(500)),
});
export type BaselineItem = Static<typeof BaselineItemSchema>;
