import type { Db } from './db.js';

export type SignInOutcome = 'success' | 'failure' | 'throttled';
/** How the person signed in: a local password, or an OpenID Connect provider. */
export type SignInMethod = 'password' | 'oidc';

export async function insertSignInEvent(
  db: Db,
  event: {
    email: string;
    address: string;
    userId: string | null;
    outcome: SignInOutcome;
    method?: SignInMethod;
  },
) {
  await db.query(
    `INSERT INTO sign_in_events (email, address, user_id, outcome, method)
     VALUES ($1, $2, $3, $4, $5)`,
    [event.email, event.address, event.userId, event.outcome, event.method ?? 'password'],
  );
}

/**
 * The failed password sign-ins within the last `windowSeconds`, oldest first: those of the account since
 * its last success, and those from the address. Also the database's own clock, which the
 * window is measured against.
 */
export async function recentSignInFailures(
  db: Db,
  email: string,
  address: string,
  windowSeconds: number,
): Promise<{ account: Date[]; address: Date[]; now: Date }> {
  const rows = await db.query<{ kind: string; at: Date }>(
    `WITH since AS (SELECT now() - make_interval(secs => $3) AS t),
          last_success AS (
            SELECT max(at) AS t FROM sign_in_events WHERE email = $1 AND outcome = 'success')
     SELECT 'account' AS kind, at FROM sign_in_events
      WHERE email = $1 AND outcome = 'failure' AND method = 'password'
        AND at > (SELECT t FROM since)
        AND at > COALESCE((SELECT t FROM last_success), '-infinity')
     UNION ALL
     SELECT 'address', at FROM sign_in_events
      WHERE address = $2 AND outcome = 'failure' AND method = 'password'
        AND at > (SELECT t FROM since)
     UNION ALL
     SELECT 'now', now()
     ORDER BY at`,
    [email, address, windowSeconds],
  );
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => new Date(r.at));
  return { account: of('account'), address: of('address'), now: of('now')[0] ?? new Date() };
}
