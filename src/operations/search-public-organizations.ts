import type { Db } from '../storage/db.js';
import { listPublishedRegions, searchPublishedOrganizations } from '../storage/portal.js';

export interface SearchPublicOrganizationsOptions {
  db: Db;
  /** Words of the name, province or region; blank lists every organization. */
  text?: string | undefined;
  region?: string | undefined;
  /** 1-based page of `pageSize` organizations. */
  page: number;
  pageSize: number;
}

/**
 * The organizations anyone can look up on the portal: those with a published plan, each with
 * its latest published plan, and the regions they are in (for the search form).
 */
export async function searchPublicOrganizations(options: SearchPublicOrganizationsOptions) {
  const { db, pageSize } = options;
  const text = options.text?.trim().slice(0, 200) || undefined;
  const region = options.region?.trim().slice(0, 100) || undefined;
  const [found, regions] = await Promise.all([
    searchPublishedOrganizations(db, {
      text,
      region,
      limit: pageSize,
      offset: (Math.max(options.page, 1) - 1) * pageSize,
    }),
    listPublishedRegions(db),
  ]);
  return { ...found, regions, pages: Math.max(1, Math.ceil(found.total / pageSize)) };
}
