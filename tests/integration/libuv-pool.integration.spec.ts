import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_LIBUV_POOL, sizeLibuvPool } from '@hubpulse/config';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Five chDB queries of two seconds each are in flight; how long does a file stat wait? The child
 * process sizes its pool the way the API's and worker's main do (after chdb is loaded, before
 * anything asynchronous), or leaves libuv's default of 4.
 */
function statWaitMs(sized: boolean): number {
  // Plain node, no TypeScript loader (tsx's loader uses the pool before any line of the script):
  // the module is compiled by swc's synchronous transform, as the API's bundle is plain JavaScript.
  const script = `
    const fs = require('node:fs');
    const Module = require('node:module');
    const { transformSync } = require('@swc/core');
    const source = fs.readFileSync('libs/config/src/libuv-pool.ts', 'utf8');
    const compiled = new Module('libuv-pool');
    compiled._compile(transformSync(source, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code, 'libuv-pool.js');
    const { sizeLibuvPool } = compiled.exports;
    const { queryAsync } = require('chdb');
    ${sized ? 'sizeLibuvPool();' : ''}
    (async () => {
      const long = Array.from({ length: 5 }, () => queryAsync('SELECT sleepEachRow(1) FROM numbers(2) SETTINGS function_sleep_max_microseconds_per_block = 10000000', { format: 'CSV' }));
      await new Promise((r) => setTimeout(r, 300));
      const t = performance.now();
      await fs.promises.stat('.');
      process.stdout.write(String(Math.round(performance.now() - t)));
      await Promise.all(long);
    })();`;
  const env = { ...process.env };
  delete env.UV_THREADPOOL_SIZE;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return Number(out.trim());
}

describe('libuv pool beside embedded chDB', () => {
  it('sizes the pool unless UV_THREADPOOL_SIZE is set', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(sizeLibuvPool(env)).toBe(DEFAULT_LIBUV_POOL);
    expect(env.UV_THREADPOOL_SIZE).toBe(String(DEFAULT_LIBUV_POOL));
    expect(sizeLibuvPool({ UV_THREADPOOL_SIZE: '8' })).toBe(8);
  });

  it('keeps file reads (static files, sign-in hashing) from waiting behind long queries', () => {
    // libuv's 4 threads: the stat waits for a query to end (about 2 s)
    expect(statWaitMs(false)).toBeGreaterThan(1200);
    // sized as main() does: it does not wait for them
    expect(statWaitMs(true)).toBeLessThan(1000);
  }, 90_000);
});
