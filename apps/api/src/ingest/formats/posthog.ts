import { anonymousActor, changesNothing, emptyBatch, flatScalars, isObj, pick, personPatch, str, type MapOptions, type MappedBatch, type MappingLookup } from './mapped-batch';

const FIELD_PROPS = new Set(['content_id', 'contentId', 'channel', 'purpose', 'target_actor_id', 'targetActorId', 'distinct_id', 'token']);

/**
 * PostHog capture (`/batch/`, `/e/`, `/capture/`, `/i/v0/e/`): `{api_key, batch:[…]}` or one event.
 * `uuid` is the event id; `$identify`, `$groupidentify` and `$set` on any event update the directory.
 * `$set_once` is not applied (nothing writes it).
 */
export function mapPostHog(body: unknown, lookup: MappingLookup, opts: MapOptions = {}): MappedBatch {
  const out = emptyBatch();
  const messages: unknown[] = Array.isArray(body) ? body : isObj(body) && Array.isArray(body.batch) ? body.batch : [body];
  out.total = messages.length;
  messages.forEach((m, index) => {
    if (!isObj(m)) return void out.rejected.push({ index, errors: ['must be an object'] });
    const props = isObj(m.properties) ? m.properties : {};
    const distinctId = str(m.distinct_id) ?? str(props.distinct_id) ?? str(m.$distinct_id);
    if (!distinctId) return void out.rejected.push({ index, errors: ['distinct_id: is required'] });
    // posthog-js marks a visitor who has not been identified yet; their distinct id is a device id.
    const actor = opts.browser && props.$is_identified === false ? anonymousActor(distinctId) : distinctId;
    const name = str(m.event);
    if (!name) return void out.rejected.push({ index, errors: ['event: is required'] });
    // `$set` updates the person on any event, as PostHog does — also on an event without a mapping
    // (the event is rejected, its $set still applies: the directory write is its own part).
    const set = isObj(m.$set) ? m.$set : isObj(props.$set) ? props.$set : null;
    const patch = set ? personPatch(actor, set) : null;
    // From a browser, a $set without directory fields (posthog-js sends $set: {} and its own $-properties) changes nothing.
    if (patch && !(opts.browser && changesNothing(patch))) out.people.push({ index, call: '$set', patch });
    if (name === '$identify' || name === '$set') {
      if (!set && !opts.browser) out.people.push({ index, call: name, patch: { person_id: actor } });
      return;
    }
    if (name === '$groupidentify') {
      const traits = isObj(props.$group_set) ? props.$group_set : {};
      const group = str(props.$group_key) ?? pick(traits, 'name');
      if (group) {
        const patch = str(props.$group_type) === 'team' ? { person_id: actor, attributes: { team: group } } : { person_id: actor, department: pick(traits, 'name') ?? group };
        out.people.push({ index, call: name, patch });
      }
      return;
    }
    const mapping = lookup(name);
    if (!mapping) return void out.rejected.push({ index, errors: [`event: no mapping for "${name}" (add one under Admin → Event mappings)`] });
    const eventId = str(m.uuid) ?? str(props.$insert_id);
    if (!eventId) return void out.rejected.push({ index, errors: ['uuid: is required'] });
    out.events.push({
      event_id: eventId,
      type: mapping.type,
      actor_id: actor,
      occurred_at: str(m.timestamp) ?? new Date().toISOString(),
      content_id: pick(props, 'content_id', 'contentId') ?? (name === '$pageview' ? pick(props, '$pathname', '$current_url') : undefined),
      channel: pick(props, 'channel') ?? mapping.channel ?? undefined,
      purpose: pick(props, 'purpose') ?? mapping.purpose ?? undefined,
      target_actor_id: pick(props, 'target_actor_id', 'targetActorId'),
      properties: { event: name, ...flatScalars(props, FIELD_PROPS) },
    });
    out.origin.push(index);
  });
  return out;
}

/**
 * The project key PostHog SDKs put in the body: `api_key` (or `token`) beside the batch (posthog-node),
 * or `properties.token` inside each event of a bare array (posthog-js).
 */
export function postHogKey(body: unknown): string | undefined {
  if (Array.isArray(body)) return eventKey(body[0]);
  if (!isObj(body)) return undefined;
  const direct = str(body.api_key) ?? str(body.token);
  if (direct) return direct;
  return Array.isArray(body.batch) ? eventKey(body.batch[0]) : eventKey(body);
}

const eventKey = (e: unknown) => (isObj(e) ? (str(e.api_key) ?? str(isObj(e.properties) ? e.properties.token : undefined)) : undefined);
