import { type AnyActor, type AnyActorScope, type AnyStateMachine, createActor } from 'xstate';
import { caseMachine, initialContext, MACHINE_VERSION, type MachineContext } from './case-machine.ts';
import { addDays } from './dates.ts';
import { DEFAULT_PERIODS } from './periods.ts';
import { addedContext, type CaseInput, EVENT_TYPES, type EventType, type ProcEvent } from './procedure-types.ts';
import { checkRules, PRECONDITIONS, partialRemediesOf, partialRemedyOffered, setAsideCourtWarning, type Violation } from './rules.ts';
import { isWorkerId } from './sides.ts';

export type Snapshot = ReturnType<typeof caseMachine.resolveState>;

/** What is stored per case: the state value and context, with the machine version that made them. */
export interface PersistedSnapshot {
  machineVersion: number;
  value: unknown;
  context: MachineContext;
}

export function startCase(input: CaseInput): PersistedSnapshot {
  // The initial state depends on the track alone (the start state's eventless transitions read only `track`; no state
  // on the way has an entry action), and its context is `initialContext(input)`: the statechart builds it once per
  // track, later registrations take its value (issue 15: XState's initial macrostep was ~0.2 ms of a registration).
  const value = initialValues.get(input.track);
  if (value !== undefined) return { machineVersion: MACHINE_VERSION, value: JSON.parse(value), context: initialContext(input) };
  // XState's `initialTransition` would build the initial state twice (once for a throw-away actor): see `inertScope`.
  const snap = caseMachine.getInitialSnapshot(inertScope(), input);
  initialValues.set(input.track, JSON.stringify(snap.value));
  return persist(snap);
}
/** The initial state value per track, as JSON (each registration gets its own copy). */
const initialValues = new Map<string, string>();

export function persist(snap: Snapshot): PersistedSnapshot {
  return { machineVersion: MACHINE_VERSION, value: snap.value, context: snap.context };
}

/**
 * Version 2 (issue 11): a public-notice service records the day of publication (`publishedOn`) and the deemed
 * service day (`servedOn` = publication + 30 days, CPL Art. 95); version 1 kept the publication day in `servedOn`.
 */
export function v1ToV2(s: PersistedSnapshot): PersistedSnapshot {
  const services = s.context.services.map((x) =>
    x.method === 'public_notice' && !x.publishedOn
      ? { ...x, publishedOn: x.servedOn, servedOn: addDays(x.servedOn, DEFAULT_PERIODS.public_notice.days) }
      : x,
  );
  return { ...s, machineVersion: 2, context: { ...s.context, services, courtOutcomes: s.context.courtOutcomes ?? [] } };
}

/**
 * Version 3: a change of claims that only gives claims up no longer restarts the award clock (Rules Art. 46 restarts
 * it for claims added or changed); version 2 recorded a `claims_changed` restart for it, removed here — unless a change
 * adding or changing claims was made the same day.
 */
export function v2ToV3(s: PersistedSnapshot): PersistedSnapshot {
  const changes = s.context.claimChanges ?? [];
  const restarting = new Set(changes.filter((c) => c.added.length || c.changed.length).map((c) => c.on));
  const givenUpOnly = new Set(changes.filter((c) => !c.added.length && !c.changed.length && !restarting.has(c.on)).map((c) => c.on));
  const clockRestarts = s.context.clockRestarts.filter((r) => !(r.reason === 'claims_changed' && givenUpOnly.has(r.on)));
  return { ...s, machineVersion: 3, context: { ...s.context, clockRestarts } };
}

/**
 * Upgrades a stored snapshot to the current machine version, one pure, tested step per version, so that cases stored
 * under an older machine keep working.
 */
export function migrateSnapshot(s: PersistedSnapshot): PersistedSnapshot {
  if (s.machineVersion > MACHINE_VERSION) throw new Error(`snapshot from a newer machine (v${s.machineVersion})`);
  let m = s;
  if (m.machineVersion === 1) m = v1ToV2(m);
  if (m.machineVersion === 2) m = v2ToV3(m);
  // Snapshots stored before round 2 lack the added procedures' records: they start empty (not a change of meaning).
  // Every snapshot stored since has them all: it is answered as it is (no copy of the whole context per read).
  if (ADDED_KEYS.every((key) => key in m.context)) return m;
  return { ...m, context: { ...addedContext(m.context), ...m.context } };
}

const ADDED_KEYS = Object.keys(addedContext());

export function restore(s: PersistedSnapshot): Snapshot {
  const m = migrateSnapshot(s);
  return caseMachine.resolveState({ value: m.value as Snapshot['value'], context: m.context });
}

