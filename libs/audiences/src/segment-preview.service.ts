import { Inject, Injectable, Optional } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { SEGMENT_DEFINITION_SOURCE, type SegmentDefinitionSource } from './segment-definition-source';
import { SegmentMembershipRepository } from './segment-membership.repository';
import { readSegmentPreview, type SegmentPreviewCounts } from './segment-preview';
import { segmentPreviewQuery } from './segment-rule.compiler';
import { prepareSegmentRule, todayUtc } from './segment-rule-prepare';

export type SegmentPreview = SegmentPreviewCounts & { as_of: string; ms: number };

/**
 * The rule builder's live preview: size, composition and score distribution of a rule that is not
 * saved yet, in one ClickHouse query. Raw counts: the API applies the privacy guard before showing them.
 * Throws SegmentRuleError (a 400 naming the node) for an invalid rule or bad references.
 */
@Injectable()
export class SegmentPreviewService {
  constructor(
    private readonly ch: ClickHouseService,
    private readonly store: SegmentMembershipRepository,
    @Optional() @Inject(SEGMENT_DEFINITION_SOURCE) private readonly source?: SegmentDefinitionSource,
  ) {}

  /** `selfId`: the segment being edited, so a reference back to it is reported as a cycle. */
  async preview(rule: unknown, opts: { asOf?: string; top?: number; selfId?: string } = {}): Promise<SegmentPreview> {
    const started = Date.now();
    const asOf = opts.asOf ?? todayUtc();
    const { rule: checked, memberVersions } = await prepareSegmentRule(rule, { source: this.source, store: this.store }, opts.selfId);
    const q = segmentPreviewQuery(checked, { tables: this.ch.tables, asOf, memberVersions });
    const rows = await this.store.preview(q);
    return { ...readSegmentPreview(rows, opts.top ?? 10), as_of: asOf, ms: Date.now() - started };
  }
}
