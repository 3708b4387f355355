import type { Tables } from '@hubpulse/clickhouse';

/**
 * The pattern SQL. Values only through {name:Type} parameters; table names from Tables.
 * Every read of events and people is FINAL, so a retried event counts once and the newest
 * directory version wins. Day indices k are days since {from:Date}.
 */

/** Catalogue authors; replies and reactions without a target are aimed at the item's author. */
const AUTHORS = (t: Tables) => `(SELECT content_id, author_id FROM ${t.content} FINAL WHERE author_id != '')`;

/**
 * Coverage runs of sorted distinct day indices: each day t covers [t, t + W); overlapping coverage is
 * merged into runs [start, end). Built from neighbour gaps (arrayDifference), not from lambdas that
 * capture the array — a captured array is copied per element, which made this quadratic.
 */
const RUNS = (days: string) => `arrayZip(
    arrayFilter((x, gap) -> gap >= {W:Int32}, ${days}, arrayPushFront(arrayPopFront(arrayDifference(${days})), {W:Int32})),
    arrayMap(x -> x + {W:Int32}, arrayFilter((x, gap) -> gap >= {W:Int32}, ${days}, arrayPushBack(arrayPopFront(arrayDifference(${days})), {W:Int32}))))`;

/**
 * People metrics of the purpose indices as running-sum deltas per (department, location, metric).
 * Per person and metric, each active day t covers days [t, t + W − 1]; overlapping coverage is merged
 * into runs, and a run [s, e) becomes +1 at s and −1 at e (clipped to [hire day, days)). A running sum
 * over k then gives the people covered on each day, with no person counted twice.
 * Params: from, to, wfrom (= from − W + 1), W, days, metrics, masks, aud_departments, aud_locations, aud_people.
 */
export const PURPOSE_PEOPLE_SQL = (t: Tables, metricCount: number) => `
WITH
  flags AS (
    -- one scan of the events, joined once to the catalogue for the author of the item acted on
    SELECT tupleElement(pm, 1) AS person, t, tupleElement(pm, 2) AS mask
    FROM
    (
        SELECT e.actor_id AS actor, a.author_id AS cat_author, if(cat_author != '', cat_author, e.target_actor_id) AS author,
               toInt32(dateDiff('day', {from:Date}, toDate(e.occurred_at))) AS t,
               e.type IN ('comment', 'answer', 'feedback') AND e.content_id != '' AND author != '' AND author != actor AS reply,
               toUInt32(
                   1 * (e.type = 'view' AND e.purpose = 'inform')
                 + 2 * (e.purpose = 'vision' AND e.type != 'view')
                 + 4 * (e.type = 'feedback' AND e.channel = 'ceo_blog')
                 + 8 * (e.type = 'doc_share')
                 + 16 * (e.channel = 'documents' AND e.type IN ('view', 'react', 'comment', 'doc_share') AND cat_author != '' AND cat_author != actor)
                 + 32 * (e.type = 'feedback')
                 + 64 * (e.type = 'task_update')
                 + 128 * reply
                 + 256 * (e.purpose = 'strategy')) AS mask
        FROM (SELECT actor_id, target_actor_id, content_id, type, channel, purpose, occurred_at FROM ${t.events} FINAL
              WHERE toDate(occurred_at) BETWEEN {wfrom:Date} AND {to:Date}) AS e
        LEFT ANY JOIN ${AUTHORS(t)} AS a ON a.content_id = e.content_id
    ) AS x
    ARRAY JOIN if(x.reply, [(x.actor, x.mask), (x.author, toUInt32(128))], [(x.actor, x.mask)]) AS pm
    WHERE tupleElement(pm, 2) != 0
  ),
  runs AS (
    SELECT person, mm.1 AS metric, ${RUNS('mm.2')} AS runs
    FROM
    (
        -- one pass over the flags: per person, the sorted distinct active days of every metric
        SELECT person, ${Array.from({ length: metricCount }, (_, i) => `arraySort(groupUniqArrayIf(t, bitAnd(mask, {mask${i}:UInt32}) != 0)) AS m${i}`).join(',\n               ')}
        FROM flags
        GROUP BY person
    )
    ARRAY JOIN arrayFilter(x -> notEmpty(x.2), arrayZip({metrics:Array(String)}, [${Array.from({ length: metricCount }, (_, i) => `m${i}`).join(', ')}])) AS mm
  ),
  directory AS (
    SELECT person_id, toString(department) AS department, toString(location) AS location,
           if(hired_at IS NULL, -100000, toInt32(dateDiff('day', {from:Date}, assumeNotNull(hired_at)))) AS hire_k,
           has({aud_departments:Array(String)}, department) OR has({aud_locations:Array(String)}, location)
             OR has({aud_people:Array(String)}, person_id) AS member
    FROM ${t.people} FINAL
  )
SELECT department, location, metric, kd.1 AS k, toInt64(sum(kd.2)) AS delta
FROM
(
    SELECT p.department AS department, p.location AS location, r.metric AS metric,
           greatest(iv.1, 0, p.hire_k) AS s, least(iv.2, {days:Int32}) AS e
    FROM runs AS r
    INNER JOIN directory AS p ON p.person_id = r.person
    ARRAY JOIN r.runs AS iv
    WHERE s < e AND (r.metric != 'strategy' OR p.member)
)
ARRAY JOIN [(s, 1), (e, -1)] AS kd
WHERE kd.1 < {days:Int32}
GROUP BY department, location, metric, k
UNION ALL
SELECT department, location, metric, k, toInt64(count()) AS delta
FROM
(
    SELECT department, location, greatest(0, hire_k) AS k, arrayJoin(if(member, ['population', 'audience'], ['population'])) AS metric
    FROM directory
    WHERE hire_k < {days:Int32}
)
GROUP BY department, location, metric, k`;

