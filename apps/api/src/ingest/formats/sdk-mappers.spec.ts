import type { EventMapping } from '@hubpulse/contracts';
import { checkHubEvent } from '@hubpulse/contracts';
import { mapPostHog, postHogKey } from './posthog';
import { mapSegment } from './segment';

const table: EventMapping[] = [
  { source: 'segment', event: 'Post Created', type: 'post', channel: null, purpose: null },
  { source: 'segment', event: 'Document Shared', type: 'doc_share', channel: 'documents', purpose: 'productivity' },
  { source: 'posthog', event: '$pageview', type: 'view', channel: null, purpose: null },
];
const lookup = (source: string) => (event: string) => table.find((m) => m.source === source && m.event === event);

describe('mapSegment', () => {
  it('maps track calls through the table, properties to fields, the rest to flat properties', () => {
    const out = mapSegment(
      { batch: [{ type: 'track', messageId: 'm1', userId: 'u1', event: 'Document Shared', timestamp: '2026-11-01T10:00:00.000Z', properties: { contentId: 42, nested: { a: 1 }, size: 3 } }] },
      null,
      lookup('segment'),
    );
    expect(out.rejected).toEqual([]);
    expect(out.events).toEqual([
      { event_id: 'm1', actor_id: 'u1', occurred_at: '2026-11-01T10:00:00.000Z', content_id: '42', target_actor_id: undefined, type: 'doc_share', channel: 'documents', purpose: 'productivity', properties: { event: 'Document Shared', size: 3 } },
    ]);
    expect(checkHubEvent(out.events[0]).ok).toBe(true);
  });

  it('rejects per message, naming the field, and keeps the message index', () => {
    const out = mapSegment(
      { batch: [{ type: 'track', userId: 'u', event: 'Post Created' }, { type: 'track', messageId: 'x', event: 'Post Created' }, { type: 'track', messageId: 'y', userId: 'u', event: 'Nope' }, 7, { type: 'weird', messageId: 'z', userId: 'u' }] },
      null,
      lookup('segment'),
    );
    expect(out.rejected.map((r) => [r.index, r.errors[0].split(':')[0]])).toEqual([
      [0, 'messageId'],
      [1, 'userId'],
      [2, 'event'],
      [3, 'must be an object'],
      [4, 'type'],
    ]);
  });

  it('turns identify traits and group calls into directory patches', () => {
    const out = mapSegment({ batch: [
      { type: 'identify', messageId: 'i', userId: 'u1', traits: { firstName: 'Ada', lastName: 'L', managerId: 'boss', is_leader: true } },
      { type: 'group', messageId: 'g', userId: 'u1', groupId: 'sales', traits: { name: 'Sales' } },
      { type: 'group', messageId: 'h', userId: 'u1', groupId: 'core', traits: { type: 'team' } },
    ] }, null, lookup('segment'));
    expect(out.events).toEqual([]);
    expect(out.people).toEqual([
      { index: 0, call: 'identify', patch: { person_id: 'u1', name: 'Ada L', manager_id: 'boss', is_leader: true } },
      { index: 1, call: 'group', patch: { person_id: 'u1', department: 'Sales' } },
      { index: 2, call: 'group', patch: { person_id: 'u1', attributes: { team: 'core' } } },
    ]);
  });

  it('takes the call type from the path of single-call endpoints', () => {
    const out = mapSegment({ messageId: 'p', userId: 'u', name: 'Home', properties: { path: '/home' } }, 'page', lookup('segment'));
    expect(out.events[0]).toMatchObject({ type: 'view', content_id: '/home', properties: { page: 'Home', path: '/home' } });
  });
});

