import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_INFO, buildIsCurrent, sourceFingerprint } from '../../scripts/build-state.mjs';

describe('whether the compiled sources are current', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const recordBuild = () =>
    write(`dist/${BUILD_INFO}`, JSON.stringify({ fingerprint: sourceFingerprint(root) }));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'piano-build-'));
    write('src/cli/main.ts', 'export const a = 1;\n');
    write('src/storage/migrations/1.sql', 'SELECT 1;\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is current right after a build of the same sources', () => {
    recordBuild();
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('is not current without a build', () => {
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('is not current once a source is edited, even to the same size', () => {
    recordBuild();
    write('src/cli/main.ts', 'export const b = 2;\n');
    utimesSync(join(root, 'src/cli/main.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('is not current once a source is added or removed', () => {
    recordBuild();
    write('src/cli/extra.ts', 'export {};\n');
    expect(buildIsCurrent(root)).toBe(false);
    rmSync(join(root, 'src/cli/extra.ts'));
    expect(buildIsCurrent(root)).toBe(true);
    rmSync(join(root, 'src/storage/migrations/1.sql'));
    expect(buildIsCurrent(root)).toBe(false);
  });
});
