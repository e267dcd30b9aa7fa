import { readFile } from 'node:fs/promises';
import type { Db } from '../storage/db.js';
import { listPlans } from '../storage/plans.js';
import { actorOf, DEMO_SEEDER } from './callers.js';
import { grantMembership } from './grant-membership.js';
import { loadPlanDocument } from './load-plan-document.js';

export const DEMO_PLAN_FILE = new URL('../../data/demo/plan.json', import.meta.url);

/** Demo accounts: the RTD and the editors of two units. For demonstrations only. */
export const DEMO_PASSWORD = 'demo-piano-2025';
export const DEMO_USERS = [
  { email: 'rtd@demo.piano.test', name: 'RTD (demo)', role: 'admin', unitId: null },
  {
    email: 'anagrafe@demo.piano.test',
    name: 'Servizi demografici (demo)',
    role: 'editor',
    unitId: 'serv-dem',
  },
  {
    email: 'tecnico@demo.piano.test',
    name: 'Area tecnica (demo)',
    role: 'editor',
    unitId: 'tecnico',
  },
] as const;

/**
 * Loads the demo comune's plan and its accounts into an empty database. Does nothing when any
 * plan exists already, so restarting never duplicates it. Returns the loaded plan, if any.
 */
export async function seedDemo(db: Db) {
  const existing = await listPlans(db, { memberOf: 'all', limit: 1, offset: 0 });
  if (existing.total > 0) return null;
  const input: unknown = JSON.parse(await readFile(DEMO_PLAN_FILE, 'utf8'));
  const loaded = await loadPlanDocument({ db, actor: actorOf(DEMO_SEEDER), input });
  for (const u of DEMO_USERS) {
    await grantMembership({
      db,
      principal: DEMO_SEEDER,
      organizationId: loaded.organizationId,
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
      role: u.role,
      unitId: u.unitId,
    });
  }
  return loaded;
}
