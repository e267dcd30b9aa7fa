/**
 * Who a person proven by an OpenID Connect provider is, in piano's terms: the settings that say
 * which claims to read, and how a fiscal code is written. Pure: the protocol itself is done by
 * operations/sign-in-with-oidc.ts.
 */

/** Sign-in through OpenID Connect as configured (config.ts reads it from the environment). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Absent for a public client, which proves itself with PKCE alone. */
  clientSecret?: string;
  scopes: string;
  /** Where the provider sends the person back: PIANO_PUBLIC_URL + OIDC_CALLBACK_PATH. */
  redirectUri: string;
  emailClaim: string;
  fiscalCodeClaim?: string;
  /** Accept the e-mail claim without `email_verified: true` (a provider that only sends verified ones). */
  trustEmail: boolean;
  /** The sign-in button's text; the interface's own words when absent. */
  label?: string;
}

/** The path of piano's OpenID Connect callback, under PIANO_PUBLIC_URL. */
export const OIDC_CALLBACK_PATH = '/accedi/oidc/callback';

/**
 * A fiscal code as piano stores it: upper case, without the "TINIT-" prefix of SPID's
 * `fiscalNumber` attribute (ETSI's natural-person identifier for Italy). Null when the value
 * is not one (16 characters for a person, 11 digits for a body).
 */
export function normalizeFiscalCode(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value
    .trim()
    .toUpperCase()
    .replace(/^TINIT-/, '');
  return /^[A-Z0-9]{11,16}$/.test(code) ? code : null;
}

/**
 * The e-mail a provider vouches for: the claim, when it says `email_verified: true` or when
 * the operator trusts every address it sends.
 */
export function vouchedEmail(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, 'emailClaim' | 'trustEmail'>,
): string | null {
  const email = claims[settings.emailClaim];
  if (typeof email !== 'string' || !email.includes('@')) return null;
  return claims.email_verified === true || settings.trustEmail ? email.trim().toLowerCase() : null;
}
