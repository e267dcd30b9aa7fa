import ical, { ICalCalendarMethod } from 'ical-generator';
import type { CalendarItem } from '../domain/compliance/model.js';
import type { AuditEvent } from '../storage/audit.js';
import type { CalendarTokenRow } from '../storage/calendar-tokens.js';
import type { ComplianceCalendar } from './compliance-calendar.js';

const PREFIX: Record<CalendarItem['kind'], string> = {
  action: 'Scadenza',
  micro_action: 'Scadenza',
  obligation: 'Adempimento',
};

const STATUS: Record<CalendarItem['status'], string> = {
  overdue: 'in ritardo',
  upcoming: 'da fare',
  done: 'conclusa',
  past: 'ricorrenza passata',
};

/**
 * An organization's calendar as an iCalendar feed (RFC 5545): one all-day event per deadline
 * and per yearly occurrence of each obligation, each with a stable UID so calendar programs
 * update events instead of duplicating them.
 */
export function calendarFeed(calendar: ComplianceCalendar): string {
  const feed = ical({
    name: `Scadenze digitali – ${calendar.organizationName}`,
    description: 'Scadenze del piano triennale per l’informatica e adempimenti ricorrenti (piano)',
    prodId: { company: 'piano', product: 'piano', language: 'IT' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60 * 6,
  });
  for (const item of calendar.items) {
    feed.createEvent({
      id: `${item.uid}@piano`,
      start: item.date,
      allDay: true,
      summary: `${PREFIX[item.kind]}: ${item.title}`,
      description: [
        item.description,
        item.reference ? `Riferimento: ${item.reference}` : null,
        `Stato: ${STATUS[item.status]}`,
      ]
        .filter(Boolean)
        .join('\n'),
      categories: [{ name: item.kind === 'obligation' ? 'Adempimento' : 'Piano triennale' }],
    });
  }
  return feed.toString();
}

/** The audit event of a feed secret issued or revoked (never the secret itself). */
export const calendarTokenEvent = (
  operation: 'create' | 'delete',
  row: CalendarTokenRow,
  after: unknown,
): AuditEvent => ({
  organizationId: row.organizationId,
  planId: null,
  operation,
  entityType: 'calendar_token',
  entityId: row.id,
  field: null,
  before: null,
  after,
});
