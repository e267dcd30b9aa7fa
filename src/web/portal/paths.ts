/**
 * Readable, stable addresses of the portal: an organization by its IPA code, its published
 * plan by period, an earlier (superseded) revision by id, an action by its id in the plan.
 *
 *   /enti/c_z999                               the organization
 *   /enti/c_z999/piani/2025-2027               its published plan for 2025–2027
 *   /enti/c_z999/piani/<uuid>                  a given revision
 *   /enti/c_z999/piani/2025-2027/azioni/a-1-1  an action
 */
export interface OrganizationRef {
  id: string;
  ipaCode: string | null;
}

export interface PlanRefFields {
  id: string;
  startYear: number;
  endYear: number;
  status: string;
}

export const organizationPath = (o: OrganizationRef) =>
  `/enti/${encodeURIComponent(o.ipaCode ?? o.id)}`;

export const planPath = (o: OrganizationRef, p: PlanRefFields) =>
  `${organizationPath(o)}/piani/${p.status === 'published' ? `${p.startYear}-${p.endYear}` : p.id}`;

export const actionPath = (planAt: string, actionId: string) =>
  `${planAt}/azioni/${encodeURIComponent(actionId)}`;

/** A file of the plan, served by the same export pipeline as the API. */
export function exportUrl(planId: string, file: string, params: Record<string, string> = {}) {
  const q = new URLSearchParams(params).toString();
  return `/api/plans/${planId}/exports/${file}${q ? `?${q}` : ''}`;
}
