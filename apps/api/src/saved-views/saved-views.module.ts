import { Module } from '@nestjs/common';
import { GlossaryController } from '../glossary/glossary.controller';
import { SavedViewsController } from './saved-views.controller';
import { SavedViewsService } from './saved-views.service';

/** The Reports area's own reads and writes: saved views, the glossary. */
@Module({ controllers: [SavedViewsController, GlossaryController], providers: [SavedViewsService] })
export class SavedViewsModule {}
