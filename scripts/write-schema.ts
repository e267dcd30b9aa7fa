// Writes the published JSON Schema of the Plan Interchange Format. Run after changing the model:
// `npm run schema`. A test fails while the committed file differs from what the model says.
import { writeFile } from 'node:fs/promises';
import { publishedPlanSchema } from '../src/domain/model/interchange.js';

export const SCHEMA_FILE = new URL('../schema/piano-plan-v1.schema.json', import.meta.url);

await writeFile(SCHEMA_FILE, `${JSON.stringify(publishedPlanSchema(), null, 2)}\n`);
console.log(`Scritto ${SCHEMA_FILE.pathname}`);
