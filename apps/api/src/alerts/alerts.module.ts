import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery';
import { GoalsModule } from '../goals/goals.module';
import { PatternsModule } from '../patterns/patterns.module';
import { AlertEvaluatorService } from './alert-evaluator.service';
import { AlertsController } from './alerts.controller';
import { AlertsProcessor } from './alerts.processor';
import { AlertsService } from './alerts.service';

/**
 * Alerts (issue 14): rules, their evaluation on the `alerts` queue — consumed by the API processes,
 * like exports, because values are read through the API's read services and disclosure layer — and
 * delivery of firing / resolved notifications by mail and webhook.
 */
@Module({
  imports: [GoalsModule, PatternsModule, DeliveryModule],
  controllers: [AlertsController],
  providers: [AlertsService, AlertEvaluatorService, AlertsProcessor],
})
export class AlertsModule {}
