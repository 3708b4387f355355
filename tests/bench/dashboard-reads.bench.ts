/**
 * Times every read the dashboard makes, as a signed-in user, against a running Hubpulse (the demo by
 * default): median and p90 of N warm runs per read, after one cold run. Used to measure what the
 * disclosure-control layer costs (README: Performance → Privacy layer): run it against a build before
 * and after a change, on the same data.
 *
 *   npx tsx tests/bench/dashboard-reads.bench.ts --url http://127.0.0.1:3000 \
 *     --email analyst@hubpulse.local --password hubpulse-demo [--runs 7]
 *
 * Also times, for scale, the plainest ClickHouse-backed read there is (GET /api/health) in the same run.
 */
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    email: { type: 'string', default: 'analyst@hubpulse.local' },
    password: { type: 'string', default: 'hubpulse-demo' },
    runs: { type: 'string', default: '7' },
  },
});

async function main(): Promise<void> {
  const base = args.url!;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: args.email, password: args.password }) });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { Cookie: cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
    return JSON.parse(body);
  };

  const segments = (await get('/api/segments')).segments as { id: string; name: string }[];
  const programmes = (await get('/api/programmes')) as { programmes?: { id: string }[] } | { id: string }[];
  const programmeList = Array.isArray(programmes) ? programmes : (programmes.programmes ?? []);
  const goals = (await get('/api/goals')).goals as { id: string }[];
  const goal = goals[0] ? await get(`/api/goals/${goals[0].id}`) : null;
  const link = goal?.links?.[0] as { id: string } | undefined;
  const segment = segments.find((s) => s.name === 'Sales in New York') ?? segments[0];
  const items = ((await get('/api/content/items?limit=1')).items ?? []) as { content_id: string }[];
  const issues = ((await get('/api/content/newsletters')).issues ?? []) as { issue: string }[];

  const reads: string[] = [
    '/api/health',
    '/api/overview',
    '/api/overview?from=' + new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10),
    '/api/goals',
    '/api/strategy/overview',
    ...['department', 'location', 'team', 'manager', 'tenure'].map((by) => `/api/engagement/groups?by=${by}`),
    '/api/engagement/distribution',
    '/api/engagement/purposes',
    '/api/engagement/personas',
    '/api/engagement/ambassadors',
    '/api/engagement/leaders',
    '/api/segments',
    ...(segment ? [`/api/segments/${segment.id}`, `/api/segments/${segment.id}/channels`] : []),
    ...(programmeList[0] ? [`/api/programmes/${programmeList[0].id}/scorecard`] : []),
    ...(goals[0] ? [`/api/goals/${goals[0].id}`] : []),
    ...(goals[0] && link ? [`/api/goals/${goals[0].id}/links/${link.id}/analysis`] : []),
    // The Content area (issue 15): the item list, its first item, authors, newsletters and the first issue.
    '/api/content/items',
    ...(items[0] ? [`/api/content/items/${encodeURIComponent(items[0].content_id)}`] : []),
    '/api/content/authors',
    '/api/content/newsletters',
    ...(issues[0] ? [`/api/content/newsletters/${encodeURIComponent(issues[0].issue)}`] : []),
  ];
  const runs = Number(args.runs);
  console.log(`${reads.length} reads as ${args.email}, ${runs} warm runs each (after one cold run)`);
  console.log('read'.padEnd(72), 'cold ms', ' p50 ms', ' p90 ms');
  for (const path of reads) {
    const time = async () => {
      const t = performance.now();
      await get(path);
      return performance.now() - t;
    };
    const cold = await time();
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push(await time());
    warm.sort((a, b) => a - b);
    const at = (q: number) => warm[Math.min(warm.length - 1, Math.floor(q * warm.length))];
    console.log(path.replace(/[0-9a-f-]{36}/g, ':id').padEnd(72), cold.toFixed(0).padStart(7), at(0.5).toFixed(0).padStart(7), at(0.9).toFixed(0).padStart(7));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
