import { describe, expect, it } from 'vitest';
import { BUILDERS } from '../../templates/kinds.ts';
import { sampleFor } from '../../templates/sample.ts';

// `npm run docs:samples` renders one of each kind from these samples for a person to look at (README "Documents"):
// each kind's sample is a case the kind belongs to — the 调解协议书 a mediation before arbitration that reached an
// agreement (it threw on the arbitration sample, and the script stopped there).
describe('document samples', () => {
  it('every kind builds from its sample', () => {
    for (const [kind, build] of Object.entries(BUILDERS)) {
      const specs = build(sampleFor(kind));
      expect(specs.length, kind).toBeGreaterThan(0);
    }
  });
});
