import { caseMachine } from './case-machine.ts';
import { eventLabel, stateLabel } from './labels.ts';

type Node = {
  key: string;
  id: string;
  states: Record<string, Node>;
  initial?: { target: { key: string }[] };
  transitions: Map<string, { eventType: string; target?: { key: string }[] }[]>;
  type: string;
};

/**
 * A Mermaid state diagram generated from the statechart itself (docs/procedure.md). The test in
 * tests/unit/diagram.test.ts fails when the committed file is out of date: run `npm run diagram`.
 */
export function procedureDiagram(): string {
  const lines = ['stateDiagram-v2', '  direction LR'];
  const label = (n: Node) => (Object.keys(n.states).length ? n.key : `${n.key}: ${n.key}<br/>${stateLabel(n.key)}`);
  const walk = (n: Node, indent: string) => {
    for (const child of Object.values(n.states)) {
      if (Object.keys(child.states).length) {
        lines.push(`${indent}state ${child.key} {`);
        if (child.initial) lines.push(`${indent}  [*] --> ${child.initial.target[0]?.key}`);
        walk(child, `${indent}  `);
        lines.push(`${indent}}`);
      } else if (child.key !== 'start') {
        lines.push(`${indent}${label(child)}`);
      }
    }
  };
  const root = caseMachine.root as unknown as Node;
  walk(root, '  ');
  lines.push('  [*] --> received: 仲裁申请');
  lines.push('  [*] --> mediation_in_progress: 调解申请');
  lines.push('  [*] --> review_received: 仲裁审查申请');
  const edges = new Set<string>();
  const collect = (n: Node) => {
    for (const [type, ts] of n.transitions) {
      for (const t of ts) {
        for (const target of t.target ?? []) {
          if (target.key === n.key) continue;
          edges.add(`  ${n.key} --> ${target.key}: ${eventLabel(type)}`);
        }
      }
    }
    for (const c of Object.values(n.states)) collect(c);
  };
  collect(root);
  lines.push(...[...edges].sort());
  lines.push('  archived --> [*]');
  return `${lines.join('\n')}\n`;
}

export function procedureMarkdown(): string {
  return [
    '# The procedure statechart',
    '',
    'Generated from `workflows/case-machine.ts` by `npm run diagram` — do not edit by hand.',
    'Self-transitions (service, defense, counterclaim, partial award, advance execution, extension, postponement; changes of',
    'claims, added parties, jurisdiction objections, recusal applications and decisions, the evidence period, consents of',
    'represented workers) are not drawn.',
    '',
    '```mermaid',
    procedureDiagram().trimEnd(),
    '```',
    '',
  ].join('\n');
}
