import { parentPort, workerData } from 'node:worker_threads';
import { trainWithProgress, type TrainingInput, type WorkerMessage } from './retrain-training.js';

/** Worker thread body (started by `trainInWorker` through retrain-worker.mjs): train, report, answer once. */
const port = parentPort;
if (!port) throw new Error('retrain-worker.ts runs only as a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);
const result = trainWithProgress(workerData as TrainingInput, (progress) => post({ kind: 'progress', progress }));
post({ kind: 'result', result });
