import type { EventRecord } from '../../db/stores/cases.ts';
import { cstDate } from '../../workflows/dates.ts';

/**
 * The original of an act's document (reviewer docsfix H1). Once a decision document of an act is issued — an award
 * (both parts of a mixed one), a partial award, an advance-execution ruling, a 调解书, a 不予受理通知书, a 决定书 — its
 * text is fixed: a mistake in it is put right by a 补正 decision (Rules Art. 54: "裁决书中的文字、计算错误或者仲裁庭
 * 已经裁决但在裁决书中遗漏的事项"), never by printing the act again with other text under the same number. The
 * original is the first issued (non-draft) generation of the act; a reprint answers it again, and a court package
 * encloses it once.
 */
export interface GenerationEntry {
  seq: number;
  kind: string;
  draft: boolean;
  text: Record<string, unknown>;
  /** A decision's day (its document's date), kept with the act. */
  madeOn: string | null;
  documents: { id: number; caseNo?: string | null }[];
  /** The day it was issued (China time). */
  issuedOn: string;
  /** A 决定书's printed content (a hash of what it printed, legal58b #2): a later request printing other facts issues a new version. */
  printed: string | null;
  /** A new version of a 决定书: the documents of the version it replaces, and the day that one was issued. */
  replaces: { documents: number[]; issuedOn: string } | null;
}

/** Kinds whose issued document is an act's decision, fixed once issued (one original per act). */
export const ACT_KINDS = new Set([
  'award',
  'partial_award',
  'advance_execution_ruling',
  'mediation_document',
  'rejection_notice',
  'decision',
]);

/** The event that makes the act a kind prints: a later one of the type (an award made again) starts a new original. */
const MADE_BY: Record<string, string> = { award: 'ISSUE_AWARD', mediation_document: 'MEDIATION_AGREED', rejection_notice: 'REJECT' };

/** Each GENERATE_DOCUMENT of the history, in order. */
export function generations(events: EventRecord[]): GenerationEntry[] {
  return events.flatMap((e) => {
    if (e.type !== 'GENERATE_DOCUMENT') return [];
    const p = (e.payload ?? {}) as {
      kind?: string;
      draft?: boolean;
      madeOn?: string;
      text?: Record<string, unknown>;
      documents?: { id: number; caseNo?: string | null }[];
      printed?: string;
      replaces?: { documents: number[]; issuedOn: string };
    };
    return [
      {
        seq: e.seq,
        kind: p.kind ?? '',
        draft: p.draft === true,
        text: p.text ?? {},
        madeOn: p.madeOn ?? null,
        documents: p.documents ?? [],
        issuedOn: cstDate(e.recordedAt),
        printed: p.printed ?? null,
        replaces: p.replaces ?? null,
      },
    ];
  });
}

/**
 * s64 D #2: the 决定书 matters that can be decided more than once, each its own act numbered by `occurrence`
 * (templates/kinds.ts decisionActDays): a suspension, an extension, a jurisdiction objection's decision, a written
 * recusal decision, one applicant's deemed withdrawal.
 */
export const REPEATED_MATTERS = new Set(['suspension', 'extension', 'jurisdiction', 'recusal', 'deemed_withdrawal']);

/**
 * Which act a generation prints: the kind, and the partial award or ruling (its occurrence); a 决定书 is one act per
 * matter and day (its text is the record's: the day tells which) and, of a matter decided more than once, per its
 * occurrence too (s64 D #2: suspended, resumed and suspended again on one day are two suspensions, two decisions — the
 * request's occurrence is resolved, the latest where none is named, and kept with the generation) — a 补正 per the
 * document it corrects and its text (several corrections are several acts). A generation of a repeated matter kept
 * without its occurrence (before stop 62) has the day alone (`legacy`: the key such a generation has).
 */
export function actKey(kind: string, text: Record<string, unknown>, madeOn: string | null, legacy = false): string | null {
  if (!ACT_KINDS.has(kind)) return null;
  if (kind === 'partial_award' || kind === 'advance_execution_ruling') return `${kind}#${text.occurrence ?? ''}`;
  if (kind === 'decision') {
    const { matter, corrects, body, decidedOn, occurrence } = text;
    if (matter === 'correction') return `decision#correction#${JSON.stringify([corrects ?? null, body ?? null, decidedOn ?? null])}`;
    if (!madeOn) return null; // an entry from before the day was kept with it: not told apart, left as it is
    const nth = !legacy && REPEATED_MATTERS.has(String(matter)) && occurrence !== undefined ? `#${occurrence}` : '';
    return `decision#${matter ?? ''}#${madeOn}${nth}`;
  }
  return kind;
}

/**
 * The original generation of each act the history holds (the first issued one after the act was made) — or, for a
 * 决定书 issued again because what it prints changed (legal58b #2: a date correction or a calendar year loaded moved the
 * extended limit; `replaces`), its latest version: the one a request answers and a court package holds as current.
 */
export function originals(events: EventRecord[]): Map<string, GenerationEntry> {
  const made = new Map<string, number>();
  for (const e of events) for (const [kind, type] of Object.entries(MADE_BY)) if (e.type === type) made.set(kind, e.seq as number);
  const out = new Map<string, GenerationEntry>();
  for (const g of generations(events)) {
    const key = actKey(g.kind, g.text, g.madeOn);
    if (key === null || g.draft || !g.documents.length) continue;
    if (g.seq < (made.get(g.kind) ?? 0)) continue;
    if (!out.has(key) || g.replaces) out.set(key, g);
  }
  return out;
}
