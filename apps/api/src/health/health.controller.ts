import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import type { Response } from 'express';
import type { HealthResponse } from '@hubpulse/contracts';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { DatabaseHealthRepository } from '@hubpulse/database';
import { QueueName } from '@hubpulse/queue';
import { Public } from '../common/public.decorator';

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly ch: ClickHouseService,
    private readonly database: DatabaseHealthRepository,
    @InjectQueue(QueueName.Scores) private readonly queue: Queue,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when ClickHouse, the database and Redis answer; 503 naming what is down' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const [clickhouse, database, redis] = await Promise.all([
      within(this.ch.ping(), 3000).catch(() => false),
      within(this.database.ping(), 3000).then(() => true, () => false),
      within(this.queue.client.then((c) => (c as unknown as { ping(): Promise<string> }).ping()), 3000).then((p) => p === 'PONG', () => false),
    ]);
    const body: HealthResponse = {
      status: clickhouse && database && redis ? 'ok' : 'degraded',
      clickhouse: clickhouse ? 'ok' : 'down',
      database: database ? 'ok' : 'down',
      redis: redis ? 'ok' : 'down',
    };
    if (body.status !== 'ok') res.status(503);
    return body;
  }
}
