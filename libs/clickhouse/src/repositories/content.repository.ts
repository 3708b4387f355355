import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../clickhouse.service';

/** A catalogue row as stored: '' for no author, published_at as ClickHouse time, the write's version. */
export interface ContentRow {
  content_id: string;
  channel: string;
  purpose: string;
  author_id: string;
  title: string;
  /** The segment the item was aimed at; '' (or absent) = everyone. */
  audience_segment_id?: string;
  published_at: string | null;
  version: number;
}

/**
 * The writes of `content`, the catalogue of items (a ReplacingMergeTree: the newest version of an
 * item wins, so readers read it FINAL). The areas that count items or their authors read it in their
 * own queries, joined with the events.
 */
@Injectable()
export class ContentRepository {
  constructor(private readonly ch: ClickHouseService) {}

  async insert(rows: readonly ContentRow[]): Promise<void> {
    await this.ch.client.insert({ table: this.ch.tables.content, format: 'JSONEachRow', values: [...rows] });
  }
}
