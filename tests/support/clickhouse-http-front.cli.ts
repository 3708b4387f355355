/**
 * TEST HARNESS ONLY. Runs the ClickHouse HTTP front over a chDB data folder in this process:
 *   tsx tests/support/clickhouse-http-front.cli.ts <data folder> [port]
 * Prints `clickhouse-http-front listening on http://127.0.0.1:<port>` once it accepts requests;
 * stops on SIGTERM / SIGINT.
 */
import { startClickHouseFront } from './clickhouse-http-front';

async function main(): Promise<void> {
  const [path, port] = process.argv.slice(2);
  if (!path) {
    console.error('usage: clickhouse-http-front.cli.ts <data folder> [port]');
    process.exit(2);
  }
  const front = await startClickHouseFront({ path, port: port ? Number(port) : 0 });
  console.log(`clickhouse-http-front listening on ${front.url}`);
  const stop = () => void front.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
