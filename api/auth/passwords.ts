import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * scrypt parameters: N=2^15, r=8, p=1 uses 32 MiB per hash, which makes guessing expensive
 * while one sign-in stays well under 100 ms on a small server.
 */
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64), so parameters can be raised later. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N: COST, r: BLOCK_SIZE, p: PARALLELISM, maxmem: MAX_MEMORY });
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, cost, blockSize, parallelism, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(cost), r: Number(blockSize), p: Number(parallelism), maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password: spent on unknown e-mails so a failed sign-in takes as long either way. */
export const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

/** A random password of 20 URL-safe characters (120 bits), for new accounts. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

export const MIN_PASSWORD_LENGTH = 12;
