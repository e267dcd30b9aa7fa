import { Type, type Static } from '@sinclair/typebox';
import { Key, LineageId, Nullable, ShortText, StrictObject, StringEnum, Year } from './common.js';
import { PnrrMeasure } from './action.js';

export const SPENDING_STATUSES = ['planned', 'committed', 'paid'] as const;

/** Italian CUP: 15 characters, letters and digits. */
export const Cup = Type.String({
  pattern: '^[A-Z0-9]{15}$',
  description: 'Codice Unico di Progetto',
});

export const SpendingItemSchema = StrictObject({
  id: Key,
  lineageId: LineageId,
  actionId: Nullable(Key),
  classification: Nullable(ShortText(300)),
  description: ShortText(2000),
  fundingSource: ShortText(300),
  pnrrMeasure: Nullable(PnrrMeasure),
  cup: Nullable(Cup),
  amount: Type.Number({
    minimum: 0,
    maximum: 10_000_000_000,
    multipleOf: 0.01,
    description: 'Importo in euro, due decimali',
  }),
  year: Nullable(Year),
  status: StringEnum(SPENDING_STATUSES, { default: 'planned' }),
});
export type SpendingItem = Static<typeof SpendingItemSchema>;
