/**
 * The V8 flags the server runs with — `npm start` passes them (package.json `start`), and so does every harness that
 * starts the server as an operator does (tests/helpers/server-process.ts, bench/api.ts, bench/login-flood.ts);
 * tests/unit/node-flags.test.ts keeps package.json and this list the same.
 *
 * `--max-semi-space-size=32` (MB; V8's default caps the young generation's semi-spaces at 16 MB on 64-bit): a request
 * allocates a few hundred kilobytes that die young (the case view, its JSON, the statechart's snapshot), so a larger
 * nursery is scavenged less often and copies fewer survivors per request. Issue 15: measured in bench/api.ts — see
 * the closing note of stop 62 for the figures. It costs at most 2 × 32 MB more resident memory.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
