import { Injectable } from '@nestjs/common';
import { segmentMembersSql } from '@hubpulse/audiences';
import { ClickHouseService, scoresSql } from '@hubpulse/clickhouse';

/** The bit of each purpose in personMonthlyPurposes' masks. */
export const PURPOSE_BITS = { inform: 1, vision: 2, productivity: 4, engagement: 8, strategy: 16 } as const;

/** One person's score sums before and after a launch; g is T (targeted) or C (comparison). */
interface PanelRow {
  g: 'T' | 'C';
  before_sum: number;
  after_sum: number;
}

/**
 * The ClickHouse reads behind the engagement–KPI link that join several table families (events with
 * the catalogue and the directory; scores with a segment's membership and the directory): the scores
 * through ScoresRepository's scoresSql, the memberships through segmentMembersSql. Reads of one
 * family alone are its repository's (ScoresRepository.scoredDaysPerMonth, personMonthlySums,
 * lastScoredDay; PatternsRepository.lastPurposeDay). Values only through {name:Type} parameters.
 * No person id leaves here except inside the DiD panel rows, which carry none.
 */
@Injectable()
export class LinkAnalysisRepository {
  constructor(private readonly ch: ClickHouseService) {}

  private get t() {
    return this.ch.tables;
  }

  /** Current scores (scoresSql.current): the right model version for their day, an action in the lookback. */
  private scores(where: string): string {
    return scoresSql.current(this.t, where, 'day, person_id, score');
  }

  /** Events per month in the whole organisation: months without any are months without hub data. */
  async monthlyEvents(from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.ch.rows<{ month: string; n: string }>(
      `SELECT toString(toStartOfMonth(toDate(occurred_at))) AS month, count() AS n FROM ${this.t.events}
       WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date} GROUP BY month`,
      { from, to },
    );
    return new Map(rows.map((r) => [r.month, Number(r.n)]));
  }

  /**
   * Per calendar month (one row of parallel arrays, see ScoresRepository.personMonthlySums), each directory person's purposes served as a bit mask (inform 1, vision 2,
   * productivity 4, engagement 8, strategy 16: PURPOSE_BITS) — what each purpose index counts (the flags of the
   * pattern worker's PURPOSE_PEOPLE_SQL, with the month in place of the 28-day window). A reply to
   * someone else's item flags the replier and the item's author for engagement.
   */
  async personMonthlyPurposes(from: string, to: string): Promise<{ month: string; people: string[]; masks: number[] }[]> {
    const rows = await this.ch.rows<{ month: string; people: string[]; masks: number[] }>(
      `SELECT toString(month) AS month, groupArray(person) AS people, groupArray(m) AS masks
       FROM
       (
           SELECT month, tupleElement(pm, 1) AS person, groupBitOr(tupleElement(pm, 2)) AS m
           FROM
           (
               SELECT toStartOfMonth(toDate(e.occurred_at)) AS month, e.actor_id AS actor, a.author_id AS cat_author,
                      if(cat_author != '', cat_author, e.target_actor_id) AS author,
                      e.type IN ('comment', 'answer', 'feedback') AND e.content_id != '' AND author != '' AND author != actor AS reply,
                      toUInt32(
                          1 * (e.type = 'view' AND e.purpose = 'inform')
                        + 2 * ((e.purpose = 'vision' AND e.type != 'view') OR (e.type = 'feedback' AND e.channel = 'ceo_blog'))
                        + 4 * (e.type IN ('doc_share', 'feedback', 'task_update')
                               OR (e.channel = 'documents' AND e.type IN ('view', 'react', 'comment') AND cat_author != '' AND cat_author != actor))
                        + 8 * reply
                        + 16 * (e.purpose = 'strategy')) AS mask
               FROM (SELECT actor_id, target_actor_id, content_id, type, channel, purpose, occurred_at FROM ${this.t.events} FINAL
                     WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date}) AS e
               LEFT ANY JOIN (SELECT content_id, author_id FROM ${this.t.content} FINAL WHERE author_id != '') AS a ON a.content_id = e.content_id
           )
           ARRAY JOIN if(reply, [(actor, mask), (author, toUInt32(8))], [(actor, mask)]) AS pm
           WHERE tupleElement(pm, 2) != 0 AND tupleElement(pm, 1) IN (SELECT person_id FROM ${this.t.people} FINAL)
           GROUP BY month, person
       )
       GROUP BY month`,
      { from, to },
    );
    return rows.map((r) => ({ month: r.month, people: r.people, masks: r.masks.map(Number) }));
  }

