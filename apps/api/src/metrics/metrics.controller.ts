import { Controller, Get, Headers, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { Metrics, metricsRefusal } from '@hubpulse/metrics';
import { Public } from '../common/public.decorator';

/**
 * Prometheus scrapes, outside /api (where scrapers look by default). No session: a scraper has
 * none; HUBPULSE_METRICS_TOKEN, when set, is required instead. The metrics name routes, queues,
 * formats and reasons, never people (see libs/metrics), so the page holds no number about people.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  @Public()
  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const refusal = metricsRefusal(this.config.metrics.token, authorization);
    if (refusal) throw new UnauthorizedException(refusal);
    // Written as is: Express's send() would rewrite the Content-Type's parameters.
    res.setHeader('Content-Type', this.metrics.contentType);
    res.end(await this.metrics.text());
  }
}
