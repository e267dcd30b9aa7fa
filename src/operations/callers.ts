import type { Principal } from '../domain/rules/permissions.js';
import type { Actor } from '../storage/audit.js';

/**
 * Operations take their caller as a `principal`: a signed-in user, `null` for an anonymous
 * visitor, or one of the system principals below, which may read and change everything (as a
 * platform consultant may) and are audited under their own name. They never come from a
 * request: the API and the web resolve principals from sessions only.
 */
const systemNames = new WeakMap<Principal, string>();

function systemPrincipal(name: string): Principal {
  const principal: Principal = Object.freeze({
    userId: name,
    name,
    email: name,
    platformRole: 'consultant' as const,
    memberships: [],
  });
  systemNames.set(principal, name);
  return principal;
}

/** The command line: its operator owns the database. */
export const COMMAND_LINE = systemPrincipal('cli');

/** The server loading the demo plan and accounts into an empty database. */
export const DEMO_SEEDER = systemPrincipal('demo');

/** Who the audit trail names for a principal. */
export function actorOf(principal: Principal | null): Actor {
  const system = principal ? systemNames.get(principal) : undefined;
  if (system) return { userId: null, name: system };
  return principal
    ? { userId: principal.userId, name: principal.email }
    : { userId: null, name: 'anonimo' };
}
