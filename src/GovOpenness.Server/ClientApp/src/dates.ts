// Dates written the way the documents write them: a month end is "7月底", any other day "7月15日".

/** Parses "2022-07-31" (or a longer ISO string) into its parts; undefined when it is not a date. */
function parts(iso: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function isMonthEnd(year: number, month: number, day: number): boolean {
  // Day 0 of the next month is the last day of this one (UTC, so no time zone shifts it).
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
}

/** "2022-07-31" → "7月底", "2022-07-15" → "7月15日"; anything else is shown as it came. */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const p = parts(iso);
  if (!p) return iso;
  return isMonthEnd(p.year, p.month, p.day) ? `${p.month}月底` : `${p.month}月${p.day}日`;
}

/** The date part of an ISO string, for showing next to the document's wording. */
export function isoDate(iso: string): string {
  return parts(iso) ? iso.slice(0, 10) : iso;
}

export function looksLikeDate(value: string | null | undefined): boolean {
  return !!value && parts(value) !== undefined;
}

/** "2022-11-30" → "2022年11月30日", the way a document's 落款 and 时限 write a full date. */
export function fullChineseDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const p = parts(iso);
  return p ? `${p.year}年${p.month}月${p.day}日` : iso;
}
