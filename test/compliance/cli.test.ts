import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from '../cli/helpers.js';
import { planDocument } from '../support/factories.js';

/** `piano catalog`, `piano check`, `piano starter` and `piano calendar`, run as a user would. */
let sandbox: CliSandbox;
// Every test launches piano one to three times, each a process of its own.
const SLOW = { timeout: 120_000 };
let demoPlan: string;

beforeAll(async () => {
  sandbox = await cliSandbox();
  const demo = await sandbox.run(['demo']);
  expect(demo.code, demo.stderr).toBe(0);
  demoPlan = /Piano dimostrativo caricato: (\S+)/.exec(demo.stdout)?.[1] ?? '';
}, 120_000);
afterAll(async () => sandbox?.cleanup());

describe('piano catalog list', () => {
  it(
    'prints an edition as JSON entries with code, result, title, deadline and its kind',
    SLOW,
    async () => {
      const result = await sandbox.run(['catalog', 'list', '--edition', '2024-2026', '--json']);
      expect(result.code, result.stderr).toBe(0);
      const entries = JSON.parse(result.stdout) as Record<string, unknown>[];
      expect(entries).toHaveLength(122);
      expect(entries.find((e) => e.code === 'CAP3.PA.13')).toMatchObject({
        result: 'RA3.2.2',
        deadline: '2025-03',
        deadlineKind: 'by',
        title: expect.any(String),
      });
      expect(entries.find((e) => e.code === 'CAP4.PA.04')).toMatchObject({
        deadline: null,
        deadlineKind: 'standing',
      });
    },
  );

  it('refuses an edition it does not have', SLOW, async () => {
    const result = await sandbox.run(['catalog', 'list', '--edition', '1999-2001']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2024-2026');
  });
});

describe('piano check', () => {
  it('reports coverage the Italian way and exits 1 when blocking gaps exist', SLOW, async () => {
    const result = await sandbox.run(['check', demoPlan, '--as-of', '2025-11-23']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Copertura: \d+ linee su \d+ \(\d+,\d%\)/);
    expect(result.stdout).toContain('situazione al 23 novembre 2025');
    expect(result.stdout).toMatch(/Lacune bloccanti \(\d+\)/);
    expect(result.stdout).toContain('CAP2.PA.02 · entro dicembre 2026');
  });

  it('prints the same report as JSON', SLOW, async () => {
    const result = await sandbox.run(['check', demoPlan, '--json', '--as-of', '2025-11-23']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { summary: { blocking: number } };
    expect(report.summary.blocking).toBeGreaterThan(0);
  });

  it('exits 0 once the starter proposals have filled every gap', SLOW, async () => {
    const file = await sandbox.writeFile('plan.json', planDocument());
    const loaded = await sandbox.run(['load', file]);
    const planId = /Piano caricato: (\S+)/.exec(loaded.stdout)?.[1] ?? '';
    const starter = await sandbox.run(['starter', planId, '--accept-all', '--as-of', '2025-11-23']);
    expect(starter.code, starter.stderr).toBe(0);
    expect(starter.stdout).toMatch(/Aggiunte \d+ azioni/);
    const check = await sandbox.run(['check', planId, '--as-of', '2025-11-23']);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('Rilievi: 0 bloccanti');
  });
});

describe('piano calendar', () => {
  it('lists overdue and upcoming items and writes an iCalendar file', SLOW, async () => {
    const ics = `${sandbox.dir}/scadenze.ics`;
    const result = await sandbox.run(['calendar', demoPlan, '--as-of', '2025-11-23', '--ics', ics]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/In ritardo \(\d+\)/);
    expect(result.stdout).toContain('31/01/2026  Adempimento  Adottare il PIAO');
    const calendar = new ICAL.Component(ICAL.parse(await readFile(ics, 'utf8')));
    expect(calendar.getAllSubcomponents('vevent').length).toBeGreaterThan(50);
  });
});
