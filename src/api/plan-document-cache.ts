import type { Db } from '../storage/db.js';
import { planDocumentRevision } from '../storage/plans.js';

/**
 * Whole-plan documents, serialized once per state of the plan. The key is the plan's and its
 * organization's revision counters, which every write bumps. On a PostgreSQL server they are
 * read on every request, so a change made by any server process invalidates every process's
 * copy; on the embedded database, which one process owns, they are re-read only after a write.
 */
export interface CachedDocument {
  tag: string;
  etag: string;
  body: string;
}

type Revision = NonNullable<Awaited<ReturnType<typeof planDocumentRevision>>>;

export class PlanDocumentCache {
  private readonly documents = new Map<string, CachedDocument>();
  private readonly revisions = new Map<string, { generation: number; revision: Revision }>();

  constructor(
    private readonly db: Db,
    private readonly capacity = 200,
  ) {}

  /** The plan's current revision, or null when the plan does not exist. */
  async revision(planId: string): Promise<Revision | null> {
    const generation = this.db.changeGeneration?.();
    const known = this.revisions.get(planId);
    if (generation !== undefined && known?.generation === generation) return known.revision;
    const revision = await planDocumentRevision(this.db, planId);
    if (revision && generation !== undefined) {
      this.remember(this.revisions, planId, { generation, revision });
    }
    return revision;
  }

  get(planId: string, tag: string): CachedDocument | undefined {
    const entry = this.documents.get(planId);
    return entry?.tag === tag ? entry : undefined;
  }

  put(planId: string, tag: string, document: unknown): CachedDocument {
    const entry = { tag, etag: `"${planId}.${tag}"`, body: JSON.stringify(document) };
    this.remember(this.documents, planId, entry);
    return entry;
  }

  /** Least recently stored goes first when the cache is full. */
  private remember<V>(map: Map<string, V>, key: string, value: V) {
    map.delete(key);
    map.set(key, value);
    if (map.size > this.capacity) map.delete(map.keys().next().value as string);
  }
}
