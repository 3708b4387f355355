// A segment's state: status in words, what is still computing, who may do what. The list's order
// (sortSegments) and its export rows live in contracts, shared with the server's exports.

import { SEGMENT_EDITOR_ROLES, SEGMENT_MEMBER_ROLES, type Role, type SegmentSummaryDto } from '@hubpulse/contracts';
import { runLabel } from '../../charts/segment-size/segment-size.transform';

export type SegmentTone = 'ok' | 'pending' | 'failed' | 'never';

export interface SegmentStatusView {
  tone: SegmentTone;
  /** "Computed 3 min ago", "Computing…", "Last run failed". */
  label: string;
  /** The failed run's error; null otherwise. */
  error: string | null;
  /** For a failure: what is shown instead ("Showing the last good membership, computed Nov 20, 2026."). */
  fallback: string | null;
}

/**
 * Whether a computation is still to come: never computed (the first job runs), or a dynamic segment
 * whose membership was computed from an older definition version (the rule changed). A failed last
 * run is not pending: it waits for the next schedule or a manual recompute.
 */
export function isComputing(s: Pick<SegmentSummaryDto, 'status' | 'kind' | 'definition_version' | 'computed_definition_version' | 'archived_at'>): boolean {
  if (s.archived_at || s.status === 'failed') return false;
  if (s.status === 'never_computed') return true;
  return s.kind === 'dynamic' && s.computed_definition_version !== null && s.computed_definition_version < s.definition_version;
}

export function segmentStatus(s: SegmentSummaryDto, now: number, elapsed: (ms: number) => string): SegmentStatusView {
  if (s.status === 'failed') {
    return {
      tone: 'failed',
      label: 'Last run failed',
      error: s.last_error ?? 'No reason was recorded.',
      fallback: s.computed_at ? `Showing the last good membership, computed ${runLabel(s.computed_at)} UTC.` : 'No membership has been computed successfully yet.',
    };
  }
  if (isComputing(s)) {
    return {
      tone: 'pending',
      label: s.status === 'never_computed' ? 'Computing…' : 'Recomputing for the new rule…',
      error: null,
      fallback: s.status === 'never_computed' ? null : `Showing the membership of definition v${s.computed_definition_version} meanwhile.`,
    };
  }
  if (s.status === 'never_computed' || !s.computed_at) return { tone: 'never', label: 'Not computed yet', error: null, fallback: null };
  const label = s.kind === 'static' ? `Frozen ${elapsed(now - Date.parse(s.frozen_at ?? s.computed_at))}` : `Computed ${elapsed(now - Date.parse(s.computed_at))}`;
  return { tone: 'ok', label, error: null, fallback: null };
}

export function canEditSegments(role: string | undefined): boolean {
  return !!role && (SEGMENT_EDITOR_ROLES as readonly string[]).includes(role as Role);
}

export function canSeeMembers(role: string | undefined): boolean {
  return !!role && (SEGMENT_MEMBER_ROLES as readonly string[]).includes(role as Role);
}

/** Roles allowed to see members, in words ("admins and comms planners"). */
export function memberRolesText(): string {
  const names: Record<string, string> = { admin: 'admins', planner: 'comms planners', leader: 'leadership', analyst: 'analysts' };
  const roles = SEGMENT_MEMBER_ROLES.map((r) => names[r] ?? r);
  return roles.length > 1 ? `${roles.slice(0, -1).join(', ')} and ${roles[roles.length - 1]}` : roles.join('');
}


