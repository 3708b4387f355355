import { Module } from '@nestjs/common';
import { GoalsRepository } from '../goals/goals.repository';
import { OverviewController } from './overview.controller';
import { OverviewRepository } from './overview.repository';
import { OverviewService } from './overview.service';

@Module({ controllers: [OverviewController], providers: [OverviewRepository, OverviewService, GoalsRepository], exports: [GoalsRepository] })
export class OverviewModule {}
