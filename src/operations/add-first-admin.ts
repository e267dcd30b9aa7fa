import type { Db } from '../storage/db.js';
import { countUsers } from '../storage/users.js';
import { addUser } from './add-user.js';

export interface AddFirstAdminOptions {
  db: Db;
  email: string | undefined;
  password: string | undefined;
}

/**
 * The first account, a platform consultant, from PIANO_ADMIN_EMAIL / PIANO_ADMIN_PASSWORD when
 * both are set and no user exists yet. Returns its email, or null when nothing was done.
 */
export async function addFirstAdmin(options: AddFirstAdminOptions): Promise<string | null> {
  const { db, email, password } = options;
  if (!email || !password) return null;
  if ((await countUsers(db)) > 0) return null;
  await addUser({ db, email, name: 'Amministratore', password, platformRole: 'consultant' });
  return email;
}
