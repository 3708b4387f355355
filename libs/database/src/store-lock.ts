import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, withStoreLock } from './data-source';

/** withStoreLock for services: `lock.run('seed', …)` runs once at a time across the install's processes. */
@Injectable()
export class StoreLock {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  run<T>(name: string, work: () => Promise<T>): Promise<T> {
    return withStoreLock(this.ds, `hubpulse.${name}`, work);
  }
}
