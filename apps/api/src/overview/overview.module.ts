import { Module } from '@nestjs/common';
import { GoalsModule } from '../goals/goals.module';
import { OverviewController } from './overview.controller';
import { OverviewRepository } from './overview.repository';
import { OverviewService } from './overview.service';

@Module({ imports: [GoalsModule], controllers: [OverviewController], providers: [OverviewRepository, OverviewService], exports: [OverviewService] })
export class OverviewModule {}
