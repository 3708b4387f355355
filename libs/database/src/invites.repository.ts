import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type DataSource } from 'typeorm';
import type { InviteKind } from '@hubpulse/contracts';
import { DATA_SOURCE } from './data-source';
import { InviteEntity } from './entities/user.entity';

/** One-time links (`invites`: invites and password resets), by the sha256 of their token. */
@Injectable()
export class InvitesRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(InviteEntity);
  }

  async insert(invite: InviteEntity): Promise<void> {
    await this.repo.insert(invite);
  }

  findByHash(tokenHash: string): Promise<InviteEntity | null> {
    return this.repo.findOneBy({ tokenHash });
  }

  /** Marks the link used; false when it already was (two tabs accepting at once: one wins). */
  async markUsed(id: string, at: string): Promise<boolean> {
    const r = await this.repo.update({ id, usedAt: IsNull() }, { usedAt: at });
    return (r.affected ?? 0) > 0;
  }

  /** Retires a user's unused links of one kind (a new link replaces the old one). */
  async retireUnused(userId: string, kind: InviteKind, at: string): Promise<void> {
    await this.repo.update({ userId, kind, usedAt: IsNull() }, { usedAt: at });
  }
}
