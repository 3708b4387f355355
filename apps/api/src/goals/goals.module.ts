import { Module } from '@nestjs/common';
import { GoalLinksService } from './goal-links.service';
import { GoalsController, StrategyController } from './goals.controller';
import { GoalsRepository } from './goals.repository';
import { GoalsService } from './goals.service';
import { LinkAnalysisRepository } from './link-analysis.repository';
import { StrategyService } from './strategy.service';

/** The Strategy area's API: goals, KPI values, links and their analysis, the overview. */
@Module({
  controllers: [GoalsController, StrategyController],
  providers: [GoalsRepository, GoalsService, GoalLinksService, LinkAnalysisRepository, StrategyService],
  exports: [GoalsRepository],
})
export class GoalsModule {}
