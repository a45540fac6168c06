import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for cookies and tokens, URL-safe. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** sha256 in hex: what we store instead of a session or token secret. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Compares two strings without leaking, through timing, how much of them matches. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(sha256(a));
  const right = Buffer.from(sha256(b));
  return timingSafeEqual(left, right) && a.length === b.length;
}