describe('mapPostHog', () => {
  it('maps captures, $set and $identify, and finds the key in the body', () => {
    const body = { api_key: 'k', batch: [
      { event: '$pageview', distinct_id: 'd1', uuid: 'u-1', timestamp: '2026-11-01T10:00:00Z', properties: { $current_url: 'https://x/y', $browser: 'Chrome', $set: { department: 'Ops' } } },
      { event: '$identify', distinct_id: 'd2', properties: { $set: { name: 'Grace' } } },
      { event: 'unknown', distinct_id: 'd3', uuid: 'u-3' },
      { event: 'also unknown', distinct_id: 'd4', uuid: 'u-4', $set: { title: 'CFO' } },
      { event: '$groupidentify', distinct_id: 'd5', properties: { $group_type: 'team', $group_key: 'core' } },
    ] };
    const out = mapPostHog(body, lookup('posthog'));
    expect(postHogKey(body)).toBe('k');
    expect(out.events).toEqual([
      { event_id: 'u-1', type: 'view', actor_id: 'd1', occurred_at: '2026-11-01T10:00:00Z', content_id: 'https://x/y', channel: undefined, purpose: undefined, target_actor_id: undefined, properties: { event: '$pageview' } },
    ]);
    // $set applies on any event, also one without a mapping (index 3): PostHog's own semantics
    expect(out.people).toEqual([
      { index: 0, call: '$set', patch: { person_id: 'd1', department: 'Ops' } },
      { index: 1, call: '$set', patch: { person_id: 'd2', name: 'Grace' } },
      { index: 3, call: '$set', patch: { person_id: 'd4', title: 'CFO' } },
      { index: 4, call: '$groupidentify', patch: { person_id: 'd5', attributes: { team: 'core' } } },
    ]);
    expect(out.rejected).toEqual([
      { index: 2, errors: ['event: no mapping for "unknown" (add one under Admin → Event mappings)'] },
      { index: 3, errors: ['event: no mapping for "also unknown" (add one under Admin → Event mappings)'] },
    ]);
  });

  it('accepts a single event body and reads token as the key', () => {
    expect(postHogKey({ token: 't', event: 'x' })).toBe('t');
    expect(mapPostHog({ event: '$pageview', distinct_id: 'd', uuid: 'u' }, lookup('posthog')).events).toHaveLength(1);
  });
});

describe('browser payloads (a browser key)', () => {
  it('stores anonymous visitors as anon:<id> and accepts an identify that only names the signed-in person', () => {
    const seg = mapSegment({ batch: [
      { type: 'page', messageId: 'p', anonymousId: 'a-1', properties: { path: '/news' } },
      { type: 'identify', messageId: 'i', userId: 'p0042', anonymousId: 'a-1', traits: {} },
      { type: 'identify', messageId: 'j', userId: 'p0042', traits: { department: 'Sales' } },
      { type: 'track', messageId: 't', userId: 'p0042', anonymousId: 'a-1', event: 'Post Created' },
    ] }, null, lookup('segment'), { browser: true });
    expect(seg.events.map((e) => (e as { actor_id: string }).actor_id)).toEqual(['anon:a-1', 'p0042']);
    // traits are a directory change, refused later by the key's scope; the bare identify is nothing to write
    expect(seg.people).toEqual([{ index: 2, call: 'identify', patch: { person_id: 'p0042', department: 'Sales' } }]);
    expect(seg.rejected).toEqual([]);
    // a server key keeps sending anonymous ids as they are
    expect((mapSegment({ type: 'page', messageId: 'p', anonymousId: 'a-1' }, 'page', lookup('segment')).events[0] as { actor_id: string }).actor_id).toBe('a-1');
  });

  it('reads posthog-js events: the token inside each event, $is_identified, an empty $set', () => {
    const body = [
      { event: '$pageview', uuid: 'u1', properties: { distinct_id: 'dev-1', token: 'k', $is_identified: false, $pathname: '/news' } },
      { event: '$identify', uuid: 'u2', properties: { distinct_id: 'p0042', token: 'k', $anon_distinct_id: 'dev-1', $is_identified: true }, $set: {} },
      { event: '$pageview', uuid: 'u3', properties: { distinct_id: 'p0042', token: 'k', $is_identified: true, $pathname: '/news' } },
    ];
    expect(postHogKey(body)).toBe('k');
    expect(postHogKey({ batch: body })).toBe('k');
    const out = mapPostHog(body, lookup('posthog'), { browser: true });
    expect(out.events.map((e) => [(e as { event_id: string }).event_id, (e as { actor_id: string }).actor_id])).toEqual([['u1', 'anon:dev-1'], ['u3', 'p0042']]);
    expect(out.people).toEqual([]);
    expect(out.rejected).toEqual([]);
  });
});
