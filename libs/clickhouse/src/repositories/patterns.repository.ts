import { Injectable } from '@nestjs/common';
import type { PatternGroupBy } from '@hubpulse/contracts';
import { ClickHouseService } from '../clickhouse.service';
import type { Tables } from '../tables';

/** A purpose-index row of one day and group (the worker writes them, the API reads them). */
export interface PurposeRowRead {
  day: string;
  group_kind: PatternGroupBy;
  group_value: string;
  purpose: string;
  numerator: number;
  denominator: number;
  parts: Record<string, number>;
}

/** One item addressed to leaders, with its asker and the leader who replied first (person ids stay in the API). */
export interface LeaderItemRead {
  kind: string;
  asker_id: string;
  raised_at: string;
  first_reply_at: string | null;
  first_replier_id: string;
}

/** A change in a metric's count for one (department, location) cell from day index `k` on (see PURPOSE_PEOPLE_SQL). */
export interface CellDelta {
  department: string;
  location: string;
  metric: string;
  k: number;
  delta: number;
}

/** A change in the conversations (or led conversations) of a group from day index `k` on (PURPOSE_CONVERSATIONS_SQL). */
export interface GroupDelta {
  group_kind: PatternGroupBy;
  group_value: string;
  metric: 'conversations' | 'led';
  k: number;
  delta: number;
}

/** The union of the audiences linked to strategy goals, as PURPOSE_PEOPLE_SQL's parameters. */
export interface AudienceParams {
  aud_departments: string[];
  aud_locations: string[];
  aud_people: string[];
}

type Range = { from: string; to: string };

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
const PURPOSE_PEOPLE_SQL = (t: Tables, metricCount: number) => `
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
const PURPOSE_CONVERSATIONS_SQL = (t: Tables) => `
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
const PERSON_WEEKS_SQL = (t: Tables) => `
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
const LEADER_ITEMS_SQL = (t: Tables) => `
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

/**
 * SQL fragments for queries of other repositories that join pattern rows (the segment rule
 * compiler's persona and stage leaves): what "a person's week as of a day" means is written here only.
 */
export const patternsSql = {
  /** `columns` of every person's newest pattern_person_weeks row of a week on or before `asOf` (a Date expression). */
  personWeekAsOf: (t: Pick<Tables, 'pattern_person_weeks'>, asOf: string, columns: string): string =>
    `SELECT ${columns} FROM ${t.pattern_person_weeks} FINAL
    WHERE week = (SELECT max(week) FROM ${t.pattern_person_weeks} WHERE week <= ${asOf})`,
};

/**
 * The pattern tables — `pattern_purposes`, `pattern_person_weeks`, `pattern_leader_items` — and every
 * query over them: the pattern worker's writes (apps/worker/src/patterns) and the API's reads (the
 * Patterns and Strategy areas). Writes are idempotent per range: the rows of the days (weeks, items) a
 * run covers are written again with the run's stamp, then the range's older rows are deleted, so a
 * reader (FINAL, newest computed_at wins) never sees the range empty. Person ids are read only to
 * group people by the disclosure plan; they never leave the API.
 */
@Injectable()
export class PatternsRepository {
  constructor(private readonly ch: ClickHouseService) {}

  private get t() {
    return this.ch.tables;
  }

  // ── writes (pattern worker) ──

  /** The server's clock now, as the stamp of a run's rows ('YYYY-MM-DD hh:mm:ss.sss', UTC). */
  async stamp(): Promise<string> {
    const [{ stamp }] = await this.ch.rows<{ stamp: string }>(`SELECT toString(now64(3, 'UTC')) AS stamp`);
    return stamp;
  }

  /**
   * The people metrics of the purpose indices over [from, to] as running-sum deltas per cell.
   * `metrics`: name → mask of PURPOSE bits; `window`: W days; `audiences`: the strategy audiences' union.
   */
  purposePeopleDeltas(range: Range & { days: number; window: number; windowFrom: string }, metrics: Record<string, number>, audiences: AudienceParams): Promise<CellDelta[]> {
    const names = Object.keys(metrics);
    return this.ch.rows<CellDelta>(PURPOSE_PEOPLE_SQL(this.t, names.length), {
      ...this.purposeParams(range),
      metrics: names,
      ...Object.fromEntries(Object.values(metrics).map((m, i) => [`mask${i}`, m])),
      ...audiences,
    });
  }

  /** Conversations and led conversations over [from, to] as running-sum deltas per group. */
  purposeConversationDeltas(range: Range & { days: number; window: number; windowFrom: string }): Promise<GroupDelta[]> {
    return this.ch.rows<GroupDelta>(PURPOSE_CONVERSATIONS_SQL(this.t), this.purposeParams(range));
  }

  private purposeParams(r: Range & { days: number; window: number; windowFrom: string }) {
    return { from: r.from, to: r.to, wfrom: r.windowFrom, W: r.window, days: r.days };
  }

  /** Writes the purpose rows of [from, to] with `stamp` (in batches), then drops the range's older rows. */
  async replacePurposes(range: Range, rows: readonly PurposeRowRead[], stamp: string): Promise<void> {
    const table = this.t.pattern_purposes;
    for (let i = 0; i < rows.length; i += 50_000) {
      await this.ch.client.insert({ table, values: rows.slice(i, i + 50_000).map((r) => ({ ...r, computed_at: stamp })), format: 'JSONEachRow' });
    }
    await this.dropOlder(table, 'day', range, stamp);
  }

