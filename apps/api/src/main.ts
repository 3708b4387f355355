import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { ConfigError, createLogger, ensureRedis, HubpulseLogger, loadConfig, RedisUnavailableError, sizeLibuvPool } from '@hubpulse/config';
import { createApiApp } from './app-factory';
import { HealthController } from './health/health.controller';

async function main(): Promise<void> {
  sizeLibuvPool(); // before anything asynchronous: chDB's queries share the pool with static files and sign-in
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'api');
  Logger.overrideLogger(new HubpulseLogger(log));
  if (config.workersNote) Logger.warn(config.workersNote, 'Config');
  await ensureRedis(config, (m) => Logger.log(m, 'Redis'));
  const app = await createApiApp(config, { log });
  // Graceful stop: stop accepting, finish in-flight batches (EventWriter drains on destroy), close stores.
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      Logger.log(`${signal}: finishing in-flight work`, 'Shutdown');
      app.get(HealthController).startDraining();
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err, context: 'Shutdown' }, 'could not stop cleanly');
          process.exit(1);
        },
      );
    });
  }
  await app.listen(config.port, config.host);
  // Node closes a kept-alive connection idle for 5 s by default, on the event loop: after a stall
  // longer than that (a disclosure plan build at enterprise size takes seconds), a request a client
  // had just sent on such a connection was reset (ECONNRESET). 65 s: longer than any stall measured,
  // and than the 60 s idle timeout of common load balancers, so they close first (no 502 on reuse).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const url = `http://127.0.0.1:${config.port}`;
  // The one line a person starting Hubpulse reads (spawnApi in libs/testing waits for it too).
  log.info({ listen: `${config.host}:${config.port}`, workers: config.workers }, `Hubpulse is running at ${url}  (API docs: ${url}/api/docs)`);
  if (config.bootstrap.adminEmail && config.bootstrap.adminPassword && config.demo) {
    // The demo's own published password: a real install's is never logged.
    log.info(`Sign in as ${config.bootstrap.adminEmail} / ${config.bootstrap.adminPassword} (the demo also has leader@, planner@ and analyst@hubpulse.local, same password: each role's view)`);
  } else if (config.bootstrap.adminEmail) {
    log.info(`Sign in as ${config.bootstrap.adminEmail} (password from HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD)`);
  }
  if (config.demo && config.bootstrap.writeKey) log.info(`Demo write key: ${config.bootstrap.writeKey}`);
}

main().catch((err: unknown) => {
  // A bad environment is said plainly to whoever starts the process (loadConfig's comes before any logger).
  if (err instanceof ConfigError) console.error(err.message);
  else Logger.fatal(err instanceof RedisUnavailableError ? err.message : err, 'Startup');
  process.exit(1);
});
