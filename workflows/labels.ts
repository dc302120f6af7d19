/**
 * Chinese labels for procedure states and events, in one place (style: user-facing words in one table).
 * The procedure machine adds its own states here as it grows.
 */
export const STATE_LABELS: Record<string, string> = {
  received: '已收件待审查',
  mediation_in_progress: '调解中',
};

export const EVENT_LABELS: Record<string, string> = {
  REGISTER: '登记申请',
  UPDATE_REGISTRATION: '修改登记信息',
};

export const stateLabel = (s: string): string => STATE_LABELS[s] ?? s;
export const eventLabel = (t: string): string => EVENT_LABELS[t] ?? t;