/**
 * Two-way conversations as running-sum deltas per group (org, each department, each location): an
 * item is a conversation of a group on day k when someone other than its author replied to it in
 * [k − W + 1, k] and a participant of such a reply (the replier or the author) is in the group; it is
 * led on day k when, in the same window, a leader (not the author) replied too. Runs are built per
 * (item, group), so an item counts once per group; a led run is the overlap of a conversation run
 * and a run of leader replies (runs of one list are disjoint, so the overlaps are too).
 * Params: from, to, wfrom, W, days.
 */
export const PURPOSE_CONVERSATIONS_SQL = (t: Tables) => `
WITH
  replies AS (
    SELECT e.content_id AS item, e.actor_id AS actor, if(a.author_id != '', a.author_id, e.target_actor_id) AS author,
           toInt32(dateDiff('day', {from:Date}, toDate(e.occurred_at))) AS t
    FROM (SELECT actor_id, target_actor_id, content_id, occurred_at FROM ${t.events} FINAL
          WHERE type IN ('comment', 'answer', 'feedback') AND content_id != ''
            AND toDate(occurred_at) BETWEEN {wfrom:Date} AND {to:Date}) AS e
    LEFT ANY JOIN ${AUTHORS(t)} AS a ON a.content_id = e.content_id
    WHERE author != '' AND author != actor
  ),
  led AS (
    SELECT item, ${RUNS('days')} AS lruns
    FROM (SELECT item, arraySort(groupUniqArray(t)) AS days FROM replies
          WHERE actor IN (SELECT person_id FROM ${t.people} FINAL WHERE is_leader) GROUP BY item)
  ),
  cells AS (
    SELECT item, group_kind, group_value, ${RUNS('days')} AS runs
    FROM
    (
        SELECT x.item AS item, g.1 AS group_kind, g.2 AS group_value, arraySort(groupUniqArray(x.t)) AS days
        FROM (SELECT item, arrayJoin([actor, author]) AS person, t FROM replies) AS x
        INNER JOIN (SELECT person_id, toString(department) AS department, toString(location) AS location FROM ${t.people} FINAL) AS p
          ON p.person_id = x.person
        ARRAY JOIN [('org', ''), ('department', p.department), ('location', p.location)] AS g
        GROUP BY item, group_kind, group_value
    )
  ),
  spans AS (
    SELECT group_kind, group_value, 'conversations' AS metric, greatest(r.1, 0) AS s, least(r.2, {days:Int32}) AS e
    FROM cells ARRAY JOIN runs AS r
    UNION ALL
    SELECT c.group_kind, c.group_value, 'led', greatest(r.1, l.1, 0) AS s, least(r.2, l.2, {days:Int32}) AS e
    FROM cells AS c INNER JOIN led ON led.item = c.item
    ARRAY JOIN c.runs AS r
    ARRAY JOIN led.lruns AS l
  )
SELECT group_kind, group_value, metric, kd.1 AS k, toInt64(sum(kd.2)) AS delta
FROM spans
ARRAY JOIN [(s, 1), (e, -1)] AS kd
WHERE s < e AND kd.1 < {days:Int32}
GROUP BY group_kind, group_value, metric, k`;

