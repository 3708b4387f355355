let lastVersion = 0;

/** A monotonically increasing version for ReplacingMergeTree copies (the last write wins). */
export function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}
