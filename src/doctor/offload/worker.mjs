// The worker's entry point. Node 20 does not apply the main thread's TypeScript loader (tsx) to a
// worker, so this plain module loads worker.ts through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
