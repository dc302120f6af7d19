import type { Deadline, DeadlineStatus } from '../../workflows/deadlines.ts';

/** How a deadline's status reads in a history entry (the web's badges say the same, web/core.js `deadlineBadge`). */
const STATUS_WORDS: Record<DeadlineStatus, string> = {
  open: '进行中',
  met: '已完成',
  met_late: '逾期完成',
  overdue: '已逾期',
  elapsed: '已届满',
  paused: '暂停计算',
  unknown: '待定',
  ended: '不再计算',
  missed: '已错过',
};

export interface DeadlineChange {
  kind: string;
  label: string;
  partyId: number | null;
  before: { dueOn: string | null; status: DeadlineStatus; provisional: boolean } | null;
  after: { dueOn: string | null; status: DeadlineStatus; provisional: boolean } | null;
  text: string;
}

const facts = (d: Deadline) => ({ dueOn: d.dueOn, status: d.status, provisional: d.provisional ?? false });
const due = (f: { dueOn: string | null; provisional: boolean }) => `${f.dueOn ?? '未定'}${f.provisional ? '（预计）' : ''}`;

/**
 * legal55b L3, legal56b M1: what a calendar year loaded again changed of one case's deadlines — each deadline whose
 * due day or provisional mark moved, with its status before and after (an explanation's wording, or a status moved by
 * the days passing, alone is no change) — as its history entry says it. Deadlines are matched by kind, party and their order among those of the same kind and party.
 */
export function deadlineChanges(before: Deadline[], after: Deadline[]): DeadlineChange[] {
  const keyed = (list: Deadline[]) => {
    const seen = new Map<string, number>();
    return new Map(
      list.map((d) => {
        const k = `${d.kind}\u0000${d.partyId ?? 0}`;
        const n = (seen.get(k) ?? 0) + 1;
        seen.set(k, n);
        return [`${k}\u0000${n}`, d] as const;
      }),
    );
  };
  const was = keyed(before);
  const now = keyed(after);
  const out: DeadlineChange[] = [];
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(key);
    const a = now.get(key);
    const fb = b ? facts(b) : null;
    const fa = a ? facts(a) : null;
    // Only what the calendar moves: a due day or its provisional mark (its status goes with it — 逾期完成 → 已完成). A status
    // that moved alone moved with the days passing since the last sweep, not with the calendar (reviewer s56 B L4).
    if (fb && fa && fb.dueOn === fa.dueOn && fb.provisional === fa.provisional) continue;
    const d = (a ?? b) as Deadline;
    const text = !fb
      ? `${d.label}：新增，届满日 ${due(fa as NonNullable<typeof fa>)}（${STATUS_WORDS[(fa as NonNullable<typeof fa>).status]}）`
      : !fa
        ? `${d.label}：不再列出（原届满日 ${due(fb)}）`
        : [
            `${d.label}：`,
            fb.dueOn !== fa.dueOn || fb.provisional !== fa.provisional ? `届满日 ${due(fb)} → ${due(fa)}` : `届满日 ${due(fa)}`,
            fb.status !== fa.status ? `；${STATUS_WORDS[fb.status]} → ${STATUS_WORDS[fa.status]}` : '',
          ].join('');
    out.push({ kind: d.kind, label: d.label, partyId: d.partyId ?? null, before: fb, after: fa, text });
  }
  return out;
}
