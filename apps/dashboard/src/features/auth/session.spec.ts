import { loginUrl, safeReturnPath } from './session';

describe('safeReturnPath', () => {
  it('keeps a path on this site', () => {
    expect(safeReturnPath('/?range=30')).toBe('/?range=30');
  });

  it('refuses anything that could leave the site or loop', () => {
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/login', '/login?next=/']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});

describe('loginUrl', () => {
  it('remembers where the user was', () => {
    expect(loginUrl('/?range=30')).toBe('/login?next=%2F%3Frange%3D30');
    expect(loginUrl('/')).toBe('/login');
  });

  it('says when a session ended under an open page', () => {
    expect(loginUrl('/engagement', true)).toBe('/login?next=%2Fengagement&ended=1');
    expect(loginUrl('/', true)).toBe('/login?ended=1');
  });
});
