import { describe, expect, it } from 'vitest';
import { normalizeFiscalCode, vouchedEmail } from './oidc-identity.js';

describe('the fiscal code a provider sends', () => {
  it('drops the "TINIT-" prefix of SPID and upper-cases the code', () => {
    expect(normalizeFiscalCode('TINIT-rssmra80a01h501u')).toBe('RSSMRA80A01H501U');
    expect(normalizeFiscalCode(' tinit-RSSMRA80A01H501U ')).toBe('RSSMRA80A01H501U');
    expect(normalizeFiscalCode('RSSMRA80A01H501U')).toBe('RSSMRA80A01H501U');
  });

  it('accepts the 11 digits of a body, and nothing that is not a fiscal code', () => {
    expect(normalizeFiscalCode('TINIT-01234567890')).toBe('01234567890');
    for (const bad of ['', 'TINIT-', 'RSSMRA80A01H501U1', 'RSS MRA80A01H501U', 'abc', 42, null]) {
      expect(normalizeFiscalCode(bad), String(bad)).toBeNull();
    }
  });
});

describe('the e-mail a provider vouches for', () => {
  const settings = { emailClaim: 'email', trustEmail: false };

  it('is the claim, lower-cased, only with email_verified: true', () => {
    expect(vouchedEmail({ email: 'Anna@Comune.IT', email_verified: true }, settings)).toBe(
      'anna@comune.it',
    );
    expect(vouchedEmail({ email: 'anna@comune.it', email_verified: false }, settings)).toBeNull();
    expect(vouchedEmail({ email: 'anna@comune.it', email_verified: 'true' }, settings)).toBeNull();
    expect(vouchedEmail({ email: 'anna@comune.it' }, settings)).toBeNull();
  });

  it('is any address in the configured claim when the operator trusts the provider', () => {
    const trusting = { emailClaim: 'mail', trustEmail: true };
    expect(vouchedEmail({ mail: 'anna@comune.it' }, trusting)).toBe('anna@comune.it');
    expect(vouchedEmail({ email: 'anna@comune.it' }, trusting)).toBeNull();
    expect(vouchedEmail({ mail: 'not an address' }, trusting)).toBeNull();
  });
});
