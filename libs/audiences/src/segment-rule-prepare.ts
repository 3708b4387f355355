import { parseSegmentRule, type SegmentRule } from '@hubpulse/contracts';
import type { SegmentDefinitionSource } from './segment-definition-source';
import type { SegmentMembershipRepository } from './segment-membership.repository';
import { checkSegmentReferences } from './segment-rule.compiler';

/**
 * A rule ready to compile: validated (SegmentRuleError naming the node otherwise), its references
 * checked for existence and cycles through the definition source, and the current membership
 * version of each segment it refers to.
 */
export async function prepareSegmentRule(
  raw: unknown,
  deps: { source?: SegmentDefinitionSource; store: Pick<SegmentMembershipRepository, 'currentVersions'> },
  selfId?: string,
): Promise<{ rule: SegmentRule; memberVersions: Map<string, number> }> {
  const rule = parseSegmentRule(raw);
  const source = deps.source;
  const refs = await checkSegmentReferences(rule, async (id) => (source ? ((await source.get(id))?.rule ?? null) : null), selfId);
  return { rule, memberVersions: await deps.store.currentVersions(refs) };
}

/** Today in UTC, YYYY-MM-DD: the default as-of day of computations and previews. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
