import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { HubpulseConfig } from '@hubpulse/config';
import { QueueName } from './queue-names';

/** BullMQ connection + every queue, shared by the API (producers) and workers (consumers). */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: HubpulseConfig): DynamicModule {
    const url = new URL(config.redis.url);
    const connection = {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username || undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: null,
    };
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [BullModule.forRoot({ connection, prefix: config.redis.prefix }), queues],
      exports: [queues],
    };
  }
}
