import { PianoError } from '../domain/errors.js';
import { normalizeFiscalCode } from '../domain/rules/oidc-identity.js';
import type { Db } from '../storage/db.js';
import { findUserByFiscalCode, setUserFiscalCode } from '../storage/oidc.js';
import { findUserByEmail, type UserRow } from '../storage/users.js';
import { writeInTransaction } from './parts.js';

/**
 * Gives an account the fiscal code by which its owner's first sign-in through a SPID/CIE broker
 * finds it (README, "OpenID Connect (SPID/CIE)"), or removes it with `null`. A "TINIT-" prefix
 * and lower case are accepted; two accounts never share a code.
 */
export async function setAccountFiscalCode(options: {
  db: Db;
  email: string;
  fiscalCode: string | null;
}): Promise<UserRow & { fiscalCode: string | null }> {
  const code = options.fiscalCode === null ? null : normalizeFiscalCode(options.fiscalCode);
  if (options.fiscalCode !== null && code === null) {
    throw new PianoError('validation', `Codice fiscale non valido: ${options.fiscalCode}`, [
      { field: '/fiscalCode', message: 'deve avere 16 caratteri (persona) o 11 cifre' },
    ]);
  }
  return writeInTransaction(options.db, async (tx) => {
    const user = await findUserByEmail(tx, options.email.trim());
    if (!user) throw new PianoError('not_found', `Nessun utente con email ${options.email}`);
    const holder = code ? await findUserByFiscalCode(tx, code) : null;
    if (holder && holder.id !== user.id) {
      throw new PianoError('conflict', `Il codice fiscale ${code} è già di un altro utente`);
    }
    await setUserFiscalCode(tx, user.id, code);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      platformRole: user.platformRole,
      fiscalCode: code,
    };
  });
}
