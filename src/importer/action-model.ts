import type { ActionModel } from './scoring.js';

/** Placeholder until the model is fitted: keeps every candidate. */
export const DEFAULT_ACTION_MODEL: ActionModel = { weights: {}, bias: 2, threshold: 0.5 };
