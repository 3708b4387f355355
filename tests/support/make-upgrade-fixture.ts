/**
 * TEST HARNESS ONLY. Makes the data folder the upgrade e2e opens with the current build: an older
 * release's production build (API with embedded chDB and SQLite) writes known data, scores it, and
 * is stopped; the folder is packed with what that release answered.
 *
 *   git worktree add --detach ../old <commit> && ln -s "$PWD/node_modules" ../old/node_modules
 *   (cd ../old && npm run build:api)
 *   npx tsx tests/support/make-upgrade-fixture.ts ../old tests/fixtures/upgrade-<name>.tar.gz <commit>
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, waitFor } from '@hubpulse/testing';
import { smallHubEvents, smallHubPeople } from './small-hub';

export const FIXTURE_ADMIN = { email: 'admin@upgrade.local', password: 'correct horse battery' };
export const FIXTURE_KEY = 'hp_wk_upgrade_key_0123456789abcdef';
export const FIXTURE_QUERIES = {
  overview: '/api/overview?from=2026-10-01&to=2026-10-30',
  groups: '/api/engagement/groups?by=department&from=2026-10-01&to=2026-10-30',
};

async function main(): Promise<void> {
  const [oldRoot, out, commit] = process.argv.slice(2);
  if (!oldRoot || !out || !commit) throw new Error('usage: make-upgrade-fixture.ts <old checkout with dist/> <out.tar.gz> <commit>');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-upgrade-fixture-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(oldRoot, 'dist/apps/api/main.js')], {
    cwd: oldRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(port),
      HUBPULSE_DATA_DIR: dataDir,
      HUBPULSE_QUEUE_PREFIX: `upgrade-fixture-${process.pid}`,
      HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: FIXTURE_ADMIN.email,
      HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: FIXTURE_ADMIN.password,
      HUBPULSE_BOOTSTRAP_WRITE_KEY: FIXTURE_KEY,
      HUBPULSE_SCORE_DEBOUNCE_MS: '200',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitFor(async () => (await fetch(`${url}/api/health`)).status === 200, 'the old build to start', 120_000, 500);
    const auth = { Authorization: `Bearer ${FIXTURE_KEY}`, 'Content-Type': 'application/json' };
    const ok = async (r: Promise<Response>) => {
      const res = await r;
      if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
      return res;
    };
    await ok(fetch(`${url}/v1/people`, { method: 'PUT', headers: auth, body: JSON.stringify({ people: smallHubPeople() }) }));
    await ok(fetch(`${url}/v1/events`, { method: 'POST', headers: auth, body: JSON.stringify({ events: smallHubEvents('u') }) }));
    const login = await ok(fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(FIXTURE_ADMIN) }));
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { job_id } = (await (await ok(fetch(`${url}/api/engagement/jobs`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: '{"kind":"full"}' }))).json()) as { job_id: string };
    await waitFor(
      async () => ((await (await fetch(`${url}/api/engagement/jobs`, { headers: { Cookie: cookie } })).json()) as { id: string; state: string }[]).some((j) => j.id === job_id && j.state === 'completed'),
      'the full score job',
      120_000,
      500,
    );
    const answered: Record<string, unknown> = {};
    for (const [name, route] of Object.entries(FIXTURE_QUERIES)) answered[name] = await (await ok(fetch(`${url}${route}`, { headers: { Cookie: cookie } }))).json();
    fs.writeFileSync(path.join(dataDir, 'fixture.json'), JSON.stringify({ commit, made_at: new Date().toISOString(), answered }, null, 2) + '\n');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  // the engine's own logs and temporary files are not data
  fs.rmSync(path.join(dataDir, 'clickhouse', 'tmp'), { recursive: true, force: true });
  const r = spawnSync('tar', ['-czf', path.resolve(out), '-C', dataDir, '.'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`${out}: ${(fs.statSync(out).size / 1e6).toFixed(1)} MB from ${commit}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
