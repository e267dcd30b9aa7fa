import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { seedPlan, seedUser } from '../support/factories.js';
import { makeDocx } from './support/files.js';

/** POST /api/imports: the draft for the import wizard, for signed-in members; nothing stored. */
let api: TestApi;
let member: string;
let outsider: string;
const fixture = readFileSync(new URL('./fixtures/piano-ambiti.txt', import.meta.url));

function multipart(name: string, bytes: Buffer, type: string) {
  const boundary = '----piano-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

beforeAll(async () => {
  api = await startTestApi();
  const { organizationId } = await seedPlan(api.db);
  member = await api.signIn((await seedUser(api.db, { organizationId, role: 'viewer' })).email);
  outsider = await api.signIn((await seedUser(api.db)).email);
});
afterAll(() => api.close());

describe('POST /api/imports', () => {
  it('answers a multipart upload with the draft, its provenance and warnings', async () => {
    const docx = await makeDocx();
    const res = await api.request({
      method: 'POST',
      url: '/api/imports',
      cookie: member,
      ...multipart(
        'piano.docx',
        docx,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.source).toMatchObject({ fileName: 'piano.docx', format: 'docx' });
    expect(body.document.actions).toHaveLength(3);
    expect(body.provenance.length).toBeGreaterThan(3);
    // Each action says why it was recognized, for the import wizard.
    const actions = body.provenance.filter((p: { pointer: string }) =>
      /^\/actions\/\d+$/.test(p.pointer),
    );
    expect(actions).toHaveLength(3);
    for (const p of actions) expect(p.why.length, p.pointer).toBeGreaterThan(0);
    const plans = await api.request({ method: 'GET', url: '/api/plans', cookie: member });
    expect(plans.json().total).toBe(1);
  });

  it('accepts the file as the request body, with its content type', async () => {
    const res = await api.request({
      method: 'POST',
      url: '/api/imports?filename=piano.txt',
      cookie: member,
      headers: { 'content-type': 'text/plain' },
      payload: fixture,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document.actions).toHaveLength(7);
  });

  it('refuses anonymous users and users of no organization', async () => {
    const upload = {
      method: 'POST' as const,
      url: '/api/imports',
      headers: { 'content-type': 'text/plain' },
      payload: fixture,
    };
    expect((await api.request(upload)).statusCode).toBe(401);
    expect((await api.request({ ...upload, cookie: outsider })).statusCode).toBe(403);
  });

  it('answers bad files with problem+json', async () => {
    const garbage = Buffer.alloc(4096, 0);
    const res = await api.request({
      method: 'POST',
      url: '/api/imports',
      cookie: member,
      ...multipart('x.bin', garbage, 'application/octet-stream'),
    });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'unsupported_file' });
    const empty = await api.request({
      method: 'POST',
      url: '/api/imports',
      cookie: member,
      ...multipart('x.txt', Buffer.alloc(0), 'text/plain'),
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: 'unreadable_file', detail: 'Il file è vuoto' });
  });

  it('refuses files over the size limit', async () => {
    const small = await startTestApi({ PIANO_IMPORT_BODY_LIMIT: '2048' });
    try {
      const cookie = await small.signIn((await seedUser(small.db, { consultant: true })).email);
      const res = await small.request({
        method: 'POST',
        url: '/api/imports',
        cookie,
        ...multipart('big.txt', Buffer.alloc(10_000, 65), 'text/plain'),
      });
      expect(res.statusCode).toBe(413);
    } finally {
      await small.close();
    }
  });
});
