import { Type, type Static } from '@sinclair/typebox';
import {
  IsoDate,
  Key,
  LineageId,
  Nullable,
  ShortText,
  StrictObject,
  StringEnum,
  Year,
  List,
} from './common.js';

/**
 * A target is absolute ("implementare 4 servizi") or relative to the baseline
 * ("+180% rispetto al 2021": kind relative_percent, value 180).
 */
export const TARGET_KINDS = ['absolute', 'relative_percent', 'relative_delta'] as const;

export const TargetSchema = StrictObject({
  year: Year,
  kind: StringEnum(TARGET_KINDS, { default: 'absolute' }),
  value: Type.Number(),
  text: Nullable(ShortText(500)),
});
export type Target = Static<typeof TargetSchema>;

export const MeasurementSchema = StrictObject({
  id: Key,
  date: IsoDate,
  value: Type.Number(),
  note: Nullable(ShortText(1000)),
});
export type Measurement = Static<typeof MeasurementSchema>;

export const IndicatorSchema = StrictObject({
  id: Key,
  lineageId: LineageId,
  actionId: Nullable(Key),
  priorityId: Nullable(Key),
  code: Nullable(ShortText(30)),
  name: ShortText(500),
  unit: Nullable(ShortText(50)),
  direction: StringEnum(['increase', 'decrease', 'maintain'] as const, { default: 'increase' }),
  baseline: Nullable(
    StrictObject({ value: Type.Number(), date: Nullable(IsoDate), text: Nullable(ShortText(500)) }),
  ),
  targets: List(TargetSchema, { maxItems: 20 }),
  measurements: List(MeasurementSchema, { maxItems: 1000 }),
});
export type Indicator = Static<typeof IndicatorSchema>;
