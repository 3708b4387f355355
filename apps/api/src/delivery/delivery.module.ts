import { Module } from '@nestjs/common';
import { MailerService } from '../users/mailer.service';
import { DeliveryService } from './delivery.service';

/** Delivery of schedules' and alerts' messages by mail and webhook, with its history. See ./index.ts. */
@Module({ providers: [MailerService, DeliveryService], exports: [DeliveryService] })
export class DeliveryModule {}
