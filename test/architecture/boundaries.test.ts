import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The folder boundaries of eslint.config.js, proved on small snippets linted as if they were
 * files of src/: every forbidden direction is refused, and the allowed ones pass.
 */
const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

const FORBIDDEN: [from: string, code: string][] = [
  ['src/domain/rules/x.ts', "import { openDb as x } from '../../storage/db.js';"],
  ['src/domain/x.ts', "import { readFileSync as x } from 'node:fs';"],
  ['src/domain/rules/x.ts', "import { loadCatalog as x } from '../../catalog/load-catalog.js';"],
  ['src/domain/x.ts', "import { readPlan as x } from '../operations/read-plan.js';"],
  ['src/domain/timing/gold/x.ts', "import { buildApp as x } from '../../../api/app.js';"],
  ['src/catalog/x.ts', "import { openDb as x } from '../storage/db.js';"],
  ['src/storage/x.ts', "import { readPlan as x } from '../operations/read-plan.js';"],
  ['src/documents/x.ts', "import { loadCatalog as x } from '../catalog/load-catalog.js';"],
  ['src/documents/x.ts', "import { listRows as x } from '../storage/rows.js';"],
  ['src/importer/x.ts', "import { openDb as x } from '../storage/db.js';"],
  [
    'src/importer/converters/x.ts',
    "import { readPlan as x } from '../../operations/read-plan.js';",
  ],
  ['src/operations/x.ts', "import { buildApp as x } from '../api/app.js';"],
  ['src/operations/x.ts', "import { loadConfig as x } from '../config.js';"],
  ['src/api/routes/x.ts', "import { findPlanAnywhere as x } from '../../storage/plans.js';"],
  ['src/api/routes/x.ts', "import { exportFile as x } from '../../documents/exports.js';"],
  ['src/api/x.ts', "import type { ExportFile as x } from '../documents/exports.js';"],
  ['src/api/x.ts', "import { importPlanFile as x } from '../importer/import-plan.js';"],
  ['src/api/x.ts', "import { loadCatalog as x } from '../catalog/load-catalog.js';"],
  ['src/api/x.ts', "import { main as x } from '../cli/main.js';"],
  ['src/api/x.ts', "import { page as x } from '../web/page.js';"],
  ['src/api/x.ts', "import { startServer as x } from '../server.js';"],
  ['src/cli/x.ts', "import { listPlans as x } from '../storage/plans.js';"],
  ['src/cli/commands/x.ts', "import { startServer as x } from '../../server.js';"],
  ['src/cli/commands/x.ts', "import { buildApp as x } from '../../api/app.js';"],
  ['src/web/x.ts', "import { listRows as x } from '../storage/rows.js';"],
  ['src/web/pages/x.ts', "import { buildApp as x } from '../../api/app.js';"],
  ['src/web/x.ts', "import { main as x } from '../cli/main.js';"],
  ['src/web/portal/x.tsx', "import { listPlans as x } from '../../storage/plans.js';"],
  ['src/web/x.ts', "import { importPlanFile as x } from '../importer/import-plan.js';"],
  ['src/web/x.ts', "import { loadCatalog as x } from '../catalog/load-catalog.js';"],
  ['src/config.ts', "import { openDb as x } from './storage/db.js';"],
];

const ALLOWED: [from: string, code: string][] = [
  // src/domain/catalog/ is the domain's own: not src/catalog/.
  ['src/domain/rules/x.ts', "import { buildCatalog as x } from '../catalog/catalog.js';"],
  [
    'src/documents/x.ts',
    "import type { PlanDocument as x } from '../domain/model/interchange.js';",
  ],
  [
    'src/importer/x.ts',
    "import { parsePlanDocument as x } from '../catalog/parse-plan-document.js';",
  ],
  ['src/operations/x.ts', "import { openDb as x } from '../storage/db.js';"],
  ['src/operations/x.ts', "import { exportFile as x } from '../documents/exports.js';"],
  ['src/api/routes/x.ts', "import { readPlan as x } from '../../operations/read-plan.js';"],
  ['src/api/routes/x.ts', "import type { Db as x } from '../../storage/db.js';"],
  ['src/api/x.ts', "import type { Config as x } from '../config.js';"],
  ['src/cli/commands/x.ts', "import { COMMAND_LINE as x } from '../../operations/callers.js';"],
  ['src/cli/commands/serve.ts', "import { startServer as x } from '../../server.js';"],
  ['src/web/pages/x.ts', "import { readPlan as x } from '../../operations/read-plan.js';"],
  ['src/web/x.ts', "import { canReadPlan as x } from '../domain/rules/permissions.js';"],
  // The web presents plans with the documents' facts, formats, labels and charts.
  ['src/web/portal/x.tsx', "import { labelsFor as x } from '../../documents/labels.js';"],
  ['src/web/portal/x.tsx', "import type { PlanRow as x } from '../../storage/plans.js';"],
  ['src/server.ts', "import { buildApp as x } from './api/app.js';"],
];

describe('folder boundaries (eslint.config.js)', () => {
  it.each(FORBIDDEN)('refuses, in %s, %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toHaveLength(1);
  });

  it.each(ALLOWED)('allows, in %s, %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });

  it('names the folders an adapter may import in its message', async () => {
    const [message] = await boundaryErrors(
      'src/web/x.ts',
      "import { listRows as x } from '../storage/rows.js';",
    );
    expect(message).toContain('src/web may import domain, operations, config, documents');
  });
});
