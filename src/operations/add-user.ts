import { PianoError } from '../domain/errors.js';
import type { OrgRole } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { insertUser, upsertMembership, findUserByEmail, type UserRow } from '../storage/users.js';
import { writeInTransaction } from './parts.js';
import { hashPassword } from './passwords.js';

export interface AddUserOptions {
  db: Db;
  email: string;
  name: string;
  password: string;
  platformRole?: 'consultant' | null;
  /** Optional membership given at creation. */
  organizationId?: string | undefined;
  role?: OrgRole | undefined;
  unitId?: string | null | undefined;
}

export const MIN_PASSWORD_LENGTH = 10;

/** Refuses a password too short to be a new account's. */
export function checkNewPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new PianoError(
      'validation',
      `La password deve avere almeno ${MIN_PASSWORD_LENGTH} caratteri`,
      [{ field: '/password', message: `deve avere almeno ${MIN_PASSWORD_LENGTH} caratteri` }],
    );
  }
}

/** Creates a local account (and its first membership), refusing weak passwords and duplicates. */
export async function addUser(options: AddUserOptions): Promise<UserRow> {
  const email = options.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw new PianoError('validation', `Indirizzo email non valido: ${options.email}`, [
      { field: '/email', message: 'non è un indirizzo email valido' },
    ]);
  }
  checkNewPassword(options.password);
  const passwordHash = await hashPassword(options.password);
  return writeInTransaction(options.db, async (tx) => {
    if (await findUserByEmail(tx, email)) {
      throw new PianoError('conflict', `Esiste già un utente con email ${email}`);
    }
    const user = await insertUser(tx, {
      email,
      name: options.name,
      passwordHash,
      platformRole: options.platformRole ?? null,
    });
    if (options.organizationId && options.role) {
      await upsertMembership(tx, user.id, {
        organizationId: options.organizationId,
        role: options.role,
        unitId: options.unitId ?? null,
      });
    }
    return user;
  });
}
