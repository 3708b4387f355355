import { landingPath } from './landing';

describe('landingPath', () => {
  it('lands leadership on Strategy and everyone else on the overview', () => {
    expect(landingPath('leader')).toBe('/strategy');
    expect(['admin', 'planner', 'analyst', undefined].map(landingPath)).toEqual(['/overview', '/overview', '/overview', '/overview']);
  });
});
