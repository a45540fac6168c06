import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread running a TypeScript module of ours. The project runs through tsx, and
 * Node 20 applies a loader given with --import to a worker's imports but not to its entry file, so
 * the entry is a line of JavaScript that registers tsx in the thread and then imports the module.
 */
export function startTsWorker(moduleUrl: string, workerData: unknown): Worker {
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })`;
  // The process's --cpu-prof flags carry over, so a profiled server writes each thread's profile too.
  return new Worker(code, { eval: true, execArgv: process.execArgv.filter((flag) => flag.startsWith('--cpu-prof')), workerData });
}

/** Asks a worker started by startTsWorker to close its connection and exit, and waits until it has. */
export function stopTsWorker(worker: Worker): Promise<void> {
  return new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    worker.postMessage('close');
  });
}
