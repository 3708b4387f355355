import { InjectQueue } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Controller, Get, HttpCode, Res } from '@nestjs/common';
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

/**
 * Liveness and readiness, as a load balancer or Kubernetes asks them: `live` is 200 while the process
 * serves HTTP at all (restart it otherwise); `ready` (and the older `/api/health`) is 200 only when
 * ClickHouse, the relational store and Redis answer and the process is not stopping — send it traffic.
 */
@ApiTags('health')
@Controller('api/health')
export class HealthController implements BeforeApplicationShutdown {
  private draining = false;

  constructor(
    private readonly ch: ClickHouseService,
    private readonly database: DatabaseHealthRepository,
    @InjectQueue(QueueName.Scores) private readonly queue: Queue,
  ) {}

  /**
   * Readiness answers "draining" from the signal on (main.ts): Nest runs the modules' destroy hooks
   * (the EventWriter finishing its batches) before beforeApplicationShutdown, and a load balancer
   * must stop sending new requests while they run.
   */
  startDraining(): void {
    this.draining = true;
  }

  beforeApplicationShutdown(): void {
    this.startDraining();
  }

  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: 200 while the process answers HTTP; checks no store' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when ClickHouse, the database and Redis answer; 503 naming what is down, or "draining" while the process stops' })
  ready(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    return this.health(res);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Readiness (as /api/health/ready): 200 when ClickHouse, the database and Redis answer; 503 naming what is down' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const [clickhouse, database, redis] = await Promise.all([
      within(this.ch.ping(), 3000).catch(() => false),
      within(this.database.ping(), 3000).then(() => true, () => false),
      within(this.queue.client.then((c) => (c as unknown as { ping(): Promise<string> }).ping()), 3000).then((p) => p === 'PONG', () => false),
    ]);
    const body: HealthResponse = {
      status: this.draining ? 'draining' : clickhouse && database && redis ? 'ok' : 'degraded',
      clickhouse: clickhouse ? 'ok' : 'down',
      database: database ? 'ok' : 'down',
      redis: redis ? 'ok' : 'down',
    };
    if (body.status !== 'ok') res.status(503);
    return body;
  }
}
