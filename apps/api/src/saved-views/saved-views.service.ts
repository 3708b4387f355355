import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { pageFor, roleLabel, roleMayOpen, type Role, type SavedViewCreate, type SavedViewDto, type SavedViewUpdate, type SessionUser } from '@hubpulse/contracts';
import { SavedViewsRepository, type SavedViewPatch, type SavedViewRow } from '@hubpulse/database';
import { InvalidInputError } from '../common/errors';

/**
 * Saved views: a user's own views, and the shared views of pages their role may open (PAGE_ACCESS in
 * contracts, the table behind the dashboard's route gates). The owner renames, shares and changes a
 * view; the owner or an admin deletes it. A private view of someone else is not found, to everyone.
 */
@Injectable()
export class SavedViewsService {
  constructor(private readonly repo: SavedViewsRepository) {}

  async list(user: SessionUser): Promise<SavedViewDto[]> {
    const rows = await this.repo.ownAndShared(user.id);
    return rows.filter((v) => v.ownerId === user.id || roleMayOpen(user.role, v.path)).map((v) => toDto(v, user));
  }

  /** One view to open: 404 when it is gone or private to someone else, 403 when the caller's role may not open its page. */
  async get(id: string, user: SessionUser): Promise<SavedViewDto> {
    const v = await this.visible(id, user);
    if (!roleMayOpen(user.role, v.path)) {
      const page = pageFor(v.path);
      throw new ForbiddenException(
        `Your role (${roleLabel(user.role)}) cannot see this view: it opens ${page?.label ?? v.path}, which is for ${rolesText(page?.roles ?? [])}`,
      );
    }
    return toDto(v, user);
  }

  async create(input: SavedViewCreate, user: SessionUser): Promise<SavedViewDto> {
    this.checkPath(input.path, user);
    const now = new Date().toISOString();
    const id = randomUUID();
    await this.repo.insert({ id, ownerId: user.id, name: input.name, path: input.path, query: input.query, shared: input.shared, createdAt: now, updatedAt: now });
    return toDto((await this.repo.find(id))!, user);
  }

  async update(id: string, input: SavedViewUpdate, user: SessionUser): Promise<SavedViewDto> {
    const v = await this.visible(id, user);
    if (v.ownerId !== user.id) throw new ForbiddenException(`Only its owner (${v.ownerEmail}) can change the saved view "${v.name}"`);
    if (input.path !== undefined) this.checkPath(input.path, user);
    const patch: SavedViewPatch = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.path !== undefined) patch.path = input.path;
    if (input.query !== undefined) patch.query = input.query;
    if (input.shared !== undefined) patch.shared = input.shared;
    await this.repo.update(id, patch, new Date().toISOString());
    return toDto((await this.repo.find(id))!, user);
  }

  async remove(id: string, user: SessionUser): Promise<void> {
    const v = user.role === 'admin' ? await this.repo.find(id) : await this.visible(id, user).catch(() => null);
    if (!v) throw notFound(id);
    if (v.ownerId !== user.id && user.role !== 'admin') throw new ForbiddenException(`Only its owner (${v.ownerEmail}) or an admin can delete the saved view "${v.name}"`);
    await this.repo.delete(id);
  }

  /** The view, if it is the caller's or shared; otherwise 404 (a private view is not revealed). */
  private async visible(id: string, user: SessionUser): Promise<SavedViewRow> {
    const v = await this.repo.find(id);
    if (!v || (v.ownerId !== user.id && !v.shared)) throw notFound(id);
    return v;
  }

  private checkPath(path: string, user: SessionUser): void {
    if (!roleMayOpen(user.role, path)) throw new InvalidInputError([`path: your role (${roleLabel(user.role)}) cannot open ${pageFor(path)?.label ?? path}`]);
  }
}

const notFound = (id: string) => new NotFoundException(`id: no saved view ${id} (it was deleted, or it is private to its owner)`);

function rolesText(roles: readonly Role[]): string {
  const names = roles.map((r) => roleLabel(r));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? 'no role');
}

function toDto(v: SavedViewRow, user: SessionUser): SavedViewDto {
  const mine = v.ownerId === user.id;
  return {
    id: v.id,
    name: v.name,
    path: v.path,
    query: v.query,
    shared: !!v.shared,
    page_label: pageFor(v.path)?.label ?? v.path,
    owner: { id: v.ownerId, email: v.ownerEmail, name: v.ownerName },
    mine,
    can_delete: mine || user.role === 'admin',
    created_at: v.createdAt,
    updated_at: v.updatedAt,
  };
}
