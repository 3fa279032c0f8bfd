// No imports, on purpose: the seeds (`npm run seed`, `npm run demo`) run compiled without the @giftflow/* path
// aliases and import this file by its relative path.

/**
 * mulberry32: a tiny, well-known seeded PRNG (not for anything secret), numbers in [0, 1). The same seed gives the
 * same sequence on every run and machine: the seeded population, the demo's figures, the benchmark's event stream
 * and a fault run repeated from its seed all depend on that.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
