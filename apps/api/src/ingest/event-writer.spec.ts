import { loadConfig } from '@hubpulse/config';
import type { EventRowsRepository } from '@hubpulse/ingestion';
import { EventWriter, IngestBacklogError } from './event-writer.service';

/** The group commit's queue against a ClickHouse that answers when the test says (pure queue logic). */
describe('EventWriter backpressure', () => {
  const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}-${i}`);
  const tick = () => new Promise((r) => setImmediate(r));

  function slowClickHouse() {
    const inserts: { rows: number; done: () => void }[] = [];
    const repo = {
      insertTsv: (payload: string) => new Promise<void>((done) => inserts.push({ rows: payload.trim().split('\n').length, done })),
    } as unknown as EventRowsRepository;
    return { repo, inserts };
  }

  it('refuses a request at once while more rows than the bound wait, and takes them again once ClickHouse caught up', async () => {
    const ch = slowClickHouse();
    const writer = new EventWriter(ch.repo, loadConfig({ HUBPULSE_INGEST_MAX_QUEUED_ROWS: '1000' }));
    const a = writer.write(lines(600, 'a'));
    await tick();
    expect(ch.inserts.map((i) => i.rows)).toEqual([600]); // a is being written
    let bAcked = false;
    const b = writer.write(lines(600, 'b')).then(() => (bAcked = true));
    await expect(writer.write(lines(600, 'c'))).rejects.toBeInstanceOf(IngestBacklogError); // 600 + 600 > 1000 waiting
    const d = writer.write(lines(400, 'd')); // 600 + 400 fits

    ch.inserts[0].done();
    await a;
    await tick();
    expect(ch.inserts.map((i) => i.rows)).toEqual([600, 1000]); // b and d together
    expect(bAcked).toBe(false); // acknowledged only once stored
    ch.inserts[1].done();
    await Promise.all([b, d]);
    expect(writer.stats.refused).toBe(600);
    // nothing waits now: a request larger than the bound alone is still taken
    const big = writer.write(lines(1500, 'e'));
    await tick();
    ch.inserts[2].done();
    await expect(big).resolves.toBeUndefined();
  });
});