/** The leaf state code (stable snake_case) of a snapshot. */
export function leafState(value: unknown): string {
  let v = value;
  while (v && typeof v === 'object') {
    const keys = Object.keys(v);
    const k = keys[0] as string;
    v = (v as Record<string, unknown>)[k];
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && Object.keys(v).length === 0) return k;
  }
  return String(v);
}

/** The acts that name a partial award (`partialAward`) when taken against it (LDMAL Art. 43(2); Rules Art. 49). */
const PARTIAL_REMEDIES = new Set<EventType>(['RECORD_LAWSUIT', 'RECORD_SET_ASIDE', 'APPLY_ENFORCEMENT']);
const partialOffered = (snap: Snapshot, type: EventType) => PARTIAL_REMEDIES.has(type) && partialRemedyOffered(snap.context, type);

/** Whether the state takes the event type at all (payload rules aside) — or a remedy against a partial award. */
export function isAvailable(snap: Snapshot, type: EventType, occurredOn: string): boolean {
  return snap.can({ type, occurredOn, probe: true, payload: {} }) || partialOffered(snap, type);
}

/** A remedy that names a partial award (`partialAward`): its rules answer, whatever the state (legalfixA H2). */
const namesPartialAward = (ev: Pick<ProcEvent, 'type' | 'payload'>) =>
  PARTIAL_REMEDIES.has(ev.type) && ev.payload.partialAward !== undefined;
const partialRemedyGate = (c: MachineContext) => c.track === 'arbitration' && c.archivedOn === null && c.closure?.mode !== 'voided';

/** `isAvailable` for an event with its payload: a remedy naming a partial award is taken in any state of an open file. */
export function isAvailableFor(snap: Snapshot, ev: Pick<ProcEvent, 'type' | 'payload' | 'occurredOn'>): boolean {
  return namesPartialAward(ev) ? partialRemedyGate(snap.context) : isAvailable(snap, ev.type, ev.occurredOn);
}

/** Event types the case's current state and context allow (payload rules aside; rules.ts `PRECONDITIONS` not). */
export function availableEvents(snap: Snapshot, occurredOn: string): EventType[] {
  return eventAvailability(snap, occurredOn).available;
}

/**
 * s62 C #2: what the state allows, and apart from it what the state takes but the case itself refuses whatever is sent
 * (rules.ts `PRECONDITIONS`), each with its rule — a second 延长审理期限 in the same award period (LDMAL Art. 43(1): "可以
 * 延长……延长期限不得超过十五日", once; Rules Arts. 45–46), a partial award before any hearing (LDMAL Art. 43(2)), … — so
 * that next-events can say why an act is not offered (`blocked`) rather than drop it without a word. The one place both
 * lists are worked out.
 */
export function eventAvailability(
  snap: Snapshot,
  occurredOn: string,
): { available: EventType[]; held: { type: EventType; violation: Violation }[] } {
  const available: EventType[] = [];
  const held: { type: EventType; violation: Violation }[] = [];
  for (const type of EVENT_TYPES) {
    if (snap.can({ type, occurredOn, probe: true, payload: {} })) {
      const violation = PRECONDITIONS[type]?.(snap.context) ?? null;
      if (!violation) available.push(type);
      else if (partialOffered(snap, type)) available.push(type);
      else held.push({ type, violation });
    } else if (partialOffered(snap, type)) available.push(type);
  }
  return { available, held };
}

/**
 * A remedy against a partial award (部分裁决, LDMAL Art. 43(2); Rules Art. 49: a party dissatisfied with it proceeds as
 * against any award) — legalfixA H2. It is recorded whatever the case's state, without moving it: the main procedure
 * and its 45-day clock go on (or the case stays closed after a withdrawal). The rules are rules.ts
 * `partialAwardRemedyRule`; what is recorded:
 * * RECORD_LAWSUIT: the party's suit (LDMAL Arts. 48, 50) in `partialAwardRemedies`. A worker's suit ends the employer's
 *   pending application against that partial award (SPC-1 Art. 21(1): `terminated`, as for the award, H1).
 * * RECORD_SET_ASIDE: the employer's application (LDMAL Art. 49), or the intermediate court's result on the pending one.
 *   Set aside: the enforcement of that partial award pending ends (SPC-1 Art. 25: 终结执行).
 * * APPLY_ENFORCEMENT: in `enforcement`, marked with the partial award (LDMAL Arts. 47, 51).
 */
