import type { SessionDto, UserDto } from '@hubpulse/contracts';
import { countPeople, describeUserAgent, inviteBody, inviteErrors, lastSignInText, lockReason, sortSessions, sortUsers } from './people.transform';

const user = (id: string, extra: Partial<UserDto> = {}): UserDto => ({
  id,
  email: `${id}@example.com`,
  name: id.toUpperCase(),
  role: 'analyst',
  active: true,
  status: 'active',
  last_sign_in_at: null,
  created_at: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('people', () => {
  it('sorts active, invited, deactivated, by name', () => {
    const users = [user('d', { status: 'deactivated', active: false }), user('b', { status: 'invited' }), user('c'), user('a')];
    expect(sortUsers(users).map((u) => u.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('locks the own row and the last active admin', () => {
    const admin = user('admin', { role: 'admin' });
    const other = user('x');
    const counts = countPeople([admin, other, user('old', { role: 'admin', active: false, status: 'deactivated' })]);
    expect(counts).toEqual({ total: 3, byStatus: { active: 2, invited: 0, deactivated: 1 }, activeAdmins: 1 });
    expect(lockReason(admin, 'me', counts)).toMatch(/last active admin/);
    expect(lockReason(other, 'x', counts)).toMatch(/This is you/);
    expect(lockReason(other, 'me', counts)).toBeNull();
    expect(lockReason(admin, 'me', countPeople([admin, user('b2', { role: 'admin' })]))).toBeNull();
  });

  it('checks and shapes the invite', () => {
    expect(inviteErrors({ email: '', name: '', role: 'analyst' })).toEqual({ email: 'is required' });
    expect(inviteErrors({ email: 'nope', name: '', role: 'analyst' })).toEqual({ email: 'must be an email address' });
    expect(inviteBody({ email: ' a@b.co ', name: ' ', role: 'planner' })).toEqual({ email: 'a@b.co', role: 'planner' });
    expect(inviteBody({ email: 'a@b.co', name: ' Ana ', role: 'leader' })).toEqual({ email: 'a@b.co', name: 'Ana', role: 'leader' });
  });

  it('says never for no sign-in', () => {
    expect(lastSignInText(null)).toBe('Never');
    expect(lastSignInText('2026-03-05T09:30:00Z')).toBe('Mar 5, 2026, 09:30 UTC');
  });
});

describe('sessions', () => {
  const s = (id: string, current: boolean, seen: string | null): SessionDto => ({ id, created_at: '2026-01-01T00:00:00Z', last_seen_at: seen, user_agent: null, current });

  it('puts this session first, then the latest seen', () => {
    expect(sortSessions([s('a', false, '2026-01-02T00:00:00Z'), s('b', true, null), s('c', false, '2026-01-03T00:00:00Z')]).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });

  it('names browsers and systems', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36')).toBe('Chrome on Windows');
    expect(describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox on macOS');
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toBe('Safari on iOS');
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36')).toBe('Headless Chrome on Linux');
    expect(describeUserAgent('curl/8.5.0')).toBe('curl');
    expect(describeUserAgent(null)).toBe('Unknown device');
  });
});
