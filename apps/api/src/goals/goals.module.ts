import { Module } from '@nestjs/common';
import { GoalLinksService } from './goal-links.service';
import { GoalsController, StrategyController } from './goals.controller';
import { GoalsService } from './goals.service';
import { LinkAnalysisRepository } from './link-analysis.repository';
import { StrategyService } from './strategy.service';

/** The Strategy area's API: goals, KPI values, links and their analysis, the overview. */
@Module({
  controllers: [GoalsController, StrategyController],
  providers: [GoalsService, GoalLinksService, LinkAnalysisRepository, StrategyService],
  exports: [GoalsService, GoalLinksService, StrategyService],
})
export class GoalsModule {}
