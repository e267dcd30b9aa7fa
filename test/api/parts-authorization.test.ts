import { describeWriteRefusals, partCases } from './authorization.js';
import { ALL_PARTS } from './helpers.js';

/**
 * Criterion 1 for parts: POST, PATCH and DELETE on every resource of PLAN_PARTS and
 * ORGANIZATION_PARTS (src/api/part-resources.ts), so a new resource is covered as soon as it is
 * registered (helpers.ts SAMPLES is keyed by entity type: a missing sample does not compile).
 */
describeWriteRefusals('writes on plan and organization parts', ALL_PARTS.flatMap(partCases));
