/**
 * The interface's words: one catalog per language, joined from one module per area of the
 * interface (common.ts for every page, portal.ts for the public portal…), so that areas are
 * written apart. Every area is typed on its Italian words, English must match them, and no two
 * areas may use the same key (a test checks it).
 */
import type { DocumentLang } from '../../documents/labels.js';
import { actionList, type ActionListMessages } from './action-list.js';
import { backoffice, type BackofficeMessages } from './backoffice.js';
import { common, type CommonMessages } from './common.js';
import { dashboard, type DashboardMessages } from './dashboard.js';
import { history, type HistoryMessages } from './history.js';
import { parts, type PartsMessages } from './parts.js';
import { people, type PeopleMessages } from './people.js';
import { planFacts, type PlanFactsMessages } from './plan-facts.js';
import { picker, type PickerMessages } from './picker.js';
import { portal, type PortalMessages } from './portal.js';
import { publication, type PublicationMessages } from './publication.js';
import { session, type SessionMessages } from './session.js';
import { starter, type StarterMessages } from './starter.js';

export type Messages = CommonMessages &
  PortalMessages &
  BackofficeMessages &
  PeopleMessages &
  PublicationMessages &
  HistoryMessages &
  StarterMessages &
  PickerMessages &
  ActionListMessages &
  DashboardMessages &
  SessionMessages &
  PartsMessages &
  PlanFactsMessages;

/** Every area's catalogs, for the test that keeps their keys apart. */
export const AREAS = {
  common,
  portal,
  backoffice,
  people,
  publication,
  history,
  starter,
  picker,
  actionList,
  dashboard,
  session,
  parts,
  planFacts,
} as const;

const MESSAGES: Record<DocumentLang, Messages> = {
  it: {
    ...common.it,
    ...portal.it,
    ...backoffice.it,
    ...people.it,
    ...publication.it,
    ...history.it,
    ...starter.it,
    ...picker.it,
    ...actionList.it,
    ...dashboard.it,
    ...session.it,
    ...parts.it,
    ...planFacts.it,
  },
  en: {
    ...common.en,
    ...portal.en,
    ...backoffice.en,
    ...people.en,
    ...publication.en,
    ...history.en,
    ...starter.en,
    ...picker.en,
    ...actionList.en,
    ...dashboard.en,
    ...session.en,
    ...parts.en,
    ...planFacts.en,
  },
};

export function messagesFor(lang: DocumentLang): Messages {
  return MESSAGES[lang];
}
