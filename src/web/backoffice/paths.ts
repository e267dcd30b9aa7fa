/** Addresses of back-office pages (Italian; href() adds /en for English). */
export const actionPath = (planId: string, actionId: string) =>
  `/gestione/piani/${planId}/azioni/${encodeURIComponent(actionId)}`;

export const planEditPath = (planId: string) => `/gestione/piani/${planId}`;
