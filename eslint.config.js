// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Folder boundaries: which part of src/ may import which. Each folder has one job; the arrows
 * point from adapters (api, cli, web) through operations to the domain, never back.
 *
 * - domain imports nothing of piano's (nor Node's own modules);
 * - catalog, storage, documents import the domain; the importer also reads the shipped catalog;
 * - operations import the domain, storage, catalog, documents and importer;
 * - api, cli and web import operations, the domain, config.ts and their own folder: storage only
 *   as `import type` (the Db handle they pass along); whatever they need of the importer, the
 *   catalog or storage (formats, limits, part descriptors) operations re-export. The web also
 *   imports the documents: it presents a plan to people as they do, with the same facts,
 *   formats, labels and charts, all pure functions of the domain's PlanDocument, so a figure is
 *   computed once; data and authorization still come from operations only. Adapters never
 *   import each other; src/server.ts (and src/cli/commands/serve.ts, which starts it) compose.
 */
const FOLDERS = ['domain', 'catalog', 'storage', 'documents', 'importer', 'operations'];
const ADAPTERS = ['api', 'cli', 'web'];
const ROOT_FILES = ['config', 'server'];
const ALLOWED = {
  domain: [],
  catalog: ['domain'],
  storage: ['domain'],
  documents: ['domain'],
  importer: ['domain', 'catalog'],
  operations: ['domain', 'storage', 'catalog', 'documents', 'importer'],
  api: ['domain', 'operations', 'config'],
  cli: ['domain', 'operations', 'config'],
  web: ['domain', 'operations', 'config', 'documents'],
};
/** Folders an adapter may import types from, and nothing else. */
const TYPES_ONLY = ['storage'];

/**
 * An import names a folder of src/ by going up as many levels as the importing file is deep
 * ("../../storage/db.js" from src/api/routes/), so the patterns are written per depth: that
 * also keeps src/domain/catalog/ apart from src/catalog/.
 */
function boundaryRule(owner, depth, allowed = ALLOWED[owner]) {
  const targets = [...FOLDERS, ...ADAPTERS, ...ROOT_FILES].filter(
    (t) => t !== owner && !allowed.includes(t),
  );
  const adapter = ADAPTERS.includes(owner);
  const message = `src/${owner} may import ${allowed.length ? allowed.join(', ') : 'nothing of piano'} (see eslint.config.js).`;
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(owner === 'domain'
            ? [{ group: ['node:*', 'fs', 'path'], message: 'The domain depends on nothing.' }]
            : []),
          ...targets.map((target) => ({
            regex: `^(\\.\\./){${depth}}${target}(/|\\.js$)`,
            allowTypeImports: adapter && TYPES_ONLY.includes(target),
            message,
          })),
        ],
      },
    ],
  };
}

/** The rule for every file of a folder, one block per depth (src/api/x.ts, src/api/routes/x.ts…), TSX included. */
const folderBoundaries = (folder) =>
  [1, 2, 3, 4, 5].map((depth) => ({
    files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: boundaryRule(folder, depth),
  }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', '.piano-data/**', 'dist/**', '.dist-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': 'off',
    },
  },
  ...[...FOLDERS, ...ADAPTERS].flatMap(folderBoundaries),
  // config.ts reads the environment with the domain's validation, and nothing else.
  {
    files: ['src/config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\./(${[...FOLDERS, ...ADAPTERS].filter((f) => f !== 'domain').join('|')})/`,
              message: 'src/config.ts may import the domain only.',
            },
          ],
        },
      ],
    },
  },
  // The serve command starts the composed server: the one adapter file that may import it.
  {
    files: ['src/cli/commands/serve.ts'],
    rules: boundaryRule('cli', 2, [...ALLOWED.cli, 'server']),
  },
  {
    files: ['src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
