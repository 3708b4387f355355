import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentSchema, hubEventSchema, personSchema } from '@hubpulse/contracts';
import { mapEnron, parseEnronEmployees, parseEnronMessages, parseEnronRecipients, parseTsv, readSubject } from './enron-mapping';

// The real corpus lives beside the repository (see /work/shared/datasets/enron/SOURCE.md). This
// spec reads it on purpose: the mapping's numbers are only worth asserting on the real files.
const dir = process.env.HUBPULSE_ENRON_DIR ?? resolve(__dirname, '../../../../shared/datasets/enron');
const read = (file: string) => readFileSync(resolve(dir, file), 'utf8');

describe('readSubject', () => {
  it.each([
    ['Indemnification', 'post', 'indemnification'],
    ['Re: Indemnification', 'comment', 'indemnification'],
    ['RE:  Coral   Energy, L.P.', 'comment', 'coral energy, l.p.'],
    ['Fw: Re: Gas deal', 'share', 'gas deal'],
    ['FWD: deal', 'share', 'deal'],
    ['Re: Fwd[2]: deal', 'comment', 'deal'],
    ['fwd:Re:Fw: deal', 'share', 'deal'],
    ['Re-ORG', 'post', 're-org'],
    ['', 'post', ''],
    ['Re:', 'comment', ''],
  ])('%j is a %s on thread %j', (subject, kind, key) => {
    expect(readSubject(subject)).toMatchObject({ kind, key });
  });
});

describe('parseTsv', () => {
  it('splits rows and columns, ignores the final newline and rejects ragged rows', () => {
    expect(parseTsv('1\ta\n2\tb\n', 2)).toEqual([['1', 'a'], ['2', 'b']]);
    expect(() => parseTsv('1\ta\n2\n', 2, 'x.tsv')).toThrow('x.tsv line 2: expected 2 tab-separated columns, found 1');
  });
});

describe('mapEnron on the real corpus', () => {
  const mapped = mapEnron({
    employees: parseEnronEmployees(read('employees.tsv')),
    messages: parseEnronMessages(read('messages.tsv')),
    recipients: parseEnronRecipients(read('recipients.tsv')),
  });
  const { people, content, events, stats } = mapped;

  it('maps the 156 employees, with leaders by title and unit, gender, seniority as attributes', () => {
    expect(people).toHaveLength(156);
    for (const p of people) expect(personSchema.parse(p)).toEqual(p);
    expect(people[0]).toEqual({
      person_id: 'enron-1', name: 'John Arnold', email: null, department: 'Trading', location: null, title: 'VP Trading',
      manager_id: null, hired_at: null, is_leader: true, attributes: { unit: 'ENA Gas Financial', gender: 'Male', seniority: 'Senior' },
    });
    expect(people.find((p) => p.title === 'Mgr Trading')!.is_leader).toBe(false);
    expect(people.filter((p) => p.is_leader)).toHaveLength(74);
    // "NA" in the unit column means unknown.
    expect(people.find((p) => p.person_id === 'enron-21')!.attributes.unit).toBeNull();
  });

  it('turns 21,635 messages and 38,388 recipient rows into events, skipping none (every sender and receiver is an employee)', () => {
    expect(stats).toEqual({
      people: 156, messages: 21_635, recipientRows: 38_388,
      content: 17_504, threads: 11_822, orphanThreads: 5_682,
      posts: 11_822, comments: 6_672, commentsWithoutTarget: 4_369, selfReplies: 838, shares: 3_141, views: 38_388,
      events: 60_023,
      skipped: { messagesFromUnknownSenders: 0, recipientsUnknownReceiver: 0, recipientsUnknownMessage: 0 },
    });
    expect(events).toHaveLength(21_635 + 38_388);
    expect(content).toHaveLength(stats.threads + stats.orphanThreads);
  });

  it('produces only objects the contracts accept, with unique stable ids', () => {
    for (const c of content) expect(contentSchema.safeParse(c).success).toBe(true);
    const bad = events.filter((e) => !hubEventSchema.safeParse(e).success);
    expect(bad).toEqual([]);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    expect(new Set(content.map((c) => c.content_id)).size).toBe(content.length);
    expect(events.every((e) => e.channel === 'microblog' && e.purpose === 'engagement')).toBe(true);
  });

  it('links replies to the thread starter and deliveries to the thread', () => {
    const byId = new Map(events.map((e) => [e.event_id, e]));
    const contentById = new Map(content.map((c) => [c.content_id, c]));
    // messages.tsv 2 "Indemnification" by 138 (unix 911459940); 3 "Re: Indemnification" by 138 to 15.
    expect(byId.get('enron-msg-2')).toMatchObject({ type: 'post', actor_id: 'enron-138', content_id: 'enron-thread-2', occurred_at: '1998-11-19T07:19:00Z' });
    expect(byId.get('enron-msg-3')).toMatchObject({ type: 'comment', content_id: 'enron-thread-2', target_actor_id: 'enron-138' });
    expect(byId.get('enron-rcpt-3-1')).toMatchObject({ type: 'view', actor_id: 'enron-15', content_id: 'enron-thread-2', occurred_at: byId.get('enron-msg-3')!.occurred_at });
    // Every event points at existing content; a thread's content is never newer than its events.
    for (const e of events) {
      const c = contentById.get(e.content_id!);
      expect(c).toBeDefined();
      expect(c!.published_at <= e.occurred_at).toBe(true);
    }
    for (const e of events.filter((x) => x.type === 'post')) expect(contentById.get(e.content_id!)!.author_id).toBe(e.actor_id);
    const orphan = content.filter((c) => c.author_id === null);
    expect(orphan).toHaveLength(5_682);
  });

  it('is stable: mapping again gives the same ids in the same order', () => {
    const again = mapEnron({
      employees: parseEnronEmployees(read('employees.tsv')),
      messages: parseEnronMessages(read('messages.tsv')),
      recipients: parseEnronRecipients(read('recipients.tsv')),
    });
    expect(again.events.map((e) => e.event_id)).toEqual(events.map((e) => e.event_id));
    expect(again.content).toEqual(content);
  });
});

describe('mapEnron with people outside the directory', () => {
  it('skips and counts messages from unknown senders and deliveries to unknown receivers', () => {
    const r = mapEnron({
      employees: parseEnronEmployees('1\tA B\tLegal\tENA Legal\tVP\tFemale\tSenior\n2\tC D\tOther\tNA\tEmployee\tMale\tJunior\n'),
      messages: parseEnronMessages('10\tx\t1000\tHello\t1\n11\tx\t1100\tRe: Hello\t99\n12\tx\t1200\tRe: Hello\t2\n'),
      recipients: parseEnronRecipients('10\t1\t2\n10\t2\t77\n11\t1\t1\n99\t1\t1\n'),
    });
    expect(r.stats.skipped).toEqual({ messagesFromUnknownSenders: 1, recipientsUnknownReceiver: 1, recipientsUnknownMessage: 1 });
    expect(r.events.map((e) => e.event_id)).toEqual(['enron-msg-10', 'enron-msg-12', 'enron-rcpt-10-1', 'enron-rcpt-11-1']);
    expect(r.events[1]).toMatchObject({ type: 'comment', target_actor_id: 'enron-1', content_id: 'enron-thread-10' });
    expect(r.events[3]).toMatchObject({ type: 'view', actor_id: 'enron-1', content_id: 'enron-thread-10' });
  });
});
