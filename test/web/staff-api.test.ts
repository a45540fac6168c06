import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestError } from '../../web/src/lib/api.ts';
import { staffFetch } from '../../web/src/lib/staff-api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

function serverAnswers(status: number, body?: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })));
}

describe('calling the API as the signed-in user', () => {
  it('returns the JSON body, and nothing for 204', async () => {
    serverAnswers(200, { surveys: [{ slug: 'bih-police-trust' }] });
    await expect(staffFetch('/api/interviews')).resolves.toEqual({ surveys: [{ slug: 'bih-police-trust' }] });
    serverAnswers(204);
    await expect(staffFetch('/api/session', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it("throws the server's message and field details, as the pages show them", async () => {
    serverAnswers(422, { error: { type: 'validation', message: 'Invalid draft', details: [{ field: 'meta.languages', issue: 'at least one language' }] } });
    const failure = await staffFetch('/api/surveys', { method: 'POST', body: {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestError);
    expect(failure).toMatchObject({ message: 'Invalid draft', status: 422, details: [{ field: 'meta.languages', issue: 'at least one language' }] });
  });

  it('says which HTTP status came back when the answer is not JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    await expect(staffFetch('/api/interviews')).rejects.toMatchObject({ message: 'HTTP 502', status: 502 });
  });
});
