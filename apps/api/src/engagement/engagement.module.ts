import { Module } from '@nestjs/common';
import { EngagementController } from './engagement.controller';
import { EngagementService } from './engagement.service';
import { GroupScoresService } from './group-scores.service';

/** The Engagement area's API: scoring model versions, score jobs, distributions, groups and explanations. */
@Module({ controllers: [EngagementController], providers: [GroupScoresService, EngagementService], exports: [EngagementService] })
export class EngagementModule {}
