import { Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { savedViewCreateSchema, savedViewUpdateSchema, type SavedViewCreate, type SavedViewUpdate } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { Audited, byParam, byResultId } from '../audit/audit.decorator';
import { ZodBody, ZodParam } from '../common/zod.pipe';
import { SavedViewsService } from './saved-views.service';

const id = z.string().trim().min(1, 'is required').max(36, 'must be at most 36 characters');

/** Saved views (Reports → Saved views): every signed-in role keeps its own and opens the shared ones its role may see. */
@ApiTags('saved-views')
@ApiCookieAuth()
@Controller('api/saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiOperation({ summary: "Your saved views and the shared ones of pages your role may open, by name" })
  list(@Req() req: AuthedRequest) {
    return this.views.list(req.user!);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One saved view, to open it' })
  @ApiResponse({ status: 403, description: "The view is shared but opens a page your role may not open" })
  @ApiResponse({ status: 404, description: 'Deleted, or private to its owner' })
  get(@ZodParam('id', id) viewId: string, @Req() req: AuthedRequest) {
    return this.views.get(viewId, req.user!);
  }

  @Audited('saved_view.create', byResultId('saved_view'), (c) => pick(c.result))
  @Post()
  @ApiOperation({ summary: 'Save a view: a dashboard page (path) and its query string under a name, private or shared' })
  create(@ZodBody(savedViewCreateSchema) body: SavedViewCreate, @Req() req: AuthedRequest) {
    return this.views.create(body, req.user!);
  }

  @Audited('saved_view.update', byParam('saved_view'))
  @Patch(':id')
  @ApiOperation({ summary: 'Rename, share or unshare, or change the state (path, query) of your view' })
  update(@ZodParam('id', id) viewId: string, @ZodBody(savedViewUpdateSchema) body: SavedViewUpdate, @Req() req: AuthedRequest) {
    return this.views.update(viewId, body, req.user!);
  }

  @Audited('saved_view.delete', byParam('saved_view'))
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a saved view (its owner, or an admin)' })
  async remove(@ZodParam('id', id) viewId: string, @Req() req: AuthedRequest) {
    await this.views.remove(viewId, req.user!);
  }
}

/** What a created view was: its name, page, state and whether it is shared. */
function pick(result: unknown): Record<string, unknown> {
  const v = result as { name?: string; path?: string; query?: string; shared?: boolean } | undefined;
  return { name: v?.name, path: v?.path, query: v?.query, shared: v?.shared };
}
