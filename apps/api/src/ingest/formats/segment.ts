import { anonymousActor, changesNothing, emptyBatch, flatScalars, isObj, pick, personPatch, str, type MapOptions, type MappedBatch, type MappingLookup } from './mapped-batch';

/** Properties that become event fields rather than properties. */
const FIELD_PROPS = new Set(['content_id', 'contentId', 'channel', 'purpose', 'target_actor_id', 'targetActorId', 'event_id']);
const SEGMENT_TYPES = new Set(['track', 'identify', 'group', 'page', 'screen', 'alias']);

/**
 * The Segment spec (also what RudderStack's SDKs send): `/v1/batch` carries `{batch:[…]}`; the
 * single-call endpoints carry one message whose type the path implies. `messageId` is the event id.
 */
export function mapSegment(body: unknown, pathType: string | null, lookup: MappingLookup, opts: MapOptions = {}): MappedBatch {
  const out = emptyBatch();
  const messages: unknown[] = pathType === null ? (isObj(body) && Array.isArray(body.batch) ? body.batch : []) : [body];
  out.total = messages.length;
  messages.forEach((m, index) => {
    if (!isObj(m)) return void out.rejected.push({ index, errors: ['must be an object'] });
    const type = str(m.type) ?? pathType ?? '';
    if (!SEGMENT_TYPES.has(type)) return void out.rejected.push({ index, errors: [`type: must be one of ${[...SEGMENT_TYPES].join(', ')}`] });
    const anonymous = str(m.anonymousId);
    const actor = str(m.userId) ?? (anonymous && opts.browser ? anonymousActor(anonymous) : anonymous);
    if (!actor) return void out.rejected.push({ index, errors: ['userId: is required (or anonymousId)'] });
    const props = isObj(m.properties) ? m.properties : undefined;
    const base = {
      event_id: str(m.messageId),
      actor_id: actor,
      occurred_at: str(m.timestamp) ?? str(m.originalTimestamp) ?? str(m.sentAt) ?? new Date().toISOString(),
      content_id: pick(props, 'content_id', 'contentId'),
      target_actor_id: pick(props, 'target_actor_id', 'targetActorId'),
    };
    if (!base.event_id) return void out.rejected.push({ index, errors: ['messageId: is required'] });
    switch (type) {
      case 'track': {
        const name = str(m.event);
        if (!name) return void out.rejected.push({ index, errors: ['event: is required for a track call'] });
        const mapping = lookup(name);
        if (!mapping) return void out.rejected.push({ index, errors: [`event: no mapping for "${name}" (add one under Admin → Event mappings)`] });
        out.events.push({
          ...base,
          type: mapping.type,
          channel: pick(props, 'channel') ?? mapping.channel ?? undefined,
          purpose: pick(props, 'purpose') ?? mapping.purpose ?? undefined,
          properties: { event: name, ...flatScalars(props, FIELD_PROPS) },
        });
        out.origin.push(index);
        return;
      }
      case 'page':
      case 'screen': {
        out.events.push({
          ...base,
          type: 'view',
          content_id: base.content_id ?? pick(props, 'path', 'url') ?? str(m.name),
          channel: pick(props, 'channel'),
          purpose: pick(props, 'purpose'),
          properties: { ...(str(m.name) ? { page: str(m.name)! } : {}), ...flatScalars(props, FIELD_PROPS) },
        });
        out.origin.push(index);
        return;
      }
      case 'identify': {
        if (!str(m.userId)) return void out.rejected.push({ index, errors: ['userId: identify needs a userId (the directory person_id)'] });
        const patch = personPatch(actor, isObj(m.traits) ? m.traits : {});
        if (!(opts.browser && changesNothing(patch))) out.people.push({ index, call: 'identify', patch });
        return;
      }
      case 'group': {
        const groupId = str(m.groupId);
        if (!groupId) return void out.rejected.push({ index, errors: ['groupId: is required for a group call'] });
        const traits = isObj(m.traits) ? m.traits : {};
        const name = pick(traits, 'name') ?? groupId;
        const kind = (pick(traits, 'type', 'kind') ?? 'department').toLowerCase();
        out.people.push({ index, call: 'group', patch: kind === 'team' ? { person_id: actor, attributes: { team: name } } : { person_id: actor, department: name } });
        return;
      }
      default:
        return; // alias: nothing to record
    }
  });
  return out;
}
