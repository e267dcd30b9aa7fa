/**
 * Every back-office page template and the states worth seeing (form errors, a refused change, a
 * version conflict), reached in a browser the way a person reaches them: signed in through the
 * sign-in form, typing into fields found by their visible labels. The accessibility tests and
 * `npm run screenshots` go through this one list.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { WebServer } from '../support/web.js';
import { inLanguage } from './pages.js';

export type DemoUser = 'rtd' | 'anagrafe';
export const DEMO_EMAILS: Record<DemoUser, string> = {
  rtd: 'rtd@demo.piano.test',
  anagrafe: 'anagrafe@demo.piano.test',
};
const PASSWORD = 'demo-piano-2025';

type Lang = 'it' | 'en';
const WORDS = {
  it: {
    signIn: 'Accedi',
    title: 'Titolo',
    save: 'Salva',
    status: 'Stato',
    invite: 'Crea l’invito',
    accept: 'Crea l’account e accetta',
    approve: 'Registra l’approvazione',
    file: 'File del piano',
    read: 'Leggi il file',
    correct: 'Correggi',
    saveCorrection: 'Salva la correzione',
    pickerSearch: 'Cerca una linea o una misura PNRR per codice o parole',
    search: 'Cerca',
    link: 'Collega',
    term: 'Termine',
    description: 'Descrizione',
  },
  en: {
    signIn: 'Sign in',
    title: 'Title',
    save: 'Save',
    status: 'Status',
    invite: 'Create the invitation',
    accept: 'Create the account and accept',
    approve: 'Record the approval',
    file: 'Plan file',
    read: 'Read the file',
    correct: 'Correct',
    saveCorrection: 'Save the correction',
    pickerSearch: 'Search a line or a PNRR measure by code or words',
    search: 'Search',
    link: 'Link',
    term: 'Term',
    description: 'Description',
  },
} as const;

/** The plan the import wizard's states read: seed 001 of ../shared, as a person would upload it. */
export const IMPORT_SEED = resolve('../shared/seeds/001_bdb0d1d954de9b50.txt');

/** Uploads seed 001 through the wizard's form and waits for the review of its draft. */
export async function importSeed(page: Page, server: WebServer, lang: Lang = 'it') {
  await page.goto(server.url + inLanguage('/gestione/importa', lang));
  await page.getByLabel(WORDS[lang].file).setInputFiles(IMPORT_SEED);
  await Promise.all([
    page.waitForURL(/\/gestione\/importa\/[0-9a-f-]{36}/),
    page.getByRole('button', { name: WORDS[lang].read, exact: true }).click(),
  ]);
}

/** Signs in through the form, as a person would. */
export async function signInAs(page: Page, server: WebServer, user: DemoUser, lang: Lang = 'it') {
  await page.goto(server.url + inLanguage('/accedi', lang));
  await page.getByLabel('Email').fill(DEMO_EMAILS[user]);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL(/\/gestione\//),
    page.getByRole('button', { name: WORDS[lang].signIn, exact: true }).click(),
  ]);
}

export interface BackOfficeState {
  name: string;
  /** Who is signed in; null for a visitor. */
  user: DemoUser | null;
  open(page: Page, server: WebServer, lang: Lang): Promise<void>;
}

async function go(page: Page, server: WebServer, path: string, lang: Lang) {
  await page.goto(server.url + inLanguage(path, lang));
}
const action = (server: WebServer, id: string) => `/gestione/piani/${server.planId}/azioni/${id}`;

/**
 * Opens a new invitation's page as a visitor: the RTD invites through the API in this context,
 * signs out, and the page follows the link it was given.
 */
async function openInvitation(page: Page, server: WebServer, lang: Lang) {
  const request = page.context().request;
  const signIn = await request.post(`${server.url}/api/session`, {
    data: { email: DEMO_EMAILS.rtd, password: PASSWORD },
  });
  if (!signIn.ok()) throw new Error(`no session: ${signIn.status()}`);
  const { memberships } = (await (await request.get(`${server.url}/api/session`)).json()) as {
    memberships: { organizationId: string }[];
  };
  const organizationId = memberships[0]?.organizationId ?? '';
  const invited = await request.post(
    `${server.url}/api/organizations/${organizationId}/invitations`,
    {
      data: { email: `invitata.${Date.now()}@demo.piano.test`, role: 'editor', unitId: 'serv-dem' },
    },
  );
  if (!invited.ok()) throw new Error(`no invitation: ${invited.status()}`);
  const { acceptUrl } = (await invited.json()) as { acceptUrl: string };
  await request.delete(`${server.url}/api/session`);
  await go(page, server, new URL(acceptUrl).pathname, lang);
}

