import { readTokenIn } from './read-tokens.service';

describe('readTokenIn', () => {
  it('takes a read token from a Bearer header and leaves sessions, write keys and other schemes alone', () => {
    expect(readTokenIn('Bearer hp_rt_abc')).toBe('hp_rt_abc');
    expect(readTokenIn('bearer   hp_rt_abc')).toBe('hp_rt_abc');
    expect(readTokenIn('Bearer hp_wk_abc')).toBeNull();
    expect(readTokenIn('Basic aHBfcnRfYWJjOg==')).toBeNull();
    expect(readTokenIn('Bearer hp_rt_abc extra')).toBeNull();
    expect(readTokenIn('hp_rt_abc')).toBeNull();
    expect(readTokenIn(undefined)).toBeNull();
  });
});
