import { Module } from '@nestjs/common';
import { ScoringModelsRepository } from '@hubpulse/database';
import { EngagementController } from './engagement.controller';
import { EngagementService } from './engagement.service';
import { GroupScoresService } from './group-scores.service';
import { ScoresRepository } from './scores.repository';

/** The Engagement area's API: scoring model versions, score jobs, distributions, groups and explanations. */
@Module({ controllers: [EngagementController], providers: [ScoringModelsRepository, ScoresRepository, GroupScoresService, EngagementService] })
export class EngagementModule {}
