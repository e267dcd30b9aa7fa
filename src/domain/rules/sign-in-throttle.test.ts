import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, signInWait } from './sign-in-throttle.js';

const now = new Date('2026-12-01T10:00:00Z');
const minutesAgo = (...m: number[]) => m.map((x) => new Date(now.getTime() - x * 60_000));

describe('how long a client waits before its next sign-in attempt', () => {
  it('is nothing below both limits', () => {
    expect(
      signInWait({ account: minutesAgo(4, 3, 2, 1), address: minutesAgo(4, 3, 2, 1) }, now),
    ).toBe(0);
  });

  it('lasts, once an account reaches its limit, until its oldest counted failure leaves the window', () => {
    const account = minutesAgo(10, 8, 6, 4, 2);
    expect(account).toHaveLength(SIGN_IN_LIMITS.perAccount);
    expect(signInWait({ account, address: account }, now)).toBe(5 * 60);
  });

  it('counts only the latest failures when there are more than the limit', () => {
    const account = minutesAgo(14, 12, 9, 7, 5, 3);
    expect(signInWait({ account, address: [] }, now)).toBe(3 * 60);
  });

  it('applies the per-address limit on its own', () => {
    const address = Array.from({ length: 20 }, (_, i) => minutesAgo(14 - i * 0.5)[0]!);
    expect(signInWait({ account: [], address }, now)).toBe(60);
    expect(signInWait({ account: [], address: address.slice(1) }, now)).toBe(0);
  });
});