export function recordPartialRemedy(ctx: MachineContext, ev: ProcEvent): MachineContext {
  const pl = ev.payload;
  const n = pl.partialAward as number;
  const filedOn = (pl.filedOn as string | undefined) ?? ev.occurredOn;
  const remedies = ctx.partialAwardRemedies ?? [];
  if (ev.type === 'APPLY_ENFORCEMENT')
    return {
      ...ctx,
      enforcement: [
        ...ctx.enforcement,
        { on: ev.occurredOn, partyId: pl.partyId, court: pl.court, filedOn, outcome: null, partialAward: n },
      ],
    };
  if (ev.type === 'RECORD_LAWSUIT') {
    const ends = isWorkerId(ctx, pl.partyId);
    return {
      ...ctx,
      partialAwardRemedies: [
        ...remedies.map((r) =>
          ends && r.partialAward === n && r.kind === 'set_aside' && r.result === null
            ? {
                ...r,
                result: 'terminated' as const,
                decidedOn: filedOn,
                note: `劳动者已于${filedOn}就第${n}件部分裁决向人民法院起诉，中级人民法院对用人单位撤销该裁决的申请不予受理或终结审查（最高人民法院劳动争议解释（一）第二十一条）`,
              }
            : r,
        ),
        { partialAward: n, kind: 'lawsuit', partyId: pl.partyId, court: pl.court, filedOn, result: null, decidedOn: null },
      ],
    };
  }
  if (pl.result === undefined) {
    const courtWarning = setAsideCourtWarning(pl.court, ev.facts?.intermediateCourt);
    return {
      ...ctx,
      partialAwardRemedies: [
        ...remedies,
        {
          partialAward: n,
          kind: 'set_aside',
          partyId: null,
          court: pl.court,
          filedOn,
          result: null,
          decidedOn: null,
          ...(courtWarning ? { courtWarning } : {}),
        },
      ],
    };
  }
  const pending = partialRemediesOf(ctx, n).find((r) => r.kind === 'set_aside' && r.result === null);
  const decidedOn = (pl.decidedOn as string | undefined) ?? ev.occurredOn;
  return {
    ...ctx,
    partialAwardRemedies: remedies.map((r) =>
      r === pending ? { ...r, result: pl.result, decidedOn, servedOn: (pl.servedOn as string | undefined) ?? decidedOn } : r,
    ),
    // SPC-1 Art. 25: 仲裁裁决被撤销的，人民法院应当裁定终结执行.
    enforcement:
      pl.result === 'set_aside'
        ? ctx.enforcement.map((e) =>
            e.partialAward === n && e.outcome === null
              ? {
                  ...e,
                  outcome: {
                    result: 'terminated' as const,
                    decidedOn,
                    receivedOn: null,
                    note: `第${n}件部分裁决已被撤销，执行终结（最高人民法院劳动争议解释（一）第二十五条）`,
                  },
                }
              : e,
          )
        : ctx.enforcement,
  };
}

export type ApplyResult =
  | { ok: true; next: Snapshot; state: string }
  | { ok: false; reason: 'not_allowed'; allowed: EventType[] }
  | { ok: false; reason: 'rule'; violation: Violation };

/**
 * Applies one event with XState's pure `transition`: 409-type refusal when the state does not take the
 * event, 422-type when a legal rule refuses its payload.
 */
export function applyEvent(snap: Snapshot, event: ProcEvent): ApplyResult {
  // The list of allowed events costs one probe per event type: work it out only for a refusal.
  const refuse = (): ApplyResult => ({ ok: false, reason: 'not_allowed', allowed: availableEvents(snap, event.occurredOn) });
  // A remedy against a partial award: its rules answer (which partial award, by whom, what is pending), not the state.
  if (namesPartialAward(event)) {
    const c = snap.context;
    if (!partialRemedyGate(c)) return refuse();
    const violation = checkRules(c, event);
    if (violation) return { ok: false, reason: 'rule', violation };
    const next = caseMachine.resolveState({ value: snap.value, context: recordPartialRemedy(c, event) });
    return { ok: true, next, state: leafState(next.value) };
  }
  if (!isAvailable(snap, event.type, event.occurredOn)) return refuse();
  const violation = checkRules(snap.context, event);
  if (violation) return { ok: false, reason: 'rule', violation };
  if (!snap.can(event)) return refuse();
  const next = caseMachine.transition(snap, event, inertScope());
  return { ok: true, next, state: leafState(next.value) };
}

/**
 * What XState's pure `transition(machine, snapshot, event)` and `initialTransition` pass the machine, made from one
 * actor that is never started: they build a new actor — and with it the machine's whole initial state — for every call
 * (issue 15: 2–3 % of an event's CPU). The machine invokes and spawns nothing, so nothing registers with that actor's system; its
 * actions other than `assign` are only collected, and nothing reads them.
 */
let inertActor: AnyActor | undefined;
function inertScope(): AnyActorScope {
  inertActor ??= createActor(caseMachine as AnyStateMachine);
  const self = inertActor;
  return {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope;
}
