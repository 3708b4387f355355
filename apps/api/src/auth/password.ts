import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import commonPasswordsText from './common-passwords.txt';

/**
 * Password storage: scrypt at OWASP's Password Storage Cheat Sheet recommendation (N=2^17, r=8, p=1:
 * 128 MiB and about a quarter to one second of one core per hash). Stored as `scrypt$N$salt$hash`
 * (r=8 and p=1 always), so a hash made with older parameters still verifies and is replaced on the
 * next successful sign-in (needsRehash).
 */
const SCRYPT_N = 2 ** 17;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const KEYLEN = 64;
/** scrypt needs 128·N·r bytes (128 MiB at N=2^17); Node's default limit is 32 MiB. */
const maxmemFor = (n: number) => 2 * 128 * n * SCRYPT_R;
/** Hashes with a larger N are refused rather than computed (a stored value cannot make us burn memory). */
const MAX_N = 2 ** 20;

function scryptAsync(password: string, salt: Buffer, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEYLEN, { N: n, r: SCRYPT_R, p: SCRYPT_P, maxmem: maxmemFor(n) }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The parts of a stored hash, or null when it is not one of ours. */
function parseHash(stored: string): { n: number; salt: Buffer; hash: Buffer } | null {
  const [kind, n, salt, hash, extra] = stored.split('$');
  const cost = Number(n);
  if (kind !== 'scrypt' || !salt || !hash || extra !== undefined) return null;
  // N must be a power of two above 1.
  if (!Number.isInteger(cost) || cost < 2 || cost > MAX_N || (cost & (cost - 1)) !== 0) return null;
  return { n: cost, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/** scrypt$N$salt$hash, salts and parameters stored with the hash. */
export async function hashPassword(password: string, n = SCRYPT_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, n);
  return `scrypt$${n}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scryptAsync(password, parsed.salt, parsed.n);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** True when a stored hash was made with weaker parameters than today's: rehash it once the password is known. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.n < SCRYPT_N;
}

let dummyHash: Promise<string> | undefined;

/**
 * The same work as verifying a real user's password, for an email nobody has: the answer (and its
 * timing) must not tell whether an account exists. Always false.
 */
export async function verifyDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
  return false;
}

// ── password rules ──

/**
 * Length over composition (NIST SP 800-63B §3.1.1.2, OWASP ASVS 2.1.1/2.1.2): at least 12
 * characters, at most 128, any characters (spaces and emoji too, counted as code points), no
 * required character classes. Refused: the 10,000 most common passwords (ignoring case, also with
 * digits or symbols added before or after) and the account's own email or its part before the @.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let commonPasswords: Set<string> | undefined;

function isCommon(lower: string): boolean {
  commonPasswords ??= new Set(commonPasswordsText.split('\n').filter((line) => line && !line.startsWith('#')));
  const bare = lower.replace(/^[\d\W_]+/u, '').replace(/[\d\W_]+$/u, '');
  return commonPasswords.has(lower) || (bare.length >= 4 && commonPasswords.has(bare));
}

/**
 * The rules a new password breaks, as "field: why" lines for a 400 (empty when it is fine). Call it
 * wherever a password is set: bootstrap admin, invite accept, own change, reset.
 */
export function checkPassword(password: string, opts: { email?: string; field?: string } = {}): string[] {
  const field = opts.field ?? 'password';
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [`${field}: must be at least ${PASSWORD_MIN_LENGTH} characters (got ${length}); a few words make a good one`];
  if (length > PASSWORD_MAX_LENGTH) return [`${field}: must be at most ${PASSWORD_MAX_LENGTH} characters`];
  const lower = password.toLowerCase();
  const email = opts.email?.trim().toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) return [`${field}: must not be the email address`];
  if (isCommon(lower)) return [`${field}: is one of the most common passwords; choose another`];
  return [];
}

/** Tokens and keys are long random strings, so a fast hash is enough to store them safely. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newToken = (prefix = '') => prefix + randomBytes(24).toString('base64url');
