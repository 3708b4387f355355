import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { DeliveryEntity, type DeliverySourceKind } from './entities/delivery.entity';

/** Delivery history (`deliveries`): written by the delivery service, read per schedule or alert. */
@Injectable()
export class DeliveriesRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(DeliveryEntity);
  }

  async insert(row: DeliveryEntity): Promise<void> {
    await this.repo.insert(row);
  }

  async update(id: string, patch: Partial<Pick<DeliveryEntity, 'status' | 'attempts' | 'lastError' | 'finishedAt'>>): Promise<void> {
    await this.repo.update({ id }, patch);
  }

  /** A source's deliveries, newest first (ties by id, so pages are stable). */
  bySource(sourceKind: DeliverySourceKind, sourceId: string, limit: number): Promise<DeliveryEntity[]> {
    return this.repo.find({ where: { sourceKind, sourceId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Deletes a source's history (when the schedule or alert is deleted). */
  async deleteBySource(sourceKind: DeliverySourceKind, sourceId: string): Promise<void> {
    await this.repo.delete({ sourceKind, sourceId });
  }
}
