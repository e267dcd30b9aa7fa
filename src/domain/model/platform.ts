import { type Static } from '@sinclair/typebox';
import { IsoDate, Key, Nullable, ShortText, StrictObject, StringEnum } from './common.js';

/** National platforms a comune adopts (DOMAIN.md, "National platforms"). */
export const PLATFORMS = [
  'SPID',
  'CIE',
  'CNS',
  'eIDAS',
  'pagoPA',
  'App IO',
  'ANPR',
  'PDND',
  'SEND',
  'INAD',
  'INI-PEC',
  'IPA',
  'SIOPE+',
  'NoiPA',
  'SUAP/SUE',
  'Web Analytics Italia',
] as const;

export const PLATFORM_STATUSES = [
  'adopted',
  'in_progress',
  'planned',
  'not_adopted',
  'not_applicable',
] as const;

export const PlatformAdoptionSchema = StrictObject({
  id: Key,
  platform: ShortText(100),
  status: StringEnum(PLATFORM_STATUSES),
  since: Nullable(IsoDate),
  due: Nullable(IsoDate),
  unitId: Nullable(Key),
  unitText: Nullable(ShortText(300)),
  notes: Nullable(ShortText(2000)),
});
export type PlatformAdoption = Static<typeof PlatformAdoptionSchema>;
