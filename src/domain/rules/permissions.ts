/**
 * Who may do what. Roles are per organization: admin (the RTD), editor (the actions and
 * indicators of one unit), viewer. A platform consultant manages every organization.
 */
export type OrgRole = 'admin' | 'editor' | 'viewer';

export interface Principal {
  userId: string;
  name: string;
  email: string;
  platformRole: 'consultant' | null;
  memberships: { organizationId: string; role: OrgRole; unitId: string | null }[];
}

export function roleIn(principal: Principal | null, organizationId: string): OrgRole | null {
  if (!principal) return null;
  if (principal.platformRole === 'consultant') return 'admin';
  return principal.memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
}

export function unitIn(principal: Principal | null, organizationId: string): string | null {
  return principal?.memberships.find((m) => m.organizationId === organizationId)?.unitId ?? null;
}

/** Published plans are public; anything else only for the organization's members. */
export function canReadPlan(
  principal: Principal | null,
  plan: { organizationId: string; status: string },
): boolean {
  return plan.status === 'published' || roleIn(principal, plan.organizationId) !== null;
}

/** The parts an editor may change, provided they belong to the editor's unit. */
export const EDITOR_PARTS = new Set(['action', 'micro_action', 'indicator', 'measurement']);

/** Fields that move ownership: only admins change them. */
export const OWNERSHIP_FIELDS = new Set(['ownerUnitIds', 'priorityId', 'id']);
