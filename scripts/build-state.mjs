// Whether dist/ (the compiled sources) matches src/ as it is now. Plain JavaScript, so that
// bin/piano.js can ask before deciding whether it needs the TypeScript loader at all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILD_INFO = 'build-info.json';

/** Every file under `src`, with its size and modification time: what the build was made from. */
export function sourceFingerprint(root = ROOT) {
  const src = join(root, 'src');
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      const stat = statSync(path);
      return `${relative(src, path)}:${stat.size}:${stat.mtimeMs}`;
    })
    .sort()
    .join('\n');
}

/** True when `dist` was built from exactly the files `src` holds now. */
export function buildIsCurrent(root = ROOT) {
  try {
    const info = JSON.parse(readFileSync(join(root, 'dist', BUILD_INFO), 'utf8'));
    return info.fingerprint === sourceFingerprint(root);
  } catch {
    return false;
  }
}
