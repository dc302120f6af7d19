/**
 * Case numbers: `聊劳人仲案字〔2026〕第15号` — prefix from config, year in hexagonal brackets
 * (U+3014/U+3015, domain.md §12.1), serial restarting each year. The year is that of the ACCEPT event's
 * occurredOn (api.md).
 */
export function formatCaseNo(prefix: string, year: number, serial: number | string): string {
  return `${prefix}\u3014${year}\u3015第${serial}号`;
}

/**
 * A search text as staff type it, with a case number's year in the brackets their keyboards have — [2026], 【2026】,
 * (2026), （2026）, ［2026］ — read as the number is written, 〔2026〕. Only a four-digit year in brackets is changed, so
 * a name with brackets ("某某（集团）有限公司") is searched as typed.
 */
export function searchableCaseText(q: string): string {
  return q.replace(/[[【(（［〔]\s*(\d{4})\s*[\]】)）］〕]/g, '\u3014$1\u3015');
}
