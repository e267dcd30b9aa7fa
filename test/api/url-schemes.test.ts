import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../src/catalog/parse-plan-document.js';
import { isWebUrl } from '../../src/domain/model/common.js';
import { PianoError } from '../../src/domain/errors.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { planDocument } from '../support/factories.js';
import { expectNothingWritten, expectProblem, getJson, seedWorld, type World } from './helpers.js';

/** Addresses that would run script or reach local files if written as links. */
const REFUSED = [
  'javascript:alert(1)',
  ' JavaScript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.com/piano.pdf',
];
const ACCEPTED = [
  'https://www.comune.example.it/',
  'http://example.it/a?b=c',
  'mailto:rtd@example.it',
];

const ITALIAN = 'deve essere un indirizzo che inizia con https://, http:// o mailto:';

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin']);
});
afterAll(async () => api.close());

describe('URL fields accept only https:, http: and mailto:', () => {
  it('tells links from the rest the same way everywhere (isWebUrl)', () => {
    for (const url of REFUSED) expect(isWebUrl(url), url).toBe(false);
    for (const url of ACCEPTED) expect(isWebUrl(url), url).toBe(true);
  });

  for (const field of ['website', 'accessibilityUrl']) {
    it(`refuses a ${field} with another scheme through the API, naming the field, and stores nothing`, async () => {
      const admin = world.users.admin.cookie;
      const url = `/api/organizations/${world.organizationId}`;
      for (const bad of REFUSED) {
        const { version } = await getJson<{ version: number }>(api, url, admin);
        const res = await expectNothingWritten(api.db, () =>
          api.request({ method: 'PATCH', url, payload: { [field]: bad, version }, cookie: admin }),
        );
        const problem = expectProblem(res, 422, 'validation');
        expect(problem.errors).toContainEqual(
          expect.objectContaining({
            field: `/${field}`,
            message: expect.stringContaining(ITALIAN),
          }),
        );
      }
    });
  }

  it('stores an organization website with an accepted scheme', async () => {
    const admin = world.users.admin.cookie;
    const url = `/api/organizations/${world.organizationId}`;
    for (const good of ACCEPTED) {
      const { version } = await getJson<{ version: number }>(api, url, admin);
      const res = await api.request({
        method: 'PATCH',
        url,
        payload: { website: good, version },
        cookie: admin,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ website: good });
    }
  });

  it('refuses a normative reference whose url has another scheme', async () => {
    const admin = world.users.admin.cookie;
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'POST',
        url: `/api/plans/${world.planId}/normative-references`,
        payload: { title: 'Codice', url: 'javascript:alert(1)' },
        cookie: admin,
      }),
    );
    const problem = expectProblem(res, 422, 'validation');
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ field: '/url', message: ITALIAN }),
    );
  });

  it('refuses a plan file whose normative reference or website has another scheme, naming the field', () => {
    const doc = planDocument() as Record<string, unknown> & {
      organization: Record<string, unknown>;
      plan: { normativeReferences: Record<string, unknown>[] };
    };
    doc.organization.website = 'javascript:alert(1)';
    doc.plan.normativeReferences[0]!.url = 'data:text/html,x';
    try {
      parsePlanDocument(doc);
      expect.unreachable('the file was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(PianoError);
      const fields = (error as PianoError).problems.map((p) => p.field);
      expect(fields).toEqual(
        expect.arrayContaining(['/organization/website', '/plan/normativeReferences/0/url']),
      );
    }
  });
});
