import { Rng, hashSeed } from './random';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = new Rng(42, 'x');
    const b = new Rng(42, 'x');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(new Rng(42, 'y').next()).not.toBe(seqA[0]);
    expect(new Rng(43, 'x').next()).not.toBe(seqA[0]);
  });

  it('hashes text seeds to 32 bits', () => {
    expect(hashSeed('acme')).toBe(hashSeed('acme'));
    expect(hashSeed('acme')).not.toBe(hashSeed('acme2'));
    expect(hashSeed('acme')).toBeLessThan(2 ** 32);
  });

  it('draws within bounds with plausible means', () => {
    const rng = new Rng(7);
    let sum = 0;
    let poisson = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const k = rng.int(3, 5);
      expect(k === 3 || k === 4 || k === 5).toBe(true);
      sum += u;
      poisson += rng.poisson(2.5);
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    expect(poisson / 20_000).toBeCloseTo(2.5, 1);
  });

  it('picks by weight', () => {
    const rng = new Rng(1);
    const hits = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) hits[rng.weightedIndex([1, 0, 3])]++;
    expect(hits[1]).toBe(0);
    expect(hits[2] / hits[0]).toBeGreaterThan(2.5);
    expect(hits[2] / hits[0]).toBeLessThan(3.5);
  });
});