/**
 * Persona and ambassador stage per person per ISO week. Stats are built for the weeks
 * [{sfrom}, {wto}] (sfrom = 7 weeks before wfrom, for the 8-week ambassador window); rows are written
 * for [{wfrom}, {wto}] only. Params: sfrom, wfrom, wto (Mondays), weeks (count from sfrom), lastDay.
 */
export const PERSON_WEEKS_SQL = (t: Tables) => `
INSERT INTO ${t.pattern_person_weeks}
  (week, person_id, department, location, actions, initiatives, responses, received, shares, other_departments, persona, stage, computed_at)
WITH
  directory AS (SELECT person_id, toString(department) AS department, toString(location) AS location, hired_at FROM ${t.people} FINAL),
  acts AS (
    SELECT actor_id AS person, toMonday(toDate(occurred_at)) AS wk, count() AS actions,
           countIf(type IN ('post', 'share', 'doc_share')) AS initiatives,
           countIf(type IN ('react', 'comment', 'answer', 'feedback')) AS responses,
           countIf(type IN ('share', 'doc_share')) AS shares
    FROM ${t.events} FINAL
    WHERE toDate(occurred_at) BETWEEN {sfrom:Date} AND {wto:Date} + 6
    GROUP BY person, wk
  ),
  inter AS (
    SELECT e.actor_id AS actor, if(e.target_actor_id != '', e.target_actor_id, a.author_id) AS receiver, toMonday(toDate(e.occurred_at)) AS wk
    FROM (SELECT actor_id, target_actor_id, content_id, occurred_at FROM ${t.events} FINAL
          WHERE type IN ('react', 'comment', 'answer', 'feedback', 'share', 'doc_share')
            AND toDate(occurred_at) BETWEEN {sfrom:Date} AND {wto:Date} + 6) AS e
    LEFT ANY JOIN ${AUTHORS(t)} AS a ON a.content_id = e.content_id
    WHERE receiver != '' AND receiver != actor
  ),
  recv AS (SELECT receiver AS person, wk, count() AS received FROM inter GROUP BY person, wk),
  xdept AS (
    SELECT i.actor AS person, i.wk AS wk, groupUniqArray(r.department) AS depts
    FROM inter AS i
    INNER JOIN directory AS r ON r.person_id = i.receiver
    INNER JOIN directory AS s ON s.person_id = i.actor
    WHERE r.department != s.department AND r.department != ''
    GROUP BY person, wk
  ),
  grid AS (
    SELECT person_id, department, location, wk
    FROM directory
    ARRAY JOIN arrayMap(i -> toDate({sfrom:Date}) + 7 * i, range(toUInt32({weeks:UInt32}))) AS wk
    WHERE hired_at IS NULL OR assumeNotNull(hired_at) <= wk + 6
  ),
  weekly AS (
    SELECT g.person_id AS person_id, g.department AS department, g.location AS location, g.wk AS wk,
           toUInt32(a.actions) AS actions, toUInt32(a.initiatives) AS initiatives, toUInt32(a.responses) AS responses,
           toUInt32(r.received) AS received, toUInt32(a.shares) AS shares, x.depts AS other_departments
    FROM grid AS g
    LEFT JOIN acts AS a ON a.person = g.person_id AND a.wk = g.wk
    LEFT JOIN recv AS r ON r.person = g.person_id AND r.wk = g.wk
    LEFT JOIN xdept AS x ON x.person = g.person_id AND x.wk = g.wk
  )
SELECT wk, person_id, department, location, actions, initiatives, responses, received, shares, other_departments,
       multiIf(actions = 0, 'inactive',
               initiatives + responses = 0, 'observer',
               initiatives = 0, 'responder',
               received >= 2 * (initiatives + responses), 'catalyst',
               responses > 0, 'engager',
               'broadcaster') AS persona,
       multiIf(w_actions = 0, 'inactive',
               w_gave_weeks = 0, 'observer',
               w_gave_weeks < {steady:UInt32}, 'contributor',
               length(w_depts) < {other_departments:UInt32}, 'steady',
               w_shares < {shares:UInt32}, 'connector',
               'ambassador') AS stage,
       {stamp:DateTime64(3, 'UTC')}
FROM
(
    SELECT *,
           sum(actions) OVER w AS w_actions,
           sum(initiatives + responses > 0) OVER w AS w_gave_weeks,
           sum(shares) OVER w AS w_shares,
           groupUniqArrayArray(other_departments) OVER w AS w_depts
    FROM weekly
    WINDOW w AS (PARTITION BY person_id ORDER BY wk ROWS BETWEEN {window_rows:UInt32} PRECEDING AND CURRENT ROW)
)
WHERE wk BETWEEN {wfrom:Date} AND {wto:Date}`;

