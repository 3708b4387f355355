import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, ensureRedis, loadConfig, RedisUnavailableError, sizeLibuvPool } from '@hubpulse/config';
import { createApiApp } from './app-factory';
import { HealthController } from './health/health.controller';

async function main(): Promise<void> {
  sizeLibuvPool(); // before anything asynchronous: chDB's queries share the pool with static files and sign-in
  const config = loadConfig();
  if (config.workersNote) Logger.warn(config.workersNote, 'Config');
  await ensureRedis(config, (m) => Logger.log(m, 'Redis'));
  const app = await createApiApp(config);
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
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
  await app.listen(config.port, config.host);
  const url = `http://127.0.0.1:${config.port}`;
  const lines = [`Hubpulse is running at ${url}  (API docs: ${url}/api/docs)`, `listening on ${config.host}:${config.port}, workers: ${config.workers}`];
  if (config.bootstrap.adminEmail && config.bootstrap.adminPassword && config.demo) {
    lines.push(`Sign in as ${config.bootstrap.adminEmail} / ${config.bootstrap.adminPassword}`);
    lines.push('(the demo also has leader@, planner@ and analyst@hubpulse.local, same password: each role\'s view)');
  } else if (config.bootstrap.adminEmail) {
    lines.push(`Sign in as ${config.bootstrap.adminEmail} (password from HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD)`);
  }
  if (config.demo && config.bootstrap.writeKey) lines.push(`Demo write key: ${config.bootstrap.writeKey}`);
  console.log(`\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof RedisUnavailableError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
