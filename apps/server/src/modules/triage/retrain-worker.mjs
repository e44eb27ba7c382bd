// Entry of the classifier training worker thread. The server runs from TypeScript sources (tsx under
// `npm start`, vitest in tests) and a worker thread gets neither's transform, so tsx's loader is registered here
// before the TypeScript body is imported. Plain JavaScript because nothing could load TypeScript yet.
import { register } from 'tsx/esm/api';

register();
await import('./retrain-worker.ts');
