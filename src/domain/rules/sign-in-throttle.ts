/**
 * How many failed sign-ins piano tolerates before it asks the client to wait: per account, so
 * that one password cannot be guessed from many addresses, and per address, so that one client
 * cannot try many accounts. Failures count within a sliding window; an account's successful
 * sign-in starts its count again.
 */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perAddress: 20,
} as const;

export interface RecentFailures {
  /** Times of the failures within the window, oldest first. */
  account: Date[];
  address: Date[];
}

/**
 * Seconds to wait before the next attempt may be judged, or 0 when it may be now: when a
 * limit is reached, until the oldest failure that counts toward it leaves the window.
 */
export function signInWait(
  failures: RecentFailures,
  now: Date,
  limits: { windowSeconds: number; perAccount: number; perAddress: number } = SIGN_IN_LIMITS,
): number {
  const waitFor = (times: Date[], limit: number) => {
    if (times.length < limit) return 0;
    const freeAt = times[times.length - limit]!.getTime() + limits.windowSeconds * 1000;
    return Math.max(0, Math.ceil((freeAt - now.getTime()) / 1000));
  };
  return Math.max(
    waitFor(failures.account, limits.perAccount),
    waitFor(failures.address, limits.perAddress),
  );
}
