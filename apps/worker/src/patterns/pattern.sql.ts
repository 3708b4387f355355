import type { Tables } from '@hubpulse/clickhouse';

/**
 * The pattern SQL. Values only through {name:Type} parameters; table names from Tables.
 * Every read of events and people is FINAL, so a retried event counts once and the newest
 * directory version wins. Day indices k are days since {from:Date}.
 */

/** Catalogue authors; replies and reactions without a target are aimed at the item's author. */
const AUTHORS = (t: Tables) => `(SELECT content_id, author_id FROM ${t.content} FINAL WHERE author_id != '')`;

/**
 * People metrics of the purpose indices as running-sum deltas per (department, location, metric).
 * Per person and metric, each active day t covers days [t, t + W − 1]; overlapping coverage is merged
 * into runs, and a run [s, e) becomes +1 at s and −1 at e (clipped to [hire day, days)). A running sum
 * over k then gives the people covered on each day, with no person counted twice.
 * Params: from, to, wfrom (= from − W + 1), W, days, metrics, masks, aud_departments, aud_locations, aud_people.
 */
export const PURPOSE_PEOPLE_SQL = (t: Tables) => `
WITH
  flags AS (
    SELECT actor_id AS person, toDate(occurred_at) AS d,
           groupBitOr(toUInt32(
               1 * (type = 'view' AND purpose = 'inform')
             + 2 * (purpose = 'vision' AND type != 'view')
             + 4 * (type = 'feedback' AND channel = 'ceo_blog')
             + 8 * (type = 'doc_share')
             + 16 * (channel = 'documents' AND type IN ('view', 'react', 'comment', 'doc_share')
                     AND content_id IN (SELECT content_id FROM ${AUTHORS(t)})
                     AND (content_id, actor_id) NOT IN (SELECT content_id, author_id FROM ${AUTHORS(t)}))
             + 32 * (type = 'feedback')
             + 64 * (type = 'task_update')
             + 256 * (purpose = 'strategy'))) AS mask
    FROM ${t.events} FINAL
    WHERE toDate(occurred_at) BETWEEN {wfrom:Date} AND {to:Date}
    GROUP BY person, d
    UNION ALL
    SELECT arrayJoin([actor, author]) AS person, d, toUInt32(128) AS mask
    FROM
    (
        SELECT e.actor_id AS actor, if(a.author_id != '', a.author_id, e.target_actor_id) AS author, toDate(e.occurred_at) AS d
        FROM (SELECT actor_id, target_actor_id, content_id, occurred_at FROM ${t.events} FINAL
              WHERE type IN ('comment', 'answer', 'feedback') AND content_id != ''
                AND toDate(occurred_at) BETWEEN {wfrom:Date} AND {to:Date}) AS e
        LEFT ANY JOIN ${AUTHORS(t)} AS a ON a.content_id = e.content_id
        WHERE author != '' AND author != actor
    )
  ),
  runs AS (
    SELECT person, metric, days,
           arrayFilter((x, i) -> i = 1 OR x - days[i - 1] >= {W:Int32}, days, arrayEnumerate(days)) AS starts,
           arrayMap(x -> x + {W:Int32}, arrayFilter((x, i) -> i = length(days) OR days[i + 1] - x >= {W:Int32}, days, arrayEnumerate(days))) AS ends
    FROM
    (
        SELECT person, m.1 AS metric, arraySort(groupUniqArray(toInt32(dateDiff('day', {from:Date}, d)))) AS days
        FROM (SELECT person, d, groupBitOr(mask) AS mask FROM flags GROUP BY person, d)
        ARRAY JOIN arrayFilter(m -> bitAnd(mask, m.2) != 0, arrayZip({metrics:Array(String)}, {masks:Array(UInt32)})) AS m
        GROUP BY person, metric
    )
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
    ARRAY JOIN arrayZip(r.starts, r.ends) AS iv
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
 * Two-way conversations per day index and group: an item is a conversation on day k when someone
 * other than its author replied to it in [k − W + 1, k]; it belongs to a group when a participant
 * (a replier or the author) of such a reply in the window is in that group; it is led when a leader
 * (not the author) replied in the window. Params: from, to, wfrom, W, days.
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
    SELECT item, groupUniqArray(t) AS ldays FROM replies
    WHERE actor IN (SELECT person_id FROM ${t.people} FINAL WHERE is_leader)
    GROUP BY item
  ),
  cells AS (
    SELECT x.item AS item, toString(p.department) AS department, toString(p.location) AS location, groupUniqArray(x.t) AS days
    FROM (SELECT item, arrayJoin([actor, author]) AS person, t FROM replies) AS x
    INNER JOIN (SELECT person_id, department, location FROM ${t.people} FINAL) AS p ON p.person_id = x.person
    GROUP BY item, department, location
  )
SELECT k, g.1 AS group_kind, g.2 AS group_value, uniqExact(item) AS conversations, uniqExactIf(item, is_led) AS led
FROM
(
    SELECT c.item AS item, c.department AS department, c.location AS location, k,
           arrayExists(x -> x <= k AND x > k - {W:Int32}, l.ldays) AS is_led
    FROM cells AS c
    LEFT JOIN led AS l ON l.item = c.item
    ARRAY JOIN arrayFilter(i -> arrayExists(x -> x <= i AND x > i - {W:Int32}, c.days), range(toInt32(0), {days:Int32})) AS k
)
ARRAY JOIN [('org', ''), ('department', department), ('location', location)] AS g
GROUP BY k, group_kind, group_value`;

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
       now64(3)
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
 * naming the feedback in properties.reply_to_event_id.
 */
export const LEADER_ITEMS_SQL = (t: Tables) => `
INSERT INTO ${t.pattern_leader_items} (item_id, kind, asker_id, department, location, raised_at, first_reply_at, computed_at)
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
       now64(3)
FROM items AS i
INNER JOIN directory AS p ON p.person_id = i.asker AND NOT p.is_leader
LEFT JOIN replies AS r ON r.key = i.key
GROUP BY i.event_id`;
