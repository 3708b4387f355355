import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';

/** Whether the relational store answers (the API's health check). */
@Injectable()
export class DatabaseHealthRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /** Resolves when the store answers a trivial query; rejects otherwise. */
  async ping(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}
