import { afterAll } from 'vitest';
import { removeScratch } from './scratch.ts';

// Registered before each file's own hooks, so it runs after them: the file's servers have stopped using its folders.
afterAll(removeScratch);
