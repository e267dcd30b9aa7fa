import { fold } from './lines.js';

/**
 * How alike two titles are, 0–1: the Dice coefficient of their words (accents, case and
 * punctuation ignored; words of one or two letters and common articles dropped), or, when all
 * the words of the shorter title (at least three) appear in the longer, 0.9.
 */
const STOP = new Set([
  'del',
  'della',
  'delle',
  'dei',
  'degli',
  'dell',
  'nel',
  'nella',
  'nelle',
  'per',
  'con',
  'gli',
  'una',
  'uno',
  'alla',
  'alle',
  'allo',
  'agli',
  'dal',
  'dalla',
  'sul',
  'sulla',
  'che',
  'anche',
]);

export function titleWords(title: string): Set<string> {
  return new Set(
    fold(title)
      .replace(/'/g, ' ')
      .split(' ')
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

export function titleSimilarity(a: string, b: string): number {
  const A = titleWords(a);
  const B = titleWords(b);
  if (A.size === 0 || B.size === 0) return 0;
  let common = 0;
  for (const w of A) if (B.has(w)) common += 1;
  const dice = (2 * common) / (A.size + B.size);
  const shorter = Math.min(A.size, B.size);
  const contained = shorter >= 3 && common === shorter ? 0.9 : 0;
  return Math.max(dice, contained);
}
