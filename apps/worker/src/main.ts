import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createLogger, ensureRedis, HubpulseLogger, loadConfig, sizeLibuvPool } from '@hubpulse/config';
import { QueueName } from '@hubpulse/queue';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  sizeLibuvPool(); // before anything asynchronous: chDB's queries share the pool with static files and sign-in
  const config = loadConfig();
  if (config.clickhouse.mode === 'embedded') {
    throw new ConfigError([
      'CLICKHOUSE_URL: the separate worker process needs a ClickHouse server; with embedded ClickHouse the API runs the workers inline',
    ]);
  }
  const logger = new HubpulseLogger(createLogger(config.logLevel, 'worker'));
  Logger.overrideLogger(logger);
  await ensureRedis(config, (m) => Logger.log(m, 'Redis'));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      Logger.log(`${signal}: finishing the current job`, 'Worker');
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
  // Exports and alert evaluations run in the API processes (they read views through the API's services and disclosure layer).
  Logger.log(`worker started: processing queues ${Object.values(QueueName).filter((q) => q !== QueueName.Exports && q !== QueueName.Alerts).join(', ')}`, 'Worker');
}

main().catch((err: unknown) => {
  // A bad environment is said plainly to whoever starts the process (loadConfig's comes before any logger).
  if (err instanceof ConfigError) console.error(err.message);
  else Logger.fatal(err, 'Startup');
  process.exit(1);
});
