/** Addresses of back-office pages (Italian; href() adds /en for English). */
export const actionPath = (planId: string, actionId: string) =>
  `/gestione/piani/${planId}/azioni/${encodeURIComponent(actionId)}`;

export const planEditPath = (planId: string) => `/gestione/piani/${planId}`;

/** The list of one kind of part: of a plan, or of the organization (units, roles). */
export const partsPath = (kind: { segment: string; scope: string }, planId: string | null) =>
  kind.scope === 'plan' && planId
    ? `/gestione/piani/${planId}/parti/${kind.segment}`
    : `/gestione/ente/${kind.segment}`;

export const partPath = (
  kind: { segment: string; scope: string },
  planId: string | null,
  id: string,
) => `${partsPath(kind, planId)}/${encodeURIComponent(id)}`;
