/**
 * Case numbers: `聊劳人仲案字〔2026〕第15号` — prefix from config, year in hexagonal brackets
 * (U+3014/U+3015, domain.md §12.1), serial restarting each year. The year is that of the ACCEPT event's
 * occurredOn (api.md).
 */
export function formatCaseNo(prefix: string, year: number, serial: number | string): string {
  return `${prefix}\u3014${year}\u3015第${serial}号`;
}
