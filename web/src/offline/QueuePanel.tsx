import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { addManyToOutbox } from './outbox.ts';
import { outboxFileName, outboxFileText, readOutboxFile } from './outbox-file.ts';
import { requestPersistence, type Persistence } from './persistence.ts';
import { syncNow } from './sync.ts';
import type { QueueStatus } from './use-queue-status.ts';

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  granted: 'This browser has promised to keep them until they are sent (persistent storage granted).',
  'not-granted': 'This browser has not promised persistent storage: if the tablet runs out of space it may clear them. Send them, or save them to a file, when you can.',
  unsupported: 'This browser cannot promise to keep them (no persistent storage): send them, or save them to a file, when you can.',
};

/**
 * The enumerator's view of this device's queue: how many interviews wait, when the server last
 * confirmed one, whether the browser will keep them, and the way round a tablet that cannot
 * reach the server: save them to a file, and load such a file on any signed-in device.
 */
export function QueuePanel({ status }: { status: QueueStatus }) {
  const [persistence, setPersistence] = useState<Persistence | undefined>();
  const [loadResult, setLoadResult] = useState<{ ok: boolean; text: string } | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void requestPersistence().then(setPersistence);
  }, []);

  const unsent = status.entries;
  const save = () => {
    const blob = new Blob([outboxFileText(unsent)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = outboxFileName();
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const entries = readOutboxFile(await file.text());
    if (entries instanceof Error) {
      setLoadResult({ ok: false, text: entries.message });
      return;
    }
    const { added, alreadyHere } = await addManyToOutbox(entries);
    setLoadResult({ ok: true, text: `${added} interview(s) from the file are queued and being sent${alreadyHere ? `; ${alreadyHere} were already on this device` : ''}. Each is stored once, whichever device sends it.` });
    void syncNow();
  };

  const lastConfirmed = status.lastConfirmed ? new Date(status.lastConfirmed).toLocaleString() : undefined;
  return (
    <section className="queue-panel" aria-labelledby="queue-title">
      <h2 id="queue-title">On this device</h2>
      <p role="status">
        <strong>{status.waiting}</strong> interview(s) waiting to be sent
        {status.needingAttention > 0 && <>, <strong>{status.needingAttention}</strong> needing attention</>}.{' '}
        {lastConfirmed ? `Last one confirmed by the server: ${lastConfirmed}.` : 'None confirmed by the server yet from this device.'}
      </p>
      {persistence && unsent.length > 0 && <p className="hint">{PERSISTENCE_TEXT[persistence]}</p>}
      <p>
        <button type="button" onClick={save} disabled={unsent.length === 0}>Save unsent interviews to a file</button>{' '}
        <button type="button" onClick={() => fileInput.current?.click()}>Load interviews from a file</button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden aria-label="Saved interviews file" onChange={(event) => void load(event)} />
      </p>
      {loadResult && <p className={`notice ${loadResult.ok ? 'notice-success' : 'notice-error'}`} role={loadResult.ok ? 'status' : 'alert'}>{loadResult.text}</p>}
    </section>
  );
}
