import { type DatabaseOptions, DEFAULT_DATABASE_OPTIONS } from '../db/knex.ts';
import { type Readings, resolveReadings } from '../workflows/calculators/readings.ts';
import { DEFAULT_MINIMUM_WAGE_DATE, MINIMUM_WAGE_DATES, type MinimumWageDate } from '../workflows/finality.ts';
import type { StatOptions } from '../workflows/stat-facts.ts';

/** Runtime configuration, read once from the environment (api.md "Configuration"). */
export interface Config {
  port: number;
  databaseUrl: string;
  adminPassword: string | undefined;
  commissionName: string;
  caseNoPrefix: string;
  /** The 不予受理通知书's number prefix (a rejected application has no case number): `聊劳人仲不字〔2026〕第3号`. */
  rejectionNoPrefix: string;
  /**
   * The number prefix of an arbitral review of a mediation agreement (Rules Arts. 74–79), which has no case number: its
   * 调解书 and decisions are numbered `聊劳人仲审字〔2026〕第2号`. domain.md §12.1: reviews may use their own series — the
   * local one is to be confirmed, hence configurable (REVIEW_NO_PREFIX).
   */
  reviewNoPrefix: string;
  /** Bearer token lifetime. */
  tokenTtlHours: number;
  /** Failed logins allowed per account (username) inside the window before 429 (lockout of the account). */
  loginMaxFailures: number;
  /** Failed logins allowed per client address inside the window before 429 (whatever the usernames). */
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  /**
   * An address from which an account signed in within this many days is not refused for the account's failures from
   * other addresses (its own failures still count): a stranger's guesses cannot lock the real user out (s45 M2).
   */
  loginKnownAddressDays: number;
  /** The key of the known addresses' hashes (LOGIN_ADDRESS_KEY); unset: a random key in a file beside the commission key. */
  loginAddressKey: string | undefined;
  /** A token unused for this long stops working (idle timeout). */
  sessionIdleMinutes: number;
  /** Live tokens per user; a new login ends the oldest beyond it. */
  maxSessionsPerUser: number;
  /** Password hashes (scrypt) running at once; the rest queue (a login flood cannot take the thread pool). */
  passwordHashConcurrency: number;
  /** Express `trust proxy`: which hops' X-Forwarded-For to believe (client address for login limits and logs). */
  trustProxy: boolean | number | string;
  /** Per user and minute: documents generated, statistical reports built (json, csv, xlsx, pdf). */
  documentsPerMinute: number;
  exportsPerMinute: number;
  /** Per user and minute: court packages assembled (each reads and hashes every PDF of the case). */
  courtPackagesPerMinute: number;
  /** Most rows a case-list export carries; a larger selection → 413 (narrow it with the filters). */
  exportMaxRows: number;
  /** Most bytes of documents a court package may hold; more → 413. */
  courtPackageMaxBytes: number;
  /** Longest period a statistics query or report may cover. */
  reportMaxYears: number;
  /** Worker threads rendering PDFs and report files off the event loop. */
  renderThreads: number;
  /** Largest JSON body accepted; larger → 413. */
  bodyLimit: string;
  logLevel: string;
  /** JSON overriding statutory period lengths/units (domain.md §14.1 is tagged [R]). */
  periodsOverride: string | undefined;
  /** Hour (China time, 0–23) after which the in-process scheduler runs the daily sweep; -1 disables it. */
  schedulerHour: number;
  /** Database time limits and pool (db/knex.ts DatabaseOptions). */
  database: DatabaseOptions;
  /** SIGTERM: how long in-flight requests may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /**
   * How long an idle keep-alive connection is kept open (Node's default is 5 s — the `Retry-After` of a 503 on an
   * unavailable database — so a client retrying after it met a socket the server was closing; pg56 M1).
   */
  keepAliveTimeoutMs: number;
  /** How long loading a calendar year waits for the open cases' deadlines to be recomputed before it answers. */
  calendarRecomputeWaitMs: number;
  /** Idempotency records (their stored answers hold identity numbers) are purged by the sweep after this many hours. */
  idempotencyRetentionHours: number;
  /** Error and database-fault log lines per minute (each kind); the rest are counted in one line. */
  errorLogPerMinute: number;
  /** Op-2022 [R]: a claim to confirm a labor relationship makes the whole award non-final (default true). */
  confirmRelationshipNonFinal: boolean;
  /**
   * domain.md §9.3 (to confirm locally): a dismissed LDMAL Art. 47(1) item counts as final (default true;
   * FINAL_AWARD_DISMISSED_ITEMS=non_final makes it non-final).
   */
  finalAwardDismissedItemsFinal: boolean;
  /**
   * Zhongcai's reading of LDMAL Art. 47(1) (to confirm locally): an employer's claim against a worker of an Art. 47(1)
   * category is non-final (default; FINAL_AWARD_EMPLOYER_CLAIMS=by_category classifies it like a worker's).
   */
  finalAwardEmployerClaimsNonFinal: boolean;
  /**
   * The same reading for a union's claim for the workers (Rules Art. 64; LCL Art. 56): not a worker's 追索, non-final
   * (default; FINAL_AWARD_UNION_CLAIMS=by_category classifies it like a worker's).
   */
  finalAwardUnionClaimsNonFinal: boolean;
  /**
   * domain.md §9.3 (to confirm locally): which day's monthly minimum wage the Art. 47(1) threshold reads — the award day
   * (default), the day the application was received, or the day the case was accepted (FINAL_AWARD_WAGE_DATE).
   */
  finalAwardWageDate: MinimumWageDate;
  /**
   * LDMAL Arts. 35–36 reading: a default award or deemed withdrawal needs the written notice of the hearing served the full
   * notice period (5 working days) before it (default true); `false` accepts any notice proven served before the hearing day.
   */
  absenceNoticeTimely: boolean;
  /**
   * legal53b M1 — LDMAL Arts. 48–50: the windows to sue or to apply to set aside run from receipt of the 裁决书. A SERVE
   * of an award (the award, each part of a split one, a partial award) whose issued document was not made in Zhongcai:
   * `warn` (default; a commission may make the 裁决书 outside the system) records it with a warning; `refuse`
   * (AWARD_SERVICE_WITHOUT_DOCUMENT=refuse) answers 409 award-document-not-issued (field `document`), as the 调解书 is
   * (LDMAL Art. 42; Rules Art. 77). Local practice, domain.md §14.2.
   */
  awardServiceWithoutDocument: 'warn' | 'refuse';
  /**
   * s60 L: a hearing set or moved (SCHEDULE_HEARING, POSTPONE_HEARING) to a day before a respondent's answer period can
   * end — LDMAL Art. 30: ten days from receiving the copy of the application (Rules Art. 80: working days) — with no
   * defence filed by it and no waiver recorded (`answerPeriodWaived`). `warn` (default: the law sets the period and says
   * a missing answer does not stop the proceedings, but names no sanction for an early hearing) records it with a
   * warning; `refuse` (HEARING_BEFORE_ANSWER_PERIOD=refuse) answers 422 hearing-before-answer-period (field `hearingOn`).
   * domain.md §3.3 [S].
   */
  hearingBeforeAnswerPeriod: 'warn' | 'refuse';
  /** MEDIATION_DOCUMENT_BY_POST (default false): a 调解书 may be served by post (workflows/rules.ts SERVE). */
  mediationDocumentByPost: boolean;
  /**
   * Rules Arts. 56, 62(2), 66 (domain.md §8.2; med49 M1): whether a collective dispute may be registered for simple
   * handling (简易处理). `allowed` (default): Rules Art. 62(2) lets a collective case meeting a condition of Art. 56 be
   * handled simply — its tribunal still of three (Art. 66; Art. 56 only permits a sole arbitrator). `refused`
   * (COLLECTIVE_SIMPLE_HANDLING=refused): a collective case is heard by three under the ordinary procedure; registration
   * (or a correction making the case collective) with procedure "simple" is 400 naming `procedure`.
   */
  collectiveSimpleHandling: 'allowed' | 'refused';
  /**
   * 重大集体劳动人事争议 (domain.md §8.2): a collective case (Rules Art. 62: 10+ workers) whose workers number at least
   * this many is major — shown on its view and in the lists, ordered first, counted in the statistics. No national text
   * sets a head count (关于加强劳动人事争议调解工作的意见 (2009) §6 and 人社部发〔2017〕26号 name the mechanism, not a threshold): the
   * default 30 is Zhongcai's local choice (MAJOR_COLLECTIVE_MIN_WORKERS). The chair may also mark a collective case
   * major whatever its head count (PATCH /api/cases/:id `majorCollective`).
   */
  majorCollectiveMinWorkers: number;
  /**
   * feat52: the most agents a party may have at once when one is appointed after acceptance (APPOINT_AGENT, 422
   * agents-per-party). LDMAL Art. 24 and the Rules set no number; local rules and the CPL (by analogy) allow one or
   * two (domain.md §1.2, [S]/[R]): a commission following them sets AGENTS_PER_PARTY_MAX=2. Default 10, as many as
   * registration takes; at most 10.
   */
  agentsPerPartyMax: number;
  /**
   * Rules Art. 34 (一事不再理): an ACCEPT while an earlier case the registration found still bars the same dispute is
   * refused (422 duplicate-application-pending) unless it states `notSameMatter` with a reason (default true);
   * DUPLICATE_ACCEPT_CONFIRMATION=false leaves the registration's warnings as warnings (app/procedure/duplicate-bar.ts).
   */
  duplicateAcceptConfirmation: boolean;
  /**
   * sec51 M1: a received date (收件日期) more than this many days before today (China time) is warned of at
   * registration and at ACCEPT as a likely mistyped year (LDMAL Arts. 27, 29; workflows/received-plausibility.ts).
   * RECEIVED_ON_STALE_DAYS, default 365; 0 turns the warning off.
   */
  receivedOnStaleDays: number;
  /**
   * sec51 M1: an ACCEPT dated in a year before today's numbers the case in a closed year: 422 accept-earlier-year
   * (field `earlierYear`) unless the payload confirms it with `earlierYear: true` (default true);
   * EARLIER_YEAR_ACCEPT_CONFIRMATION=false takes such an ACCEPT without asking.
   */
  earlierYearAcceptConfirmation: boolean;
  /**
   * Rules Art. 12 (domain.md §4.1): a person challenged for recusal steps back until the decision "except for urgent
   * measures", which the Rules do not list: the events that person may still record (RECUSAL_URGENT_EVENTS, comma
   * separated; default ADVANCE_EXECUTION — the ruling for a worker whose life would be seriously affected, LDMAL Art. 44;
   * empty: none).
   */
  recusalUrgentEvents: string[];
  /**
   * How long a hearing holds its room and its arbitrators, in minutes (HEARING_SLOT_MINUTES, default 60, at most 720):
   * two sessions of one day whose times are less apart than this meet (app/procedure/hearing-clash.ts); 1 = only the
   * same minute.
   */
  hearingSlotMinutes: number;
  /** Identity numbers printed on documents: in full (default) or masked. */
  documentIdNumbers: 'full' | 'masked';
  /** Closure-rate target (聊政发〔2017〕71号: 98%), an exact decimal such as "0.98". */
  statsClosureTarget: string;
  /** Which mediation success rate `mediationSuccessRate` shows (domain.md §13.2 gives two definitions). */
  statsMediationRate: 'bulletin' | 'organization';
  /**
   * Whether the amount claimed (标的额 / 涉案金额) includes a merged counterclaim's claims (Rules Art. 36): `with_counterclaims`
   * (default) or `application` (the applicant's claims only), STATS_CLAIMED_AMOUNT. domain.md §13.1: no form or rule read
   * says which — a local choice; the facts are projected, so a change needs `npm run stats:reproject` (s55).
   */
  statsClaimedAmount: 'with_counterclaims' | 'application';
  /** First day of a reporting month for period shortcuts: 1 = calendar months; 21 = the HR system's 21st-to-20th months. */
  statsMonthStartDay: number;
  /** Documents: a licensed FangSong (or other) TTF/OTF for the body (GB/T 9704 仿宋); default Noto Serif SC. */
  documentBodyFont: string | undefined;
  /** Documents: the commission's seal image (PNG/JPEG) printed over the date on issued copies; none by default. */
  documentSealImage: string | undefined;
  /** Documents: the commission's telephone, printed beside the contact person on letters to courts. */
  commissionPhone: string | undefined;
  /** Documents: the intermediate court where the commission sits (set-aside applications, LDMAL Art. 49). */
  intermediateCourt: string;
  /** Periodic report header (表号, 制定机关, 批准文号, 负责人); the approval number is left blank unless set. */
  reportFormNo: string;
  reportAuthority: string;
  reportApprovalNo: string | undefined;
  reportPrincipal: string | undefined;
  /** Labor-law calculators: the readings applied where the law is unsettled (CALCULATOR_READINGS, JSON). */
  calculatorReadings: Readings;
  /** Court hand-off packages: the commission's Ed25519 private key (PKCS#8 PEM), created on first use, never in the database. */
  commissionKeyPath: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const int = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  const whole = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
    return n;
  };
  /** A whole number ≥ 0 (0 = no limit for a timeout). */
  const ms = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of milliseconds, got "${raw}"`);
    return n;
  };
  return {
    port: int('PORT', 3000),
    databaseUrl: env.DATABASE_URL || 'sqlite:data/zhongcai.sqlite',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    commissionName: env.COMMISSION_NAME || '聊城市劳动人事争议仲裁委员会',
    caseNoPrefix: env.CASE_NO_PREFIX || '聊劳人仲案字',
    rejectionNoPrefix: env.REJECTION_NO_PREFIX || (env.CASE_NO_PREFIX || '聊劳人仲案字').replace(/案字$/, '不字'),
    reviewNoPrefix: env.REVIEW_NO_PREFIX || (env.CASE_NO_PREFIX || '聊劳人仲案字').replace(/案字$/, '审字'),
    tokenTtlHours: int('TOKEN_TTL_HOURS', 12),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5),
    loginMaxFailuresPerAddress: int('LOGIN_MAX_FAILURES_PER_ADDRESS', 20),
    loginWindowMinutes: int('LOGIN_WINDOW_MINUTES', 15),
    loginKnownAddressDays: int('LOGIN_KNOWN_ADDRESS_DAYS', 90),
    loginAddressKey: env.LOGIN_ADDRESS_KEY || undefined,
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30),
    maxSessionsPerUser: int('MAX_SESSIONS_PER_USER', 5),
    passwordHashConcurrency: int('PASSWORD_HASH_CONCURRENCY', 1),
    trustProxy: trustProxy(env.TRUST_PROXY),
    documentsPerMinute: int('DOCUMENTS_PER_MINUTE', 30),
    exportsPerMinute: int('EXPORTS_PER_MINUTE', 20),
    courtPackagesPerMinute: int('COURT_PACKAGES_PER_MINUTE', 6),
    exportMaxRows: int('EXPORT_MAX_ROWS', 5000),
    courtPackageMaxBytes: int('COURT_PACKAGE_MAX_BYTES', 100 * 1024 * 1024),
    reportMaxYears: int('REPORT_MAX_YEARS', 10),
    renderThreads: int('RENDER_THREADS', 1),
    bodyLimit: env.BODY_LIMIT || '1mb',
    logLevel: env.LOG_LEVEL || 'info',
    periodsOverride: env.PERIODS_OVERRIDE || undefined,
    confirmRelationshipNonFinal: env.CONFIRM_RELATIONSHIP_NON_FINAL !== 'false',
    finalAwardDismissedItemsFinal: dismissedItems(env.FINAL_AWARD_DISMISSED_ITEMS),
    finalAwardEmployerClaimsNonFinal: employerClaims(env.FINAL_AWARD_EMPLOYER_CLAIMS),
    finalAwardUnionClaimsNonFinal: employerClaims(env.FINAL_AWARD_UNION_CLAIMS, 'FINAL_AWARD_UNION_CLAIMS'),
    finalAwardWageDate: wageDate(env.FINAL_AWARD_WAGE_DATE),
    absenceNoticeTimely: env.ABSENCE_NOTICE_TIMELY !== 'false',
    mediationDocumentByPost: env.MEDIATION_DOCUMENT_BY_POST === 'true',
    awardServiceWithoutDocument: awardService(env.AWARD_SERVICE_WITHOUT_DOCUMENT),
    hearingBeforeAnswerPeriod: awardService(env.HEARING_BEFORE_ANSWER_PERIOD, 'HEARING_BEFORE_ANSWER_PERIOD'),
    collectiveSimpleHandling: env.COLLECTIVE_SIMPLE_HANDLING === 'refused' ? 'refused' : 'allowed',
    majorCollectiveMinWorkers: int('MAJOR_COLLECTIVE_MIN_WORKERS', 30),
    agentsPerPartyMax: Math.min(10, int('AGENTS_PER_PARTY_MAX', 10)),
    duplicateAcceptConfirmation: env.DUPLICATE_ACCEPT_CONFIRMATION !== 'false',
    receivedOnStaleDays: whole('RECEIVED_ON_STALE_DAYS', 365),
    earlierYearAcceptConfirmation: env.EARLIER_YEAR_ACCEPT_CONFIRMATION !== 'false',
    recusalUrgentEvents: (env.RECUSAL_URGENT_EVENTS ?? 'ADVANCE_EXECUTION')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    hearingSlotMinutes: Math.min(720, int('HEARING_SLOT_MINUTES', 60)),
    documentIdNumbers: env.DOCUMENT_ID_NUMBERS === 'masked' ? 'masked' : 'full',
    schedulerHour: schedulerHour(env.SCHEDULER_HOUR),
    database: {
      ...DEFAULT_DATABASE_OPTIONS,
      statementTimeoutMs: ms('DB_STATEMENT_TIMEOUT_MS', DEFAULT_DATABASE_OPTIONS.statementTimeoutMs),
      lockTimeoutMs: ms('DB_LOCK_TIMEOUT_MS', DEFAULT_DATABASE_OPTIONS.lockTimeoutMs),
      busyTimeoutMs: ms('DB_BUSY_TIMEOUT_MS', DEFAULT_DATABASE_OPTIONS.busyTimeoutMs),
      acquireTimeoutMs: int('DB_ACQUIRE_TIMEOUT_MS', DEFAULT_DATABASE_OPTIONS.acquireTimeoutMs),
      poolMax: int('DB_POOL_MAX', DEFAULT_DATABASE_OPTIONS.poolMax),
      sqliteReaders: whole('DB_SQLITE_READERS', DEFAULT_DATABASE_OPTIONS.sqliteReaders),
      pgPreparedPerConnection: whole('DB_PG_PREPARED_PER_CONNECTION', DEFAULT_DATABASE_OPTIONS.pgPreparedPerConnection),
    },
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000),
    keepAliveTimeoutMs: int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000),
    calendarRecomputeWaitMs: int('CALENDAR_RECOMPUTE_WAIT_MS', 10_000),
    idempotencyRetentionHours: int('IDEMPOTENCY_RETENTION_HOURS', 24),
    errorLogPerMinute: int('ERROR_LOG_PER_MINUTE', 30),
    statsClosureTarget: target(env.STATS_CLOSURE_TARGET),
    statsMediationRate: env.STATS_MEDIATION_RATE === 'organization' ? 'organization' : 'bulletin',
    statsClaimedAmount: claimedAmount(env.STATS_CLAIMED_AMOUNT),
    statsMonthStartDay: monthStart(int('STATS_MONTH_START_DAY', 1)),
    documentBodyFont: env.DOCUMENT_BODY_FONT || undefined,
    documentSealImage: env.DOCUMENT_SEAL_IMAGE || undefined,
    commissionPhone: env.COMMISSION_PHONE || undefined,
    intermediateCourt: env.INTERMEDIATE_COURT || '聊城市中级人民法院',
    reportFormNo: env.REPORT_FORM_NO || '人社统MA2',
    reportAuthority: env.REPORT_AUTHORITY || '人力资源和社会保障部',
    reportApprovalNo: env.REPORT_APPROVAL_NO || undefined,
    reportPrincipal: env.REPORT_PRINCIPAL || undefined,
    calculatorReadings: readings(env.CALCULATOR_READINGS),
    commissionKeyPath: env.COMMISSION_KEY_PATH || 'data/commission-ed25519.pem',
  };
}

function awardService(raw: string | undefined, name = 'AWARD_SERVICE_WITHOUT_DOCUMENT'): 'warn' | 'refuse' {
  if (raw === undefined || raw === '' || raw === 'warn') return 'warn';
  if (raw === 'refuse') return 'refuse';
  throw new Error(`${name} must be warn or refuse, got "${raw}"`);
}

function employerClaims(raw: string | undefined, name = 'FINAL_AWARD_EMPLOYER_CLAIMS'): boolean {
  if (raw === undefined || raw === '' || raw === 'non_final') return true;
  if (raw === 'by_category') return false;
  throw new Error(`${name} must be non_final or by_category, got "${raw}"`);
}

function dismissedItems(raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === 'final') return true;
  if (raw === 'non_final') return false;
  throw new Error(`FINAL_AWARD_DISMISSED_ITEMS must be final or non_final, got "${raw}"`);
}

function wageDate(raw: string | undefined): MinimumWageDate {
  if (raw === undefined || raw === '') return DEFAULT_MINIMUM_WAGE_DATE;
  if ((MINIMUM_WAGE_DATES as readonly string[]).includes(raw)) return raw as MinimumWageDate;
  throw new Error(`FINAL_AWARD_WAGE_DATE must be one of ${MINIMUM_WAGE_DATES.join(', ')}, got "${raw}"`);
}

function schedulerHour(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < -1 || n > 23) throw new Error(`SCHEDULER_HOUR must be an hour 0–23, or -1 to disable, got "${raw}"`);
  return n;
}

function readings(raw: string | undefined): Readings {
  if (raw === undefined || raw === '') return resolveReadings(undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`CALCULATOR_READINGS must be a JSON object, got "${raw}"`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('CALCULATOR_READINGS must be a JSON object');
  return resolveReadings(parsed as Record<string, unknown>);
}

/**
 * TRUST_PROXY: unset → "loopback" (a reverse proxy on the same machine); "false" → trust no proxy (the socket
 * address is the client); a number → that many hops; otherwise addresses or subnets, comma-separated
 * ("10.0.0.0/8, 192.168.1.5"), or Express's names (loopback, linklocal, uniquelocal). Never "true" blindly: any client
 * could then choose its address by sending X-Forwarded-For and escape the per-address login limit.
 */
function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw.trim() === '') return 'loopback';
  const v = raw.trim();
  if (v === 'false') return false;
  if (v === 'true')
    throw new Error('TRUST_PROXY=true would let any client choose its address; name the proxy (address, subnet or hop count)');
  if (/^\d+$/.test(v)) return Number(v);
  if (!/^[\w.:/, -]+$/.test(v)) throw new Error(`TRUST_PROXY: addresses, subnets, a hop count or false, got "${raw}"`);
  return v;
}

function target(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '0.98';
  if (!/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/.test(raw.trim()))
    throw new Error(`STATS_CLOSURE_TARGET must be a decimal between 0 and 1, got "${raw}"`);
  return raw.trim();
}

function claimedAmount(raw: string | undefined): Config['statsClaimedAmount'] {
  if (raw === undefined || raw === '' || raw === 'with_counterclaims') return 'with_counterclaims';
  if (raw === 'application') return 'application';
  throw new Error(`STATS_CLAIMED_AMOUNT must be "with_counterclaims" or "application", got "${raw}"`);
}

/** The statistics projection's options (workflows/stat-facts.ts StatOptions). */
export function statOptions(config: Pick<Config, 'statsClaimedAmount'> | undefined): StatOptions {
  return { claimedWithCounterclaims: config?.statsClaimedAmount !== 'application' };
}

function monthStart(n: number): number {
  if (n > 28) throw new Error(`STATS_MONTH_START_DAY must be between 1 and 28, got ${n}`);
  return n;
}
