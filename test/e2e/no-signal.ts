import type { Http2Bindings, HttpBindings } from '@hono/node-server';
import type { BrowserContext } from 'playwright-core';

/**
 * "No signal" for a tablet in a browser test, on both ends of the wire.
 *
 * `context.setOffline(true)` is the browser's end: navigator.onLine, the 'offline' and 'online'
 * events, and the requests of the page and of its service worker (playwright-core 1.65 applies it
 * to the worker too) failed inside the browser. It is an emulation, though, and not everything
 * goes through it: the browser's own update checks of the service worker script (GET /sw.js,
 * made by the browser, not by a page or a worker) reach the server with the context offline, a
 * few in every run of field-day.test.ts. A tablet out of range reaches nothing; a test that lets
 * the server answer such requests can find a new app version, or an interview stored, while the
 * tablet is "offline" (field-day.test.ts once found an interview stored then). So the server's
 * end closes, unanswered, every connection a browser opens while the signal is gone, as a dead
 * link would, and notes what it refused. The test's own requests (Node's fetch: a researcher
 * reading the API in the office) still get through.
 */
export class SignalGate {
  private gone = false;
  /** Browser requests that reached the server while the signal was gone, each refused: what went around the emulation. */
  readonly refused: string[] = [];

  setGone(gone: boolean): void {
    this.gone = gone;
  }

  /**
   * Says (on the console, not as a failure) what it refused since last asked. No tablet out of range
   * can send, so a refused request is the emulation's leak, not the app's; this names its path.
   */
  reportRefused(): void {
    const refused = this.refused.splice(0);
    if (refused.length > 0) console.warn(`Requests that went around context.setOffline(true), refused by the server:\n${refused.join('\n')}`);
  }

  /** Drops `request` (true) when the signal is gone and a browser sent it. */
  drops(request: Request, connection: { destroy(): void }): boolean {
    if (!this.gone || !fromBrowser(request)) return false;
    const url = new URL(request.url);
    const worker = request.headers.get('service-worker') ? ' (service worker script)' : '';
    this.refused.push(`${request.method} ${url.pathname}${worker}, referer ${request.headers.get('referer') ?? 'none'}`);
    connection.destroy();
    return true;
  }
}

type Fetch = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>;

/** A test server's `fetch` with `gate` in front: what a tablet with no signal sends is dropped before the app sees it. */
export function behindGate(fetch: Fetch, gate: SignalGate): Fetch {
  // A dropped request's connection is closed already: the answer returned for it is never sent.
  return (request, env) => (gate.drops(request, env.incoming.socket) ? new Response(null, { status: 503 }) : fetch(request, env));
}

/** Chromium names itself in every request it sends (pages, workers, the browser's own update checks); Node's fetch does not. */
function fromBrowser(request: Request): boolean {
  return /Chrome\//.test(request.headers.get('user-agent') ?? '');
}

/** The tablet leaves the range: the server stops hearing browsers, then the browser is told it is offline. */
export async function loseSignal(context: BrowserContext, gate: SignalGate): Promise<void> {
  gate.setGone(true);
  await context.setOffline(true);
}

/** Back in range: the server hears browsers again before the browser learns it is online (its 'online' event sends at once). */
export async function regainSignal(context: BrowserContext, gate: SignalGate): Promise<void> {
  gate.setGone(false);
  await context.setOffline(false);
}