  /**
   * The difference-in-differences panel of a segment: targeted = its current members, comparison =
   * everyone else in the directory in their departments; both hired before `hiredBefore` (or with no
   * hire date). Per person the score sums in [bfrom, bto] and [afrom, ato]; a day without a score adds 0.
   */
  async didPanel(segmentId: string, version: number | null, w: { bfrom: string; bto: string; afrom: string; ato: string }): Promise<PanelRow[]> {
    const rows = await this.ch.rows<{ g: 'T' | 'C'; b: number; a: number }>(
      `WITH ${this.groupsCte(version)}
       SELECT grp.g AS g, grp.person_id AS person_id, sumIf(s.score, s.day <= {bto:Date}) AS b, sumIf(s.score, s.day >= {afrom:Date}) AS a
       FROM grp
       LEFT JOIN (${this.scores('day BETWEEN {bfrom:Date} AND {ato:Date}')}) AS s ON s.person_id = grp.person_id
       GROUP BY g, person_id`,
      { seg: segmentId, seg_version: version ?? 0, hired_before: w.bfrom, ...w },
    );
    return rows.map((r) => ({ g: r.g, before_sum: Number(r.b), after_sum: Number(r.a) }));
  }

  /** Score sums per group (T, C) and month, and each group's size, for the parallel-trends chart. */
  async groupMonthly(
    segmentId: string,
    version: number | null,
    hiredBefore: string,
    from: string,
    to: string,
  ): Promise<{ sizes: Map<string, number>; sums: { g: string; month: string; s: number; contributors: number }[] }> {
    const params = { seg: segmentId, seg_version: version ?? 0, hired_before: hiredBefore, from, to };
    const [sizes, sums] = await Promise.all([
      this.ch.rows<{ g: string; n: string }>(`WITH ${this.groupsCte(version)} SELECT g, count() AS n FROM grp GROUP BY g`, params),
      this.ch.rows<{ g: string; month: string; s: number; contributors: string }>(
        `WITH ${this.groupsCte(version)}
         SELECT grp.g AS g, toString(toStartOfMonth(s.day)) AS month, sum(s.score) AS s, uniqExact(s.person_id) AS contributors
         FROM (${this.scores('day BETWEEN {from:Date} AND {to:Date}')}) AS s
         INNER JOIN grp ON grp.person_id = s.person_id
         GROUP BY g, month`,
        params,
      ),
    ]);
    return { sizes: new Map(sizes.map((r) => [r.g, Number(r.n)])), sums: sums.map((r) => ({ g: r.g, month: r.month, s: Number(r.s), contributors: Number(r.contributors) })) };
  }

  /**
   * People of the directory, whatever their hire date, in the departments the comparison group is
   * drawn from: with T and C (hired before the window) it gives the recent hires left out of both.
   */
  async didUniverse(segmentId: string, version: number | null, hiredBefore: string): Promise<number> {
    const [r] = await this.ch.rows<{ n: string }>(
      `WITH ${this.groupsCte(version)}
       SELECT count() AS n FROM ${this.t.people} FINAL
       WHERE toString(department) IN (SELECT department FROM dir WHERE person_id IN (SELECT person_id FROM mem))`,
      { seg: segmentId, seg_version: version ?? 0, hired_before: hiredBefore },
    );
    return Number(r?.n ?? 0);
  }

  /**
   * grp(g, person_id): the targeted and the comparison group. Params: seg, seg_version, hired_before.
   * `version`: the membership to target (pinned at launch); null = the segment's current one.
   */
  private groupsCte(version: number | null): string {
    const members = version !== null ? segmentMembersSql.of(this.t, '{seg:String}', '{seg_version:UInt64}') : segmentMembersSql.current(this.t, '{seg:String}');
    return `dir AS (SELECT person_id, toString(department) AS department FROM ${this.t.people} FINAL
                    WHERE hired_at IS NULL OR hired_at < {hired_before:Date}),
            mem AS (${members}),
            grp AS (
              SELECT 'T' AS g, person_id FROM dir WHERE person_id IN (SELECT person_id FROM mem)
              UNION ALL
              SELECT 'C' AS g, person_id FROM dir
              WHERE person_id NOT IN (SELECT person_id FROM mem)
                AND department IN (SELECT department FROM dir WHERE person_id IN (SELECT person_id FROM mem))
            )`;
  }
}