  /**
   * Persona and stage per person for the weeks [wfrom, wto] (Mondays), written with `stamp`; stats are
   * built from `sfrom` (the ambassador window before wfrom) over `weeks` weeks.
   */
  async replacePersonWeeks(
    weeks: { sfrom: string; wfrom: string; wto: string; weeks: number; window_rows: number; steady: number; other_departments: number; shares: number },
    stamp: string,
  ): Promise<void> {
    await this.ch.client.command({ query: PERSON_WEEKS_SQL(this.t), query_params: { ...weeks, stamp } });
    await this.dropOlder(this.t.pattern_person_weeks, 'week', { from: weeks.wfrom, to: weeks.wto }, stamp);
  }

  /** The items raised in [from, to] with their first leader reply, written with `stamp`. */
  async replaceLeaderItems(range: Range, stamp: string): Promise<void> {
    await this.ch.client.command({ query: LEADER_ITEMS_SQL(this.t), query_params: { ...range, stamp } });
    await this.dropOlder(this.t.pattern_leader_items, 'toDate(raised_at)', range, stamp);
  }

  private async dropOlder(table: string, dayExpr: string, range: Range, stamp: string): Promise<void> {
    await this.ch.client.command({
      query: `DELETE FROM ${table} WHERE ${dayExpr} BETWEEN {from:Date} AND {to:Date} AND computed_at < {stamp:DateTime64(3, 'UTC')}`,
      query_params: { ...range, stamp },
    });
  }

  /** Rows of pattern_person_weeks for the weeks (Mondays) of [from, to]. */
  countPersonWeeks(range: Range): Promise<number> {
    return this.count(this.t.pattern_person_weeks, 'week', range);
  }

  /** Rows of pattern_leader_items raised in [from, to]. */
  countLeaderItems(range: Range): Promise<number> {
    return this.count(this.t.pattern_leader_items, 'toDate(raised_at)', range);
  }

  private async count(table: string, dayExpr: string, range: Range): Promise<number> {
    const [c] = await this.ch.rows<{ n: string }>(`SELECT count() AS n FROM ${table} FINAL WHERE ${dayExpr} BETWEEN {from:Date} AND {to:Date}`, range);
    return Number(c?.n ?? 0);
  }

  // ── reads (Patterns and Strategy API) ──

  /** Newest day with purpose indices, or null. */
  async lastPurposeDay(): Promise<string | null> {
    const [r] = await this.ch.rows<{ d: string; n: string }>(`SELECT toString(max(day)) AS d, count() AS n FROM ${this.t.pattern_purposes}`);
    return r && Number(r.n) > 0 ? r.d : null;
  }

  /** Every group kind of every day (the release is decided over all of them, whatever the view asks for); `by` narrows for callers that show one kind. */
  async purposes(from: string, to: string, by?: PatternGroupBy): Promise<PurposeRowRead[]> {
    const rows = await this.ch.rows<Omit<PurposeRowRead, 'day' | 'purpose'> & { iso_day: string; purpose_key: string }>(
      `SELECT toString(day) AS iso_day, group_kind, group_value, toString(purpose) AS purpose_key, numerator, denominator, parts
       FROM ${this.t.pattern_purposes} FINAL
       WHERE day BETWEEN {from:Date} AND {to:Date} AND ({by:String} = '' OR group_kind = {by:String})
       ORDER BY purpose_key, group_kind, group_value, iso_day`,
      { from, to, by: by ?? '' },
    );
    return rows.map((r) => ({
      day: r.iso_day,
      group_kind: r.group_kind,
      group_value: r.group_value,
      purpose: r.purpose_key,
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      parts: mapNumbers(r.parts),
    }));
  }

  /**
   * Persona and stage of every person in the week of `monday`, as parallel arrays; the API groups
   * them by the plan. One row per week: at 100,000 people a range's person-weeks as rows (1.5M
   * objects) took seconds of the API's event loop to parse; a week of arrays takes milliseconds,
   * and the loop turns between weeks.
   */
  async personWeek(monday: string): Promise<{ people: string[]; personas: string[]; stages: string[] }> {
    const [row] = await this.ch.rows<{ people: string[]; personas: string[]; stages: string[] }>(
      `SELECT groupArray(person_id) AS people, groupArray(toString(persona)) AS personas, groupArray(toString(stage)) AS stages
       FROM ${this.t.pattern_person_weeks} FINAL
       WHERE week = {monday:Date}`,
      { monday },
    );
    return row ?? { people: [], personas: [], stages: [] };
  }

  /** Items raised in [from, to] (from ≤ to − LEADER_QUEUE_DAYS + 1 covers the queue too). */
  async leaderItems(from: string, to: string): Promise<LeaderItemRead[]> {
    return this.ch.rows<LeaderItemRead>(
      `SELECT toString(kind) AS kind, asker_id, toString(raised_at) AS raised_at, if(first_reply_at IS NULL, NULL, toString(first_reply_at)) AS first_reply_at, first_replier_id
       FROM ${this.t.pattern_leader_items} FINAL
       WHERE toDate(raised_at) BETWEEN {from:Date} AND {to:Date}`,
      { from, to },
    );
  }
}

function mapNumbers(m: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, Number(v)]));
}