/** Next year's draft of the demo plan, started through the API with the RTD's session. */
async function nextYearDraft(page: Page, server: WebServer): Promise<string> {
  const response = await page
    .context()
    .request.post(`${server.url}/api/plans/${server.planId}/revisions`, {
      data: { period: 'next_year', completed: 'carry' },
    });
  if (!response.ok()) throw new Error(`no revision: ${response.status()}`);
  return ((await response.json()) as { planId: string }).planId;
}

/** The catalog picker of an action of a new draft, after searching "ANPR" by its label. */
async function pickerResults(page: Page, server: WebServer, lang: Lang) {
  const planId = await nextYearDraft(page, server);
  await go(page, server, `/gestione/piani/${planId}/azioni/a1.8`, lang);
  await page.getByLabel(WORDS[lang].pickerSearch).fill('ANPR');
  await submit(page, WORDS[lang].search);
}

async function submit(page: Page, name: string) {
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
}

export const BACK_OFFICE_STATES: BackOfficeState[] = [
  { name: 'bo-sign-in', user: null, open: (page, s, lang) => go(page, s, '/accedi', lang) },
  {
    name: 'bo-sign-in-errors',
    user: null,
    open: async (page, s, lang) => {
      await go(page, s, '/accedi', lang);
      await submit(page, WORDS[lang].signIn);
    },
  },
  {
    name: 'bo-my-work',
    user: 'anagrafe',
    open: (page, s, lang) => go(page, s, '/gestione/lavoro', lang),
  },
  {
    name: 'bo-refused',
    user: 'anagrafe',
    open: async (page, s, lang) => {
      await go(page, s, action(s, 'a1.1'), lang);
      await page.getByLabel(WORDS[lang].status, { exact: true }).selectOption('suspended');
      await submit(page, WORDS[lang].save);
    },
  },
  { name: 'bo-plans', user: 'rtd', open: (page, s, lang) => go(page, s, '/gestione/piani', lang) },
  {
    name: 'bo-plan',
    user: 'rtd',
    open: (page, s, lang) => go(page, s, `/gestione/piani/${s.planId}`, lang),
  },
  {
    name: 'bo-dashboard',
    user: 'rtd',
    open: (page, s, lang) => go(page, s, `/gestione/piani/${s.planId}/cruscotto`, lang),
  },
  {
    name: 'bo-action-list',
    user: 'rtd',
    open: (page, s, lang) => go(page, s, `/gestione/piani/${s.planId}/azioni?scadute=1`, lang),
  },
  {
    name: 'bo-action-timeline',
    user: 'rtd',
    open: (page, s, lang) =>
      go(page, s, `/gestione/piani/${s.planId}/azioni?vista=anni&priorita=p1`, lang),
  },
  {
    name: 'bo-action-list-empty',
    user: 'anagrafe',
    open: (page, s, lang) =>
      go(page, s, `/gestione/piani/${s.planId}/azioni?cerca=nulla+di+simile`, lang),
  },
  {
    name: 'bo-action-list-errors',
    user: 'rtd',
    open: (page, s, lang) =>
      go(page, s, `/gestione/piani/${s.planId}/azioni?cerca=${'x'.repeat(201)}`, lang),
  },
  {
    name: 'bo-changes',
    user: 'rtd',
    open: async (page, s, lang) => {
      // Next year's draft of the demo plan, without the completed actions: a list of changes.
      const response = await page
        .context()
        .request.post(`${s.url}/api/plans/${s.planId}/revisions`, {
          data: { period: 'next_year', completed: 'leave' },
        });
      if (!response.ok()) throw new Error(`no revision: ${response.status()}`);
      const { planId } = (await response.json()) as { planId: string };
      await go(page, s, `/gestione/piani/${planId}/modifiche`, lang);
    },
  },
  { name: 'bo-action', user: 'rtd', open: (page, s, lang) => go(page, s, action(s, 'a1.3'), lang) },
  {
    name: 'bo-action-errors',
    user: 'rtd',
    open: async (page, s, lang) => {
      await go(page, s, action(s, 'a1.3'), lang);
      await page.locator('#field-progress').fill('140');
      await submit(page, WORDS[lang].save);
    },
  },
  {
    name: 'bo-action-conflict',
    user: 'rtd',
    open: async (page, s, lang) => {
      await go(page, s, action(s, 'a1.3'), lang);
      // Someone else saves the same action meanwhile, through the API with the same session.
      const version = Number(
        await page.locator('form[action$="/azioni/a1.3"] input[name="version"]').inputValue(),
      );
      const progress = Number(await page.locator('input[name="read_progress"]').inputValue());
      const response = await page
        .context()
        .request.patch(`${s.url}/api/plans/${s.planId}/actions/a1.3`, {
          data: { version, progress: (progress + 1) % 100 },
        });
      if (!response.ok()) throw new Error(`the other save failed: ${response.status()}`);
      await page.locator('#field-progress').fill(String((progress + 7) % 100));
      await page.getByLabel(WORDS[lang].status, { exact: true }).selectOption('suspended');
      await submit(page, WORDS[lang].save);
    },
  },
  {
    name: 'bo-plan-facts',
    user: 'rtd',
    open: async (page, s, lang) =>
      go(page, s, `/gestione/piani/${await nextYearDraft(page, s)}/dati`, lang),
  },
  {
    name: 'bo-plan-facts-errors',
    user: 'rtd',
    open: async (page, s, lang) => {
      await go(page, s, `/gestione/piani/${await nextYearDraft(page, s)}/dati`, lang);
      await page.locator('#field-endYear').fill('1999');
      await page.locator('#field-instrument-0-label').fill('x'.repeat(300));
      await page.locator('#field-title').fill('');
      await page.locator('form[action$="/dati"] button[type="submit"]').click();
      await page.waitForLoadState('load');
    },
  },
  { name: 'bo-picker-results', user: 'rtd', open: pickerResults },
  {
    name: 'bo-picker-linked',
    user: 'rtd',
    open: async (page, s, lang) => {
      await pickerResults(page, s, lang);
      await Promise.all([
        page.waitForLoadState('load'),
        page
          .locator('li[data-code="CAP4.PA.18"]')
          .getByRole('button', { name: new RegExp(`^${WORDS[lang].link}`) })
          .click(),
      ]);
    },
  },
  {
    name: 'bo-parts-list',
    user: 'rtd',
    open: async (page, s, lang) => {
      const planId = await nextYearDraft(page, s);
      await go(page, s, `/gestione/piani/${planId}/parti/indicatori`, lang);
    },
  },
  {
    name: 'bo-part-errors',
    user: 'rtd',
    open: async (page, s, lang) => {
      const planId = await nextYearDraft(page, s);
      await go(page, s, `/gestione/piani/${planId}/parti/spesa/s1`, lang);
      await page.getByLabel(WORDS[lang].description, { exact: true }).fill('');
      await page.getByLabel('CUP', { exact: true }).fill('ABC');
      await submit(page, WORDS[lang].save);
    },
  },
  {
    name: 'bo-part-conflict',
    user: 'rtd',
    open: async (page, s, lang) => {
      const planId = await nextYearDraft(page, s);
      await go(page, s, `/gestione/piani/${planId}/parti/glossario/g-acn`, lang);
      // Someone else saves the same term meanwhile, through the API with the same session.
      const version = Number(
        await page.locator('form[action$="/g-acn"] input[name="version"]').inputValue(),
      );
      const response = await page
        .context()
        .request.patch(`${s.url}/api/plans/${planId}/glossary/g-acn`, {
          data: { version, definition: 'Agenzia per la cybersicurezza nazionale.' },
        });
      if (!response.ok()) throw new Error(`the other save failed: ${response.status()}`);
      await page.getByLabel(WORDS[lang].term, { exact: true }).fill('ACN (Agenzia)');
      await submit(page, WORDS[lang].save);
    },
  },
  {
    name: 'bo-organization-role',
    user: 'rtd',
    open: (page, s, lang) => go(page, s, '/gestione/ente/ruoli/rtd', lang),
  },
  {
    name: 'bo-people',
    user: 'rtd',
    open: (page, s, lang) => go(page, s, '/gestione/persone', lang),
  },
  {
    name: 'bo-people-invited',
    user: 'rtd',
    open: async (page, s, lang) => {
      await go(page, s, '/gestione/persone', lang);
      await page.getByLabel('Email', { exact: true }).fill('nuova.collega@demo.piano.test');
      await page.locator('#field-role').selectOption('viewer');
      await submit(page, WORDS[lang].invite);
    },
  },
  {
    name: 'bo-people-errors',
    user: 'rtd',
    open: async (page, s, lang) => {
      await go(page, s, '/gestione/persone', lang);
      await submit(page, WORDS[lang].invite);
    },
  },
  { name: 'bo-invitation', user: null, open: openInvitation },
  {
    name: 'bo-history',
    user: 'rtd',
    open: (page, s, lang) => go(page, s, `/gestione/piani/${s.planId}/storico`, lang),
  },
  {
    name: 'bo-history-empty',
    user: 'rtd',
    open: (page, s, lang) =>
      go(page, s, `/gestione/piani/${s.planId}/storico?tipo=action&voce=a9.99`, lang),
  },
  {
    name: 'bo-calendar',
    user: 'rtd',
    open: (page, s, lang) => go(page, s, '/gestione/calendario', lang),
  },
  {
    name: 'bo-calendar-issued',
    user: 'rtd',
    open: async (page, s, lang) => {
      await go(page, s, '/gestione/calendario', lang);
      await submit(page, lang === 'it' ? 'Crea un nuovo indirizzo' : 'Create a new address');
    },
  },
  {
    name: 'bo-publication',
    user: 'rtd',
    open: (page, s, lang) => go(page, s, `/gestione/piani/${s.planId}/pubblicazione`, lang),
  },
  {
    name: 'bo-publication-approve-errors',
    user: 'rtd',
    open: async (page, s, lang) => {
      // A new plan proposed through the API with the RTD's session, then approved without the act.
      const request = page.context().request;
      const { memberships } = (await (await request.get(`${s.url}/api/session`)).json()) as {
        memberships: { organizationId: string }[];
      };
      const created = await request.post(
        `${s.url}/api/organizations/${memberships[0]?.organizationId}/plans`,
        { data: { title: 'Piano triennale 2028-2030', startYear: 2028, endYear: 2030 } },
      );
      if (!created.ok()) throw new Error(`no plan: ${created.status()}`);
      const plan = (await created.json()) as { id: string; version: number };
      const proposed = await request.post(`${s.url}/api/plans/${plan.id}/lifecycle`, {
        data: { step: 'propose', version: plan.version },
      });
      if (!proposed.ok()) throw new Error(`not proposed: ${proposed.status()}`);
      await go(page, s, `/gestione/piani/${plan.id}/pubblicazione`, lang);
      await submit(page, WORDS[lang].approve);
    },
  },
  {
    name: 'bo-invitation-errors',
    user: null,
    open: async (page, s, lang) => {
      await openInvitation(page, s, lang);
      await submit(page, WORDS[lang].accept);
    },
  },
  {
    name: 'bo-import-refused',
    user: 'anagrafe',
    open: (page, s, lang) => go(page, s, '/gestione/importa', lang),
  },
  {
    name: 'bo-import',
    user: 'rtd',
    open: (page, s, lang) => go(page, s, '/gestione/importa', lang),
  },
  {
    name: 'bo-import-errors',
    user: 'rtd',
    open: async (page, s, lang) => {
      await go(page, s, '/gestione/importa', lang);
      await submit(page, WORDS[lang].read);
    },
  },
  { name: 'bo-import-review', user: 'rtd', open: (page, s, lang) => importSeed(page, s, lang) },
  {
    name: 'bo-import-correction-errors',
    user: 'rtd',
    open: async (page, s, lang) => {
      await importSeed(page, s, lang);
      const item = page.locator('#azione-a1');
      await item.locator('summary').click();
      await item.getByLabel(WORDS[lang].title, { exact: true }).fill('');
      await Promise.all([
        page.waitForLoadState('load'),
        item.getByRole('button', { name: new RegExp(`^${WORDS[lang].saveCorrection}`) }).click(),
      ]);
    },
  },
  {
    name: 'bo-import-other-parts',
    user: 'rtd',
    open: async (page, s, lang) => {
      await importSeed(page, s, lang);
      await page.goto(`${page.url()}?priorita=altro`);
    },
  },
  {
    name: 'bo-import-source-text',
    user: 'rtd',
    open: async (page, s, lang) => {
      await importSeed(page, s, lang);
      await page.goto(`${page.url()}/testo?da=200`);
    },
  },
  // Last of the editor's states: the page's clock is moved on to near the session's end.
  {
    name: 'bo-draft-restored',
    user: 'anagrafe',
    open: async (page, s, lang) => {
      await go(page, s, action(s, 'a1.5'), lang);
      await page.locator('#field-progress').fill('45');
      await page.waitForTimeout(600);
      await page.reload();
      await page.locator('.piano-draft-notice').waitFor();
    },
  },
  {
    name: 'bo-session-ending',
    user: 'anagrafe',
    open: async (page, s, lang) => {
      await page.clock.install();
      await go(page, s, '/gestione/lavoro', lang);
      const left = Number(await page.locator('#piano-session').getAttribute('data-seconds-left'));
      await page.clock.fastForward((left - 120) * 1000);
      await page.locator('[data-session="ending"]').waitFor();
    },
  },
];
