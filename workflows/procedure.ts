import { type AnyActor, type AnyActorScope, type AnyStateMachine, createActor } from 'xstate';
import { caseMachine, MACHINE_VERSION, type MachineContext } from './case-machine.ts';
import { addDays } from './dates.ts';
import { DEFAULT_PERIODS } from './periods.ts';
import { addedContext, type CaseInput, EVENT_TYPES, type EventType, type ProcEvent } from './procedure-types.ts';
import { checkRules, PRECONDITIONS, type Violation } from './rules.ts';

export type Snapshot = ReturnType<typeof caseMachine.resolveState>;

/** What is stored per case: the state value and context, with the machine version that made them. */
export interface PersistedSnapshot {
  machineVersion: number;
  value: unknown;
  context: MachineContext;
}

export function startCase(input: CaseInput): PersistedSnapshot {
  // XState's `initialTransition` would build the initial state twice (once for a throw-away actor): see `inertScope`.
  const snap = caseMachine.getInitialSnapshot(inertScope(), input);
  return persist(snap);
}

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

/** Whether the state takes the event type at all (payload rules aside). */
export function isAvailable(snap: Snapshot, type: EventType, occurredOn: string): boolean {
  return snap.can({ type, occurredOn, probe: true, payload: {} });
}

/** Event types the case's current state and context allow (payload rules aside; rules.ts `PRECONDITIONS` not). */
export function availableEvents(snap: Snapshot, occurredOn: string): EventType[] {
  return EVENT_TYPES.filter((type) => isAvailable(snap, type, occurredOn) && !PRECONDITIONS[type]?.(snap.context));
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
