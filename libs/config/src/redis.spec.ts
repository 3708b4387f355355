import { withoutPassword } from './redis';

describe('withoutPassword (Redis URLs in messages)', () => {
  it('replaces the password and keeps the rest', () => {
    expect(withoutPassword('redis://hub:s3cret@cache.internal:6380/2')).toBe('redis://hub:***@cache.internal:6380/2');
    expect(withoutPassword('rediss://:s3cret@cache.internal:6380')).toBe('rediss://:***@cache.internal:6380');
    expect(withoutPassword('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
