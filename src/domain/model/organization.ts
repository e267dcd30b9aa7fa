import { Type, type Static } from '@sinclair/typebox';
import {
  IsoDate,
  Key,
  Nullable,
  ShortText,
  StrictObject,
  StringEnum,
  List,
  WEB_URL_PATTERN,
  WebUrl,
} from './common.js';

export const ORGANIZATION_TYPES = [
  'comune',
  'unione_di_comuni',
  'comunita_montana',
  'provincia',
  'citta_metropolitana',
  'regione',
  'altro',
] as const;

export const UNIT_KINDS = ['settore', 'area', 'servizio', 'ufficio', 'uo', 'altro'] as const;

/** Roles the law or the plans name (CAD art. 17, document-management guidelines, GDPR). */
export const ROLE_KINDS = [
  'rtd',
  'records_manager',
  'preservation_manager',
  'dpo',
  'system_administrator',
  'other',
] as const;

/** An administrative act: an appointment decree, a Giunta deliberation. */
export const ActSchema = StrictObject({
  organ: Nullable(ShortText(200)),
  number: Nullable(ShortText(50)),
  date: Nullable(IsoDate),
});
export type Act = Static<typeof ActSchema>;

export const UnitSchema = StrictObject({
  id: Key,
  name: ShortText(300),
  kind: StringEnum(UNIT_KINDS, { default: 'settore' }),
  parentId: Nullable(Key),
});
export type Unit = Static<typeof UnitSchema>;

export const RoleHolderSchema = StrictObject({
  id: Key,
  role: StringEnum(ROLE_KINDS),
  title: Nullable(ShortText(300)),
  person: Nullable(ShortText(300)),
  unitId: Nullable(Key),
  email: Nullable(Type.String({ format: 'email', maxLength: 320 })),
  appointmentAct: Nullable(ActSchema),
});
export type RoleHolder = Static<typeof RoleHolderSchema>;

/** The ente itself: identity and contacts, as published in IPA. */
export const OrganizationFieldsSchema = StrictObject({
  name: ShortText(300),
  type: StringEnum(ORGANIZATION_TYPES, { default: 'comune' }),
  ipaCode: Nullable(Type.String({ pattern: '^[A-Za-z0-9_]{1,20}$' })),
  istatCode: Nullable(Type.String({ pattern: '^[0-9]{6}$' })),
  province: Nullable(ShortText(100)),
  region: Nullable(ShortText(100)),
  population: Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  pec: Nullable(Type.String({ format: 'email', maxLength: 320 })),
  website: Nullable(WebUrl),
  accessibilityUrl: Nullable(
    Type.String({
      format: 'uri',
      pattern: WEB_URL_PATTERN,
      maxLength: 500,
      description:
        'Indirizzo della dichiarazione di accessibilità dell’ente, collegata nel piè di pagina del portale',
    }),
  ),
});
export type OrganizationFields = Static<typeof OrganizationFieldsSchema>;

export const OrganizationSchema = StrictObject({
  ...OrganizationFieldsSchema.properties,
  units: List(UnitSchema, { maxItems: 500 }),
  roles: List(RoleHolderSchema, { maxItems: 500 }),
});
export type Organization = Static<typeof OrganizationSchema>;
