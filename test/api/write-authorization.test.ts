import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { planDocument } from '../support/factories.js';
import { describeWriteRefusals, partCases, type WriteCase } from './authorization.js';
import { ALL_PARTS, getJson, normalizePath, registeredRoutes, versionOf } from './helpers.js';

const orgUrl = (id: string) => `/api/organizations/${id}`;
const planUrl = (id: string) => `/api/plans/${id}`;

/** Criterion 1 for the writes that are not plan parts: organizations, members, plans. */
const CASES: WriteCase[] = [
  {
    name: 'POST /api/organizations',
    allowed: 'consultant',
    request: async () => ({
      method: 'POST',
      url: '/api/organizations',
      payload: { name: 'Comune di Nuova Fondazione' },
    }),
  },
  {
    name: 'PATCH /api/organizations/:organizationId',
    allowed: 'admin',
    request: async (api, w) => ({
      method: 'PATCH',
      url: orgUrl(w.organizationId),
      payload: {
        name: 'Comune Rinominato',
        version: await versionOf(api, orgUrl(w.organizationId), w.users.admin.cookie),
      },
    }),
  },
  {
    name: 'PUT /api/organizations/:organizationId/members/:userId',
    allowed: 'admin',
    // A viewer trying to make themselves admin is the escalation this must stop.
    request: async (_api, w) => ({
      method: 'PUT',
      url: `${orgUrl(w.organizationId)}/members/${w.users.viewer.id}`,
      payload: { role: 'admin' },
    }),
  },
  {
    name: 'POST /api/organizations/:organizationId/invitations',
    allowed: 'admin',
    // Inviting oneself as admin is the other road to the same escalation.
    request: async (_api, w) => ({
      method: 'POST',
      url: `${orgUrl(w.organizationId)}/invitations`,
      payload: { email: w.users.viewer.email, role: 'admin' },
    }),
  },
  {
    name: 'DELETE /api/organizations/:organizationId/invitations/:invitationId',
    allowed: 'admin',
    request: async (api, w) => {
      const invited = await api.request({
        method: 'POST',
        url: `${orgUrl(w.organizationId)}/invitations`,
        payload: { email: 'invitata@prova.test', role: 'viewer' },
        cookie: w.users.admin.cookie,
      });
      expect(invited.statusCode, invited.body).toBe(201);
      const { id } = invited.json<{ id: string }>();
      return { method: 'DELETE', url: `${orgUrl(w.organizationId)}/invitations/${id}` };
    },
  },
  {
    name: 'DELETE /api/organizations/:organizationId/members/:userId',
    allowed: 'admin',
    request: async (_api, w) => ({
      method: 'DELETE',
      url: `${orgUrl(w.organizationId)}/members/${w.users.editorDem.id}`,
    }),
  },
  {
    name: 'POST /api/organizations/:organizationId/plans',
    allowed: 'admin',
    request: async (_api, w) => ({
      method: 'POST',
      url: `${orgUrl(w.organizationId)}/plans`,
      payload: { title: 'Piano triennale 2026-2028', startYear: 2026, endYear: 2028 },
    }),
  },
  {
    name: 'POST /api/plans/documents (organization named by the document’s IPA code)',
    allowed: 'admin',
    request: async (_api, w) => ({
      method: 'POST',
      url: '/api/plans/documents',
      payload: planDocument({ ipaCode: w.ipaCode }),
    }),
  },
  {
    name: 'POST /api/plans/documents?organizationId= (organization named in the query)',
    allowed: 'admin',
    request: async (_api, w) => ({
      method: 'POST',
      url: `/api/plans/documents?organizationId=${w.organizationId}`,
      payload: planDocument(),
    }),
  },
  {
    name: 'PATCH /api/plans/:planId',
    allowed: 'admin',
    request: async (api, w) => ({
      method: 'PATCH',
      url: planUrl(w.planId),
      payload: {
        title: 'Piano rinominato',
        version: await versionOf(api, planUrl(w.planId), w.users.admin.cookie),
      },
    }),
  },
  {
    name: 'POST /api/organizations/:organizationId/calendar-token',
    allowed: 'admin',
    request: async (_api, w) => ({
      method: 'POST',
      url: `${orgUrl(w.organizationId)}/calendar-token`,
    }),
  },
  {
    name: 'DELETE /api/organizations/:organizationId/calendar-token',
    allowed: 'admin',
    request: async (api, w) => {
      const issued = await api.request({
        method: 'POST',
        url: `${orgUrl(w.organizationId)}/calendar-token`,
        cookie: w.users.admin.cookie,
      });
      expect(issued.statusCode, issued.body).toBe(201);
      return { method: 'DELETE', url: `${orgUrl(w.organizationId)}/calendar-token` };
    },
  },
  {
    name: 'POST /api/plans/:planId/starter',
    allowed: 'admin',
    request: async (api, w) => {
      const url = `${planUrl(w.planId)}/starter`;
      const { items } = await getJson<{ items: { id: string }[] }>(api, url, w.users.admin.cookie);
      expect(items.length).toBeGreaterThan(0);
      return { method: 'POST', url, payload: { proposals: [items[0]?.id] } };
    },
  },
  {
    name: 'POST /api/plans/:planId/lifecycle',
    allowed: 'admin',
    request: async (api, w) => ({
      method: 'POST',
      url: `${planUrl(w.planId)}/lifecycle`,
      payload: {
        step: 'propose',
        version: await versionOf(api, planUrl(w.planId), w.users.admin.cookie),
      },
    }),
  },
  {
    name: 'POST /api/plans/:planId/revisions',
    allowed: 'admin',
    request: async (_api, w) => ({
      method: 'POST',
      url: `${planUrl(w.planId)}/revisions`,
      payload: { period: 'next_year', completed: 'leave' },
    }),
  },
  {
    // Last: its positive control deletes the plan.
    name: 'DELETE /api/plans/:planId',
    allowed: 'admin',
    request: async (api, w) => ({
      method: 'DELETE',
      url: `${planUrl(w.planId)}?version=${await versionOf(api, planUrl(w.planId), w.users.admin.cookie)}`,
    }),
  },
];

describeWriteRefusals('writes on organizations, members and plans', CASES);

/** Writes outside these tables, and why. */
const NOT_ORGANIZATION_WRITES = new Set([
  '/api/session', // signing in and out: anyone may
  '/api/imports', // reads an uploaded file into a draft for review and stores nothing
  // The link's secret authorizes accepting, for the invited address only (invitations.test.ts).
  '/api/invitations/{}/accept',
]);

describe('the authorization tables', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api.close());

  it('cover every write route the API registers under /api', () => {
    const routeOf = (name: string) => {
      const [method, path] = name.split(' ');
      return `${method} ${normalizePath((path ?? '').replace(/\?.*$/, ''))}`;
    };
    const covered = new Set(
      [...CASES, ...ALL_PARTS.flatMap(partCases)].map((c) => routeOf(c.name)),
    );
    const writes = registeredRoutes(api.app)
      .filter((r) => r.path.startsWith('/api/') && !NOT_ORGANIZATION_WRITES.has(r.path))
      .filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method))
      .map((r) => `${r.method} ${r.path}`);
    expect(writes.length).toBeGreaterThan(40);
    expect(writes.filter((w) => !covered.has(w))).toEqual([]);
  });
});
