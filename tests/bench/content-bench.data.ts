import type { ClickHouseService } from '@hubpulse/clickhouse';

/** The data bench:content adds to bench:segments': an audience segment, items aimed at it, newsletter issues. */
export const SEGMENT = 'bench-dept-3';
export const ISSUES = 26;

/** A segment of Dept 3 with a computed membership, a fifth of the items aimed at it, and 26 newsletter issues. */
export async function addContentData(ch: ClickHouseService, PEOPLE: number, AS_OF: string): Promise<void> {
  const t = ch.tables;
  await ch.client.command({
    query: `INSERT INTO ${t.segment_members} (segment_id, version, person_id)
      SELECT {seg:String}, 1, concat('p', toString(number)) FROM numbers({people:UInt64}) WHERE number % 12 = 3`,
    query_params: { seg: SEGMENT, people: PEOPLE },
  });
  await ch.client.command({
    query: `INSERT INTO ${t.segment_runs} (segment_id, version, definition_version, as_of, computed_at, size, entered, \`left\`, status, ms)
      SELECT {seg:String}, 1, 1, toDate({asOf:Date}), now64(3), count(), count(), 0, 'ok', 0 FROM ${t.segment_members} WHERE segment_id = {seg:String}`,
    query_params: { seg: SEGMENT, asOf: AS_OF },
  });
  await ch.client.command({
    query: `INSERT INTO ${t.content} (content_id, channel, purpose, author_id, title, audience_segment_id, published_at, version)
      SELECT content_id, channel, purpose, author_id, title, {seg:String}, published_at, 2 FROM ${t.content} FINAL
      WHERE toUInt64(substring(content_id, 2)) % 5 = 0`,
    query_params: { seg: SEGMENT },
  });
  // Issue i goes out on the Monday i weeks before AS_OF to the people with number % 5 = i % 5.
  await ch.client.command({
    query: `INSERT INTO ${t.events} (event_id, type, actor_id, occurred_at, content_id, channel, purpose, properties, source, key_id, ingested_at)
      SELECT concat('nl-', toString(i), '-', toString(p), '-', kind) AS id,
             ['newsletter_send', 'newsletter_open', 'newsletter_open', 'newsletter_click'][kind + 1] AS type,
             concat('p', toString(p)),
             toDateTime64(toMonday(toDate({asOf:Date})) - 7 * i, 3, 'UTC') + toIntervalHour(7)
               + toIntervalSecond([0, 30, 3600 + cityHash64(p, i) % 86400, 3700 + cityHash64(p, i) % 86400][kind + 1]) AS at,
             concat('nl-', toString(i)), 'newsletter', 'inform',
             if(kind = 3, concat('{"issue":"nl-', toString(i), '","link":"https://hub/', ['a', 'a', 'b', 'c'][1 + cityHash64(p, i, 2) % 4], '"}'),
                concat('{"issue":"nl-', toString(i), '"}')),
             'bench', 'bench', at + toIntervalMinute(1)
      FROM (SELECT number % ${ISSUES} AS i, intDiv(number, ${ISSUES}) * 5 + (number % ${ISSUES}) % 5 AS p FROM numbers({sends:UInt64})) AS r
      ARRAY JOIN [0, 1, 2, 3] AS kind
      WHERE p < {people:UInt64}
        AND (kind = 0 OR (kind = 1 AND cityHash64(p, i, 1) % 20 = 0) OR (kind = 2 AND cityHash64(p, i, 1) % 5 < 2) OR (kind = 3 AND cityHash64(p, i, 1) % 5 = 0))`,
    query_params: { asOf: AS_OF, people: PEOPLE, sends: Math.ceil(PEOPLE / 5) * ISSUES },
  });
  // The catalogue rows of the issues, so they have titles.
  await ch.client.command({
    query: `INSERT INTO ${t.content} (content_id, channel, purpose, author_id, title, published_at, version)
      SELECT concat('nl-', toString(number)), 'newsletter', 'inform', 'p1', concat('Weekly ', toString(number)),
             toDateTime64(toMonday(toDate({asOf:Date})) - 7 * number, 3, 'UTC') + toIntervalHour(7), 1
      FROM numbers(${ISSUES})`,
    query_params: { asOf: AS_OF },
  });
}

