import { LRUCache } from 'lru-cache';
import type { ExportFile } from '../documents/exports.js';
import { isUuid } from '../domain/model/common.js';
import type { Db } from '../storage/db.js';
import { planDocumentRevision } from '../storage/plans.js';

/**
 * What whole-plan reads keep in memory, per database handle. Entries are keyed by the plan's and
 * its organization's revision counters (`tag`), which every write bumps: on a PostgreSQL server
 * the counters are read on every request, so a change made by any process invalidates every
 * process's copy; on the embedded database, which one process owns, they are re-read only after
 * a write (`Db.changeGeneration`).
 *
 * The caches hang off the `Db` in a WeakMap rather than being passed around: every adapter
 * (API, web, CLI) that reads a plan through the same handle shares one copy of each rendered
 * file without wiring, tests on separate databases never share entries, and the caches go away
 * with the handle.
 */
export interface PlanRevision {
  organizationId: string;
  status: string;
  /** "plan revision.organization revision": changes whenever the plan's document does. */
  tag: string;
}

export interface CachedDocument {
  tag: string;
  etag: string;
  body: string;
}

export interface PlanCacheSizes {
  /** Bytes of serialized whole-plan documents (JSON) kept, one state per plan. */
  documentBytes: number;
  /** Bytes of rendered exports (PDF, DOCX, HTML, CSV, JSON-LD) kept, per plan state and file. */
  exportBytes: number;
}

export const DEFAULT_PLAN_CACHE_SIZES: PlanCacheSizes = {
  documentBytes: 32 * 1024 * 1024,
  exportBytes: 64 * 1024 * 1024,
};

interface PlanCaches {
  revisions: LRUCache<string, { generation: number; revision: PlanRevision }>;
  documents: LRUCache<string, CachedDocument>;
  exports: LRUCache<string, ExportFile>;
}

const byteSize = (body: Buffer | string) =>
  Math.max(1, typeof body === 'string' ? Buffer.byteLength(body) : body.length);

const caches = new WeakMap<Db, PlanCaches>();

function newCaches(sizes: PlanCacheSizes): PlanCaches {
  return {
    revisions: new LRUCache({ max: 10_000 }),
    documents: new LRUCache({
      maxSize: sizes.documentBytes,
      sizeCalculation: (entry) => byteSize(entry.body),
    }),
    exports: new LRUCache({
      maxSize: sizes.exportBytes,
      sizeCalculation: (file) => byteSize(file.body),
    }),
  };
}

/** Sets the cache sizes for a database handle (once, at start-up); otherwise the defaults apply. */
export function sizePlanCaches(db: Db, sizes: Partial<PlanCacheSizes>) {
  caches.set(db, newCaches({ ...DEFAULT_PLAN_CACHE_SIZES, ...sizes }));
}

export function planCachesOf(db: Db): PlanCaches {
  let found = caches.get(db);
  if (!found) {
    found = newCaches(DEFAULT_PLAN_CACHE_SIZES);
    caches.set(db, found);
  }
  return found;
}

/** The plan's current revision, or null when no plan has this id. */
export async function planRevision(db: Db, planId: string): Promise<PlanRevision | null> {
  if (!isUuid(planId)) return null;
  const { revisions } = planCachesOf(db);
  const generation = db.changeGeneration?.();
  const known = revisions.get(planId);
  if (generation !== undefined && known?.generation === generation) return known.revision;
  const revision = await planDocumentRevision(db, planId);
  if (revision && generation !== undefined) revisions.set(planId, { generation, revision });
  return revision;
}
