import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient, hiddenIn, tokenIn } from './backoffice-client.js';

let server: WebServer;
const PASSWORD = 'demo-piano-2025';

beforeAll(async () => {
  server = await startWebServer();
});
afterAll(() => server.close());

async function signedIn(email: string) {
  const c = new FormClient(server.app);
  expect((await c.signIn(email, PASSWORD)).statusCode).toBe(303);
  return c;
}
const dashboard = (c: FormClient) => c.get(`/gestione/piani/${server.planId}/cruscotto`);
/** The cells of the row marked `attribute="id"`, tags stripped. */
function row(body: string, attribute: string, id: string): string[] {
  const match = new RegExp(
    `<tr [^>]*${attribute}="${id.replace('.', '\\.')}"[^>]*>([\\s\\S]*?)</tr>`,
  ).exec(body);
  if (!match) throw new Error(`no row ${attribute}=${id}`);
  return [...match[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, ''),
  );
}

describe('the dashboard’s indicators against targets', () => {
  it('shows the year’s target, the latest measurement by today, the way covered and the outcome', async () => {
    const page = await dashboard(await signedIn('rtd@demo.piano.test'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Indicatori rispetto ai target');
    // Demo today is 15/03/2026: the 2026 target, the measurement of 31/12/2025.
    const io = row(page.body, 'data-indicator', 'i4');
    expect(io[1]).toBe('30 servizi nel 2026');
    expect(io[2]).toBe('23 servizi al 31/12/2025 (74 giorni fa)');
    expect(io[3]).toBe('56,3%');
    expect(io[4]).toBe('Non ancora raggiunto');
    expect(row(page.body, 'data-indicator', 'i9')[4]).toBe('Target raggiunto');
    const pdnd = row(page.body, 'data-indicator', 'i14');
    expect(pdnd[2]).toBe('—');
    expect(pdnd[4]).toBe('Nessuna rilevazione');
  });
});

describe('the dashboard’s spending by PNRR measure', () => {
  it('totals the items funded by each measure, named, with the sum of them all', async () => {
    const page = await dashboard(await signedIn('rtd@demo.piano.test'));
    expect(page.body).toContain('Spesa per misura PNRR');
    const measures = [...page.body.matchAll(/data-measure="([^"]+)"/g)].map((m) => m[1]);
    expect(measures.sort()).toEqual(['1.2', '1.3.1', '1.4.1', '1.4.3', '1.4.4', '1.4.5', '1.7.2']);
    expect(row(page.body, 'data-measure', '1.2')[1]).toMatch(/^€\s?[\d.]+,\d\d$/);
  });
});

describe('how current the plan is', () => {
  it('counts the actions never updated, lists units that never updated first, and moves a unit once its editor saves', async () => {
    const rtd = await signedIn('rtd@demo.piano.test');
    const before = await dashboard(rtd);
    const total = /Azioni mai aggiornate da quando sono state scritte: (\d+) su (\d+)\./.exec(
      before.body,
    );
    expect(total).not.toBeNull();
    const [never, all] = [Number(total![1]), Number(total![2])];
    expect(row(before.body, 'data-unit', 'serv-dem')[3]).toBe('Mai aggiornate');
    const stale = [...before.body.matchAll(/data-stale="([^"]+)"/g)].map((m) => m[1]);
    expect(stale).toHaveLength(10);

    // The editor of Servizi demografici updates one of the unit's actions.
    const editor = await signedIn('anagrafe@demo.piano.test');
    const work = await editor.get('/gestione/lavoro');
    const action = `/gestione/piani/${server.planId}/azioni/a1.6`;
    const saved = await editor.post(action, {
      _csrf: tokenIn(work.body),
      version: hiddenIn(work.body, action, 'version'),
      from: 'lavoro',
      read_status: 'planned',
      read_progress: '0',
      status: 'in_progress',
      progress: '10',
    });
    expect(saved.statusCode).toBe(303);

    const after = await dashboard(rtd);
    expect(after.body).toContain(
      `Azioni mai aggiornate da quando sono state scritte: ${never - 1} su ${all}.`,
    );
    const unit = row(after.body, 'data-unit', 'serv-dem');
    expect(unit[2]).not.toBe('0');
    expect(unit[3]).toMatch(/^\d\d\/\d\d\/\d{4} \(oggi\)$/);
    const order = [...after.body.matchAll(/data-unit="([^"]+)"/g)].map((m) => m[1]);
    expect(order[order.length - 1]).toBe('serv-dem');
    expect(after.body).not.toContain('data-stale="a1.6"');
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const anonymous = new FormClient(server.app);
    const page = await dashboard(anonymous);
    expect(page.statusCode).toBe(303);
  });
});