/**
 * Questions (a post on qa) and CEO-blog feedback by people who are not leaders, raised on
 * [{from}, {to}], with the first answer by a leader other than the asker: on the same question, or
 * naming the feedback in properties.reply_to_event_id, and the leader who gave it (the API shows
 * reply numbers only where enough leaders answered).
 */
export const LEADER_ITEMS_SQL = (t: Tables) => `
INSERT INTO ${t.pattern_leader_items} (item_id, kind, asker_id, department, location, raised_at, first_reply_at, first_replier_id, computed_at)
WITH
  directory AS (SELECT person_id, toString(department) AS department, toString(location) AS location, is_leader FROM ${t.people} FINAL),
  items AS (
    SELECT event_id, if(channel = 'qa', 'qa', 'ceo_feedback') AS kind, actor_id AS asker, occurred_at AS raised_at,
           if(channel = 'qa', concat('c:', content_id), concat('e:', event_id)) AS key
    FROM ${t.events} FINAL
    WHERE ((type = 'post' AND channel = 'qa' AND content_id != '') OR (type = 'feedback' AND channel = 'ceo_blog'))
      AND toDate(occurred_at) BETWEEN {from:Date} AND {to:Date}
  ),
  replies AS (
    SELECT if(JSONExtractString(properties, 'reply_to_event_id') != '', concat('e:', JSONExtractString(properties, 'reply_to_event_id')),
              concat('c:', content_id)) AS key,
           actor_id AS replier, occurred_at AS at
    FROM ${t.events} FINAL
    WHERE type = 'answer' AND toDate(occurred_at) >= {from:Date}
      AND actor_id IN (SELECT person_id FROM directory WHERE is_leader)
  )
SELECT i.event_id, any(i.kind), any(i.asker), any(p.department), any(p.location), any(i.raised_at),
       if(countIf(r.at >= i.raised_at AND r.replier != i.asker AND r.key != '') = 0, NULL,
          minIf(r.at, r.at >= i.raised_at AND r.replier != i.asker AND r.key != '')),
       argMinIf(r.replier, r.at, r.at >= i.raised_at AND r.replier != i.asker AND r.key != ''),
       {stamp:DateTime64(3, 'UTC')}
FROM items AS i
INNER JOIN directory AS p ON p.person_id = i.asker AND NOT p.is_leader
LEFT JOIN replies AS r ON r.key = i.key
GROUP BY i.event_id`;
