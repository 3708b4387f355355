import * as fs from 'node:fs';
import { loadConfig } from '@hubpulse/config';
import { spawnApi, type SpawnedApi } from '@hubpulse/testing';

/** The admin the benches that drive the production build create on its empty store and sign in as. */
export const BENCH_ADMIN = { email: 'bench@hubpulse.local', password: 'bench-password' } as const;

/** The production build (dist/apps/api/main.js) on `dataDir`, with the bench admin and a queue prefix of this process's own. */
export function spawnBenchApi(dataDir: string, env: Record<string, string> = {}): Promise<SpawnedApi> {
  return spawnApi({
    HUBPULSE_DATA_DIR: dataDir,
    HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: BENCH_ADMIN.email,
    HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: BENCH_ADMIN.password,
    HUBPULSE_QUEUE_PREFIX: `hpbench:${process.pid}`,
    // The product's default (spawnApi's is 0, for tests that read their own writes at once).
    HUBPULSE_READ_MAX_STALE_SECONDS: String(loadConfig({}).readCache.maxStaleMs / 1000),
    HUBPULSE_WARM_READS_MINUTES: String(loadConfig({}).readCache.warmEveryMs / 60_000),
    ...env,
  });
}

/** VmRSS and VmHWM (peak) of a process, in kB. */
export function processMemory(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets a process's peak RSS (VmHWM) to its current RSS; false where the kernel does not allow it. */
export function resetPeakMemory(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** One cold call of `fn`, then `runs` warm ones: their times in ms. */
export async function timed(fn: () => Promise<unknown>, runs: number): Promise<{ cold: number; warm: number[] }> {
  let t0 = performance.now();
  await fn();
  const cold = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    await fn();
    warm.push(performance.now() - t0);
  }
  return { cold, warm };
}

/** Waits until process `pid` has used under 5 % of a core for 5 s running, after `settleMs` (for start-up jobs to be queued). */
export async function waitIdle(pid: number, settleMs: number): Promise<void> {
  const cpu = () => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((s, x) => s + Number(x), 0);
  await new Promise((r) => setTimeout(r, settleMs));
  for (let i = 0, calm = 0; i < 1800 && calm < 5; i++) {
    const c0 = cpu();
    await new Promise((r) => setTimeout(r, 1000));
    calm = cpu() - c0 < 5 ? calm + 1 : 0;
  }
}
