import type { Content } from '@hubpulse/contracts';
import type { ContentRow } from '@hubpulse/clickhouse';
import { toClickHouseTime } from './event-row';

/** Catalogue items (PUT /v1/content, a content import) as `content` rows of one write's version. */
export function toContentRows(content: readonly Content[], version: number): ContentRow[] {
  return content.map((c) => ({
    content_id: c.content_id,
    channel: c.channel,
    purpose: c.purpose,
    author_id: c.author_id ?? '',
    title: c.title,
    audience_segment_id: c.audience_segment_id ?? '',
    published_at: toClickHouseTime(c.published_at),
    version,
  }));
}
