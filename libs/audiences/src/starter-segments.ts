import type { SegmentRule } from '@hubpulse/contracts';

/** A segment every organisation starts with; the relational store seeds these (by `key`) as dynamic segments. */
export interface StarterSegment {
  /** Stable key, so a seed runs once per segment and can be recognised later. */
  key: 'observers' | 'contributors' | 'ambassadors' | 'new_joiners' | 'people_managers' | 'leaders';
  name: string;
  description: string;
  rule: SegmentRule;
}

const contributed = (action: 'post' | 'comment' | 'answer' | 'doc_share'): SegmentRule => ({ kind: 'behaviour', action, min_count: 1, days: 28 });

export const STARTER_SEGMENTS: readonly StarterSegment[] = [
  {
    key: 'observers',
    name: 'Observers',
    description: 'Persona "observer" in the latest computed week: they read and view but do not contribute.',
    rule: { kind: 'persona', personas: ['observer'] },
  },
  {
    key: 'contributors',
    name: 'Contributors',
    description: 'Posted, commented, answered or shared a document at least once in the last 28 days.',
    rule: { kind: 'or', children: [contributed('post'), contributed('comment'), contributed('answer'), contributed('doc_share')] },
  },
  {
    key: 'ambassadors',
    name: 'Ambassadors',
    description: 'Ambassador stage in the latest computed week: contribute steadily, reach other departments and share.',
    rule: { kind: 'stage', stages: ['ambassador'] },
  },
  {
    key: 'new_joiners',
    name: 'New joiners',
    description: 'Hired in the last 90 days (by hire date in the directory).',
    rule: { kind: 'tenure', max_days: 90 },
  },
  {
    key: 'people_managers',
    name: 'People managers',
    description: 'Someone in the directory has them as their manager.',
    rule: { kind: 'is_manager', value: true },
  },
  {
    key: 'leaders',
    name: 'Leaders',
    description: 'Marked as a leader in the directory.',
    rule: { kind: 'leader', value: true },
  },
];
