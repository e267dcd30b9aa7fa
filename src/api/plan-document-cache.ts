/**
 * Whole-plan documents, serialized once per state of the plan. The key is the plan's and its
 * organization's revision counters, read from the database on every request, so a change made
 * by any server process invalidates every process's copy.
 */
export interface CachedDocument {
  tag: string;
  etag: string;
  body: string;
}

export class PlanDocumentCache {
  private readonly entries = new Map<string, CachedDocument>();

  constructor(private readonly capacity = 200) {}

  get(planId: string, tag: string): CachedDocument | undefined {
    const entry = this.entries.get(planId);
    if (!entry || entry.tag !== tag) return undefined;
    this.entries.delete(planId);
    this.entries.set(planId, entry);
    return entry;
  }

  put(planId: string, tag: string, document: unknown): CachedDocument {
    const entry = { tag, etag: `"${planId}.${tag}"`, body: JSON.stringify(document) };
    this.entries.delete(planId);
    this.entries.set(planId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return entry;
  }
}
