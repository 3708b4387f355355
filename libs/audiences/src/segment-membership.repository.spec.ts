import { segmentMembersSql } from './segment-membership.repository';

const t = { segment_members: 'db.segment_members', segment_runs: 'db.segment_runs' };
const flat = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** The fragments other repositories join memberships through: one definition of "a membership" and "the current one". */
describe('segmentMembersSql', () => {
  it('selects the members of one version', () => {
    expect(segmentMembersSql.of(t, '{seg:String}', '{v:UInt64}')).toBe('SELECT person_id FROM db.segment_members WHERE segment_id = {seg:String} AND version = {v:UInt64}');
  });

  it("selects the current members: the newest version an 'ok' run names", () => {
    expect(flat(segmentMembersSql.current(t, '{seg:String}'))).toBe(
      "SELECT person_id FROM db.segment_members WHERE segment_id = {seg:String} AND version = (SELECT max(version) FROM db.segment_runs WHERE segment_id = {seg:String} AND status = 'ok')",
    );
  });
});
