/** How stale a key's stored "last used" may get: at most one write per key a minute (per API process). */
export const LAST_USED_EVERY_MS = 60_000;

/** Stores "key `id` was used at `at`" unless the stored time is `staleBefore` or later. */
export type MarkUsed = (id: string, at: string, staleBefore: string) => Promise<unknown>;

/**
 * "Last used" of write keys without a database write per ingestion request: remembers, per key, the
 * newest time this process knows is stored, and writes only when that is a minute old. The write
 * runs in the background: the request never waits for it, and a failure is reported to `onError`
 * (logged) and tried again a minute later, never thrown at the request.
 */
export class WriteKeyUsage {
  /** Key id → epoch ms of the newest "last used" known to be stored (or being written). */
  private readonly stored = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly markUsed: MarkUsed,
    private readonly onError: (keyId: string, err: unknown) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** What the store holds for a key, read when the key is loaded: a restarted process does not write again at once. */
  known(id: string, lastUsedAt: string | null): void {
    const t = lastUsedAt ? Date.parse(lastUsedAt) : NaN;
    if (!Number.isNaN(t) && t > (this.stored.get(id) ?? -Infinity)) this.stored.set(id, t);
  }

  /** The key authenticated a request now. Returns at once. */
  used(id: string): void {
    const now = this.clock();
    const last = this.stored.get(id);
    if (last !== undefined && now - last < LAST_USED_EVERY_MS) return;
    if (this.stored.size > 10_000) this.stored.clear();
    this.stored.set(id, now); // before the write: concurrent requests of this key do not write too
    const write = (async () => {
      try {
        await this.markUsed(id, new Date(now).toISOString(), new Date(now - LAST_USED_EVERY_MS).toISOString());
      } catch (err) {
        this.onError(id, err);
      }
    })();
    this.inFlight.add(write);
    void write.finally(() => this.inFlight.delete(write));
  }

  /** Waits for the writes under way (at shutdown, before the database closes). */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}
