import type { Result, Router } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';

/** How many (method, path) pairs are remembered; past that the memo starts afresh, so it stays small. */
const REMEMBERED = 256;

/**
 * Hono's TrieRouter (the one its default SmartRouter settles on for this app's routes) with its
 * answers remembered per method and path. A submission's path is the same for every respondent of
 * a survey, and walking the trie of some eighty routes for it was ≈ 3 µs of each submission's
 * request-thread time (docs/benchmarks.md, "Ingest: the HTTP path"). The answer is a pure function
 * of the routes, the method and the path, and Hono only reads it; adding a route forgets them all.
 */
export class MemoRouter<T> implements Router<T> {
  readonly name = 'MemoRouter';
  readonly #trie = new TrieRouter<T>();
  readonly #answers = new Map<string, Result<T>>();

  add(method: string, path: string, handler: T): void {
    this.#answers.clear();
    this.#trie.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    let answer = this.#answers.get(key);
    if (answer === undefined) {
      answer = this.#trie.match(method, path);
      if (this.#answers.size >= REMEMBERED) this.#answers.clear();
      this.#answers.set(key, answer);
    }
    return answer;
  }
}
