import { PianoError } from '../errors.js';

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

const RANK: Record<OrgRole, number> = { viewer: 1, editor: 2, admin: 3 };

/** Refuses an anonymous caller (401): writes and private reads need a signed-in user. */
export function requireSignedIn(
  principal: Principal | null,
  message = 'Accedere per continuare',
): Principal {
  if (!principal) throw new PianoError('unauthenticated', message);
  return principal;
}

/** Refuses unless the caller holds at least `minimum` in the organization; returns the role. */
export function requireRole(
  principal: Principal | null,
  organizationId: string,
  minimum: OrgRole,
): OrgRole {
  const role = roleIn(requireSignedIn(principal), organizationId);
  if (!role || RANK[role] < RANK[minimum]) {
    throw new PianoError('forbidden', 'Il tuo ruolo non consente questa operazione su questo ente');
  }
  return role;
}

/** Refuses anyone but a platform consultant (401 when anonymous, 403 otherwise). */
export function requireConsultant(principal: Principal | null, message: string): Principal {
  const signedIn = requireSignedIn(principal);
  if (signedIn.platformRole !== 'consultant') throw new PianoError('forbidden', message);
  return signedIn;
}

/**
 * The organizations whose every plan the caller sees ('all' for a consultant); published plans
 * are visible to everyone besides.
 */
export function organizationsOf(principal: Principal | null): string[] | 'all' {
  if (principal?.platformRole === 'consultant') return 'all';
  return principal?.memberships.map((m) => m.organizationId) ?? [];
}
