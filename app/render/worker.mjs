// A render thread (piscina): PDF documents and report files, built off the main event loop (app/render/pool.ts).
// The thread is plain Node: tsx's scoped import loads the TypeScript task module (and what it imports) here, whether
// the main thread runs under tsx (npm start) or under a test runner.
import { tsImport } from 'tsx/esm/api';

const tasks = await tsImport('./tasks.ts', import.meta.url);

export default function render(task) {
  return tasks.runTask(task);
}
