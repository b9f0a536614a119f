import { randomBytes, randomUUID } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
// The alphabet apiserver uses for generateName suffixes (no vowels, no confusable digits).
const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

export function randomLowerAlnum(length: number): string {
  return randomFrom(LOWER_ALNUM, length);
}

export function randomNameSuffix(): string {
  return randomFrom(NAME_SUFFIX_ALPHABET, 5);
}

export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

export function newUid(): string {
  return randomUUID();
}

/** Small deterministic PRNG (mulberry32) so injected faults are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
