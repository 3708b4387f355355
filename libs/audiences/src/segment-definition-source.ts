/**
 * Where segment definitions live (the relational store, issue 5's "segments product" side): the
 * segment worker and the preview read them through this token only. The provider is registered by
 * the module that owns the definitions; without one, recompute jobs fail with a clear message and
 * the schedule has nothing to do.
 */
export const SEGMENT_DEFINITION_SOURCE = Symbol('SEGMENT_DEFINITION_SOURCE');

export interface SegmentDefinitionRecord {
  id: string;
  /** For logs and messages. */
  name?: string;
  /** dynamic: recomputed on schedule and on change; static: membership frozen by its first computation. */
  kind: 'dynamic' | 'static';
  /** The stored rule JSON (validated again by the compiler). */
  rule: unknown;
  /** Increases on every edit of the rule; recorded with each run. */
  definition_version: number;
}

export interface SegmentDefinitionSource {
  /** The definition, or null when there is no such (live) segment. */
  get(id: string): Promise<SegmentDefinitionRecord | null>;
  /** Every live dynamic segment. */
  listDynamic(): Promise<SegmentDefinitionRecord[]>;
  /** Membership versions pinned elsewhere (a launched programme's target at launch), never pruned. */
  pinnedVersions?(segmentIds: readonly string[]): Promise<ReadonlyMap<string, readonly number[]>>;
}
