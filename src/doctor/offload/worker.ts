/**
 * The analysis worker: the same synchronous rules path (redact → normalize → extract → rank),
 * on its own thread, so a long paste cannot hold up the chat adapters' event loop. Started through
 * worker.mjs, which loads this TypeScript with tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledEntry } from '../../catalog';
import { analysisMatcher, analyzeText } from '../analyze';
import { type AnalyzeRequest, type AnalyzeResponse, toWire } from './protocol';

const { catalog } = workerData as { catalog: CompiledEntry[] };
const matcher = analysisMatcher(catalog);
const port = parentPort!;

port.on('message', (request: AnalyzeRequest) => {
  let response: AnalyzeResponse;
  try {
    const a = analyzeText(request.text, matcher, new Date(request.now), request.findings);
    response = { id: request.id, analysis: toWire(a) };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message };
  }
  port.postMessage(response);
});
port.postMessage({ ready: true });
