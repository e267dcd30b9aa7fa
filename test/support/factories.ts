import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/storage/db.js';
import { addUser } from '../../src/operations/add-user.js';
import { loadPlanDocument } from '../../src/operations/load-plan-document.js';
import type { OrgRole } from '../../src/domain/rules/permissions.js';

export const TEST_PASSWORD = 'password-di-prova-1';

const unique = () => randomBytes(4).toString('hex');

/**
 * A small but complete plan document, as a file would carry it: every part appears once or
 * twice, timings are words for piano to interpret. Each call gets its own IPA code.
 */
export function planDocument(overrides: { name?: string; ipaCode?: string; status?: string } = {}) {
  return {
    format: 'piano-plan',
    version: 1,
    organization: {
      name: overrides.name ?? 'Comune di Prova',
      ipaCode: overrides.ipaCode ?? `c_${unique()}`,
      population: 4200,
      units: [
        { id: 'u-dem', name: 'Servizi demografici', kind: 'settore' },
        { id: 'u-tec', name: 'Area tecnica', kind: 'area' },
      ],
      roles: [{ id: 'r-rtd', role: 'rtd', person: 'Mario Bianchi', unitId: 'u-tec' }],
    },
    plan: {
      title: 'Piano triennale di prova',
      startYear: 2025,
      endYear: 2027,
      status: overrides.status ?? 'draft',
      approval: { organ: 'Giunta comunale', number: '10', date: '2025-02-01' },
      relatedInstruments: [
        { kind: 'PIAO', label: 'PIAO 2025-2027', section: '2.1', reference: null },
      ],
      sections: [{ id: 's1', kind: 'introduction', title: 'Premessa', body: 'Testo.' }],
      normativeReferences: [
        { id: 'n1', title: 'Codice dell’amministrazione digitale', reference: 'D.Lgs. 82/2005' },
      ],
      glossary: [
        { id: 'g1', term: 'RTD', definition: 'Responsabile per la transizione al digitale.' },
      ],
    },
    priorities: [
      { id: 'p1', code: '1', title: 'Piattaforme abilitanti' },
      { id: 'p2', code: '2', title: 'Servizi online' },
    ],
    baseline: [
      {
        id: 'b1',
        priorityId: 'p1',
        label: 'Transazioni pagoPA',
        value: 1200,
        unit: 'n.',
        referenceDate: '2024-12-31',
      },
    ],
    actions: [
      {
        id: 'a1',
        priorityId: 'p1',
        code: '1.1',
        title: 'Subentro in ANPR dei servizi di stato civile',
        responsibles: ['Settore Servizi demografici'],
        ownerUnitIds: ['u-dem'],
        timing: 'entro il 31 dicembre 2025',
        catalogRefs: ['CAP1.PA.01'],
        pnrrMeasures: ['1.4.4'],
        microActions: [
          { id: 'm1', title: 'Formazione degli operatori', timing: 'entro giugno 2025' },
        ],
      },
      {
        id: 'a2',
        priorityId: 'p2',
        code: '2.1',
        title: 'Nuovo sito istituzionale sul modello nazionale',
        responsibles: ['RTD'],
        ownerUnitIds: ['u-tec'],
        timing: '[biennio 2025 – 2026]',
      },
    ],
    indicators: [
      {
        id: 'i1',
        actionId: 'a1',
        name: 'Certificati emessi online',
        unit: '%',
        targets: [{ year: 2026, kind: 'absolute', value: 80, text: null }],
        measurements: [{ id: 'ms1', date: '2025-06-30', value: 35, note: null }],
      },
    ],
    spending: [
      {
        id: 'sp1',
        actionId: 'a2',
        description: 'Sito istituzionale',
        fundingSource: 'PNRR',
        pnrrMeasure: '1.4.1',
        cup: 'J11F22000450006',
        amount: 79922.5,
        year: 2025,
      },
    ],
    platforms: [
      { id: 'pl1', platform: 'pagoPA', status: 'adopted', since: '2021-02-28', unitId: 'u-dem' },
    ],
  };
}

/** Loads a plan document into a new organization and returns its ids. */
export async function seedPlan(db: Db, overrides: Parameters<typeof planDocument>[0] = {}) {
  return loadPlanDocument({
    db,
    actor: { userId: null, name: 'test' },
    input: planDocument(overrides),
  });
}

export interface UserSpec {
  organizationId?: string;
  role?: OrgRole;
  unitId?: string | null;
  consultant?: boolean;
}

/** A user with the test password, optionally a member of one organization. */
export async function seedUser(db: Db, spec: UserSpec = {}) {
  const email = `utente-${unique()}@prova.test`;
  const user = await addUser({
    db,
    email,
    name: email,
    password: TEST_PASSWORD,
    platformRole: spec.consultant ? 'consultant' : null,
    organizationId: spec.organizationId,
    role: spec.role,
    unitId: spec.unitId ?? null,
  });
  return { ...user, email };
}
