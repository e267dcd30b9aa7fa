import { PianoError } from '../domain/errors.js';
import { findLiveToken } from '../storage/calendar-tokens.js';
import type { Db } from '../storage/db.js';
import { calendarFeed } from './calendar-feed.js';
import { complianceCalendar } from './compliance-calendar.js';
import { hashToken } from './sessions.js';

export interface ReadCalendarFeedOptions {
  db: Db;
  /** The secret of the feed's URL: the only key, since calendar programs cannot sign in. */
  token: string;
}

/** Tokens are 32 random bytes in base64url: anything else cannot be one. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The iCalendar feed a live secret opens; not_found for any other string. */
export async function readCalendarFeed({ db, token }: ReadCalendarFeedOptions): Promise<string> {
  const organizationId = TOKEN.test(token)
    ? ((await findLiveToken(db, hashToken(token)))?.organizationId ?? null)
    : null;
  if (!organizationId) throw new PianoError('not_found', 'Calendario non trovato');
  return calendarFeed(await complianceCalendar({ db, organizationId }));
}
