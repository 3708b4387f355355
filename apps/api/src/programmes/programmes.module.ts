import { Module } from '@nestjs/common';
import { SegmentsModule } from '../segments/segments.module';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

/** Programmes of the Audiences area: the planner's six steps, forecast and scorecard. */
@Module({ imports: [SegmentsModule], controllers: [ProgrammesController], providers: [ProgrammesService], exports: [ProgrammesService] })
export class ProgrammesModule {}
