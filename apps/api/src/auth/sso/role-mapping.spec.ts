import { parseRoleMap } from '@hubpulse/config';
import { mapRole } from './role-mapping';

describe('role mapping', () => {
  const roleMap = parseRoleMap('hubpulse-admins:admin, hubpulse-leaders:leader,/corp/planners:planner,urn:corp:analysts:analyst') as Exclude<ReturnType<typeof parseRoleMap>, string>;
  const sso = { roleClaim: 'groups', roleMap, defaultRole: null };

  it('parses value:role pairs, the role after the last colon', () => {
    expect(roleMap.map((m) => `${m.value}→${m.role}`)).toEqual(['hubpulse-admins→admin', 'hubpulse-leaders→leader', '/corp/planners→planner', 'urn:corp:analysts→analyst']);
    expect(parseRoleMap('admins:owner')).toMatch(/not a role/);
    expect(parseRoleMap('admins')).toMatch(/not value:role/);
    expect(parseRoleMap(' , ')).toMatch(/no value:role/);
  });

  it('gives the first of admin, leader, planner, analyst among the matches', () => {
    expect(mapRole({ groups: ['x', 'urn:corp:analysts', 'hubpulse-leaders'] }, sso)).toBe('leader');
    expect(mapRole({ groups: ['/corp/planners'] }, sso)).toBe('planner');
    expect(mapRole({ groups: 'hubpulse-admins other' }, sso)).toBe('admin');
  });

  it('falls back to the default role, else refuses (null)', () => {
    expect(mapRole({ groups: ['marketing'] }, sso)).toBeNull();
    expect(mapRole({}, sso)).toBeNull();
    expect(mapRole({ groups: ['marketing'] }, { ...sso, defaultRole: 'analyst' })).toBe('analyst');
  });

  it('reads nested claims by a dotted path, and claims whose name holds dots', () => {
    expect(mapRole({ realm_access: { roles: ['hubpulse-admins'] } }, { ...sso, roleClaim: 'realm_access.roles' })).toBe('admin');
    expect(mapRole({ 'https://corp.example/roles': ['hubpulse-leaders'] }, { ...sso, roleClaim: 'https://corp.example/roles' })).toBe('leader');
  });
});
