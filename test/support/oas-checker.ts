import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document, Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';

/** The AgID checker's "Italian Guidelines Full" ruleset, read from ../shared (never copied). */
export const ITALIAN_GUIDELINES_FULL = path.resolve(
  '../shared/reference/oas-checker/italian-guidelines-full.spectral.yml',
);

/** Runs the ruleset on an OpenAPI document and returns Spectral's diagnostics. */
export async function lintOpenApi(
  document: unknown,
  rulesetPath = ITALIAN_GUIDELINES_FULL,
): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset(
    await bundleAndLoadRuleset(rulesetPath, {
      fs,
      // The ruleset extends only Spectral's built-in rules: nothing is fetched from the network.
      fetch: globalThis.fetch as never,
    }),
  );
  return spectral.run(new Document(JSON.stringify(document, null, 2), Json, 'openapi.json'));
}

/** Error diagnostics counted by rule, for a readable failure message. */
export function errorsByRule(diagnostics: ISpectralDiagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) {
    if (d.severity !== 0) continue;
    const rule = String(d.code);
    counts[rule] = (counts[rule] ?? 0) + 1;
  }
  return counts;
}
