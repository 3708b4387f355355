import { checkPassword, hashPassword, needsRehash, PASSWORD_MAX_LENGTH, verifyDummy, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes at N=2^17 (OWASP) with the parameters in the string, and verifies', async () => {
    const hash = await hashPassword('a long enough passphrase');
    expect(hash).toMatch(/^scrypt\$131072\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('a long enough passphrase', hash)).toBe(true);
    expect(await verifyPassword('a long enough passphrasE', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('still verifies hashes made with the old parameters (N=2^14), and marks them for a rehash', async () => {
    const old = await hashPassword('correct horse battery', 2 ** 14);
    expect(old.startsWith('scrypt$16384$')).toBe(true);
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('refuses malformed or absurd stored values without computing them', async () => {
    for (const stored of ['', 'bcrypt$x', 'scrypt$abc$c2FsdA==$aGFzaA==', 'scrypt$1000$c2FsdA==$aGFzaA==', `scrypt$${2 ** 24}$c2FsdA==$aGFzaA==`, 'scrypt$16384$c2FsdA==$aGFzaA==$extra']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('the dummy verification for unknown emails is always false and costs about a real verification', async () => {
    const hash = await hashPassword('some real password');
    await verifyDummy('warm-up'); // the dummy hash is made once, on first use
    const time = async (f: () => Promise<unknown>) => {
      const t = process.hrtime.bigint();
      await f();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const real = await time(() => verifyPassword('guess', hash));
    const dummy = await time(() => verifyDummy('guess'));
    expect(await verifyDummy('some real password')).toBe(false);
    // Both are one scrypt at the same parameters: a loose bound that a busy machine still meets.
    expect(dummy).toBeGreaterThan(real / 4);
    expect(dummy).toBeLessThan(real * 4);
  });
});

describe('checkPassword', () => {
  it('accepts long passphrases of any characters, without composition rules', () => {
    expect(checkPassword('correct horse battery')).toEqual([]);
    expect(checkPassword('ünïcödé pässwörd 🙂')).toEqual([]);
    expect(checkPassword('x'.repeat(PASSWORD_MAX_LENGTH))).toEqual([]);
  });

  it('names the field and the rule', () => {
    expect(checkPassword('short')).toEqual(['password: must be at least 12 characters (got 5); a few words make a good one']);
    expect(checkPassword('x'.repeat(PASSWORD_MAX_LENGTH + 1), { field: 'new_password' })).toEqual(['new_password: must be at most 128 characters']);
    expect(checkPassword('Someone@Example.com', { email: 'someone@example.com' })).toEqual(['password: must not be the email address']);
    expect(checkPassword('averylonglocalpart', { email: 'averylonglocalpart@example.com' })).toEqual(['password: must not be the email address']);
  });

  it('refuses the most common passwords, ignoring case and digits or symbols added around them', () => {
    for (const common of ['unbelievable', 'UNBELIEVABLE', 'password1234', 'qwertyuiop123!', '!!sunshine2024']) {
      expect(checkPassword(common)).toEqual(['password: is one of the most common passwords; choose another']);
    }
    expect(checkPassword('sunshine on the hill')).toEqual([]);
  });
});
