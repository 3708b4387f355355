// The edit history of a segment: each definition version with what changed from the one before.

import type { SegmentRevisionDto } from '@hubpulse/contracts';
import { type OutlineLine, type SummaryNames, ruleOutline } from './rule-summary.transform';

export interface RevisionView {
  version: number;
  by: string;
  at: string;
  note: string | null;
  /** "Created", or what differs from the previous version: "rule", "renamed from “X”", "description". */
  changes: string[];
  outline: OutlineLine[];
  ruleChanged: boolean;
}

const stable = (v: unknown) => JSON.stringify(v);

/** Newest first, as the API lists them; each compared with the version before it. */
export function buildRevisionViews(revisions: readonly SegmentRevisionDto[], names: SummaryNames = {}): RevisionView[] {
  const sorted = [...revisions].sort((a, b) => b.definition_version - a.definition_version);
  return sorted.map((r, i) => {
    const prev = sorted[i + 1];
    const changes: string[] = [];
    if (!prev) changes.push('Created');
    else {
      if (stable(prev.rule) !== stable(r.rule)) changes.push('Rule changed');
      if (prev.name !== r.name) changes.push(`Renamed from “${prev.name}”`);
      if ((prev.description ?? '') !== (r.description ?? '')) changes.push('Description changed');
      if (prev.kind !== r.kind) changes.push(`Kind ${prev.kind} → ${r.kind}`);
      if (changes.length === 0) changes.push('No change to the definition');
    }
    return {
      version: r.definition_version,
      by: r.edited_by,
      at: r.edited_at,
      note: r.change_note,
      changes,
      outline: ruleOutline(r.rule, names),
      ruleChanged: !prev || stable(prev.rule) !== stable(r.rule),
    };
  });
}
