import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { SavedViewEntity } from './entities/saved-view.entity';
import { UserEntity } from './entities/user.entity';

/** A saved view with its owner's email and name (joined from users). */
export interface SavedViewRow extends SavedViewEntity {
  ownerEmail: string;
  ownerName: string;
}

export type SavedViewPatch = Partial<Pick<SavedViewEntity, 'name' | 'path' | 'query' | 'shared'>>;

/** Saved views (`saved_views`). Which shared views a role may open is decided by the caller (page access). */
@Injectable()
export class SavedViewsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(SavedViewEntity);
  }

  private withOwner() {
    return this.repo
      .createQueryBuilder('v')
      .innerJoin(UserEntity, 'u', 'u.id = v.owner_id')
      .addSelect(['u.email', 'u.name']);
  }

  private static toRow(raw: Record<string, unknown>, v: SavedViewEntity): SavedViewRow {
    return { ...v, ownerEmail: String(raw.u_email), ownerName: String(raw.u_name ?? '') };
  }

  private async rows(qb: ReturnType<SavedViewsRepository['withOwner']>): Promise<SavedViewRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<Record<string, unknown>>();
    return entities.map((v, i) => SavedViewsRepository.toRow(raw[i], v));
  }

  /** The user's own views and every shared one, by name. */
  ownAndShared(ownerId: string): Promise<SavedViewRow[]> {
    return this.rows(this.withOwner().where('v.owner_id = :ownerId OR v.shared = :shared', { ownerId, shared: true }).orderBy('v.name', 'ASC').addOrderBy('v.id', 'ASC'));
  }

  async find(id: string): Promise<SavedViewRow | null> {
    return (await this.rows(this.withOwner().where('v.id = :id', { id })))[0] ?? null;
  }

  async insert(view: SavedViewEntity): Promise<void> {
    await this.repo.insert(view);
  }

  async update(id: string, patch: SavedViewPatch, updatedAt: string): Promise<void> {
    await this.repo.update({ id }, { ...patch, updatedAt });
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}
