import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import * as http from 'node:http';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { metricsRefusal } from './metrics-access';
import { Metrics } from './metrics';

/**
 * The worker process has no HTTP server: this one serves `GET /metrics` (same token rule as the
 * API's) and `GET /health/live` on HUBPULSE_METRICS_PORT, when it is set (0, the default, = off).
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: http.Server;

  constructor(
    private readonly metrics: Metrics,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port } = this.config.metrics;
    if (!port) return;
    const server = http.createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.host, resolve);
    });
    this.server = server;
    this.logger.log(`metrics at http://${this.config.host}:${port}/metrics`);
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = req.url?.split('?')[0];
    const send = (status: number, type: string, body: string) => res.writeHead(status, { 'Content-Type': type }).end(body);
    if (req.method !== 'GET' || (path !== '/metrics' && path !== '/health/live')) return void send(404, 'application/json', JSON.stringify({ statusCode: 404, message: ['GET /metrics or /health/live'] }));
    if (path === '/health/live') return void send(200, 'application/json', JSON.stringify({ status: 'ok' }));
    const refusal = metricsRefusal(this.config.metrics.token, req.headers.authorization);
    if (refusal) return void send(401, 'application/json', JSON.stringify({ statusCode: 401, message: [refusal] }));
    try {
      send(200, this.metrics.contentType, await this.metrics.text());
    } catch (err) {
      send(500, 'application/json', JSON.stringify({ statusCode: 500, message: [(err as Error).message] }));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
