// The 回头看 page's tables: each side's totals, the items row by row (kept, added, dropped; deadlines as
// the documents write them with their year; units; the step then → now) and the earlier day's items
// not closed. Built from GET /api/bodies/{id}/look-back as it came: the page adds no figures of its own.

import { columnHeads, el } from "./dom.js";
import { fullChineseDate } from "./dates.js";
import type * as Schema from "./generated/api-schema";

type Row = Schema.LookBackRow;
type Item = Schema.LookBackItem;
type Day = Schema.LookBackDay;

const KIND_NAMES: Record<string, string> = { carried: "保留", added: "新增", dropped: "删除" };
const LIGHT_WORDS: Record<string, string> = { red: "红灯", yellow: "黄灯", green: "绿灯" };

/** "2022-07-31" → "2022年7月底前", "2022-07-15" → "2022年7月15日前": a deadline in full, as a document writes it. */
export function deadlineInFull(date: string | null | undefined, text: string): string {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!match) return text || "（未写明期限）";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const monthEnd = new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
  return monthEnd ? `${year}年${month}月底前` : `${year}年${month}月${day}日前`;
}

function deadlines(item: Item | null | undefined): string {
  if (!item) return "—";
  if (item.deadlines.length === 0) return "（未写明期限）";
  return item.deadlines.map((d) => deadlineInFull(d.date, d.text)).join("；");
}

function progress(item: Item | null | undefined): string {
  if (!item) return "—";
  const percent = item.status === "inProgress" && typeof item.percent === "number" ? ` ${item.percent}%` : "";
  const late = item.light === "red" ? `，逾期 ${item.overdueWorkingDays} 个工作日` : "";
  return `${item.step}${percent}（${LIGHT_WORDS[item.light] ?? item.light}${late}）`;
}

/** 回头看's first question: which of the earlier day's items were not closed then, and which of them the later plan carries on. */
export function neverClosed(rows: Row[]): HTMLElement {
  const open = new Map<string, boolean>();
  for (const row of rows) {
    if (!row.then || row.then.status === "closed") continue;
    open.set(row.then.itemId, (open.get(row.then.itemId) ?? false) || row.kind === "carried");
  }
  const carried = [...open.values()].filter(Boolean).length;
  return el(
    "p",
    { class: "look-back-open", "data-testid": "look-back-never-closed", "data-count": String(open.size), "data-carried": String(carried) },
    `当时未办结 ${open.size} 项，其中 ${carried} 项延续到现在的工作要点，${open.size - carried} 项未再列入。`,
  );
}

export function matches(row: Row, filter: string): boolean {
  switch (filter) {
    case "changed":
      return row.kind !== "carried" || row.deadlineMoved || row.unitsChanged || row.change !== "原样保留";
    case "added":
    case "dropped":
      return row.kind === filter;
    case "deadline":
      return row.deadlineMoved;
    case "units":
      return row.unitsChanged;
    case "progress":
      return row.then?.step !== row.now?.step;
    case "never-closed":
      return !!row.then && row.then.status !== "closed";
    default:
      return true;
  }
}

export function totalsTable(from: Day, to: Day): HTMLTableElement {
  const line = (name: string, value: (d: Day) => string, key: string) =>
    el("tr", { "data-figure": key }, el("th", { scope: "row" }, name), el("td", { "data-side": "then" }, value(from)), el("td", { "data-side": "now" }, value(to)));
  const count = (key: keyof Day) => (d: Day) => String(d[key]);
  return el(
    "table",
    { class: "look-back-totals" },
    el("caption", {}, "当时与现在的总体情况"),
    columnHeads("项目", `当时（${fullChineseDate(from.day)}）`, `现在（${fullChineseDate(to.day)}）`),
    el(
      "tbody",
      {},
      line("工作要点", (d) => `${d.year} 年度${d.title ? `《${d.title}》` : ""}${d.docNumber ? `（${d.docNumber}）` : ""}`, "plan"),
      line("事项数", count("items"), "items"),
      line("已办结", count("closed"), "closed"),
      line("已反馈或办结", count("reported"), "reported"),
      line("未签收", count("pending"), "pending"),
      line("逾期（红灯）", count("overdue"), "overdue"),
    ),
  );
}

export function itemsTable(rows: Row[]): HTMLTableElement {
  return el(
    "table",
    { class: "look-back-items" },
    el("caption", {}, "逐项对比"),
    columnHeads("事项", "变化", "时限（当时 → 现在）", "责任单位", "进度（当时 → 现在）"),
    el("tbody", {}, ...rows.map(itemRow)),
  );
}

function itemRow(row: Row): HTMLTableRowElement {
  const item = row.now ?? row.then!;
  const ids = row.then && row.now && row.then.itemId !== row.now.itemId ? `${row.then.itemId} → ${row.now.itemId}` : item.itemId;
  const units = (i: Item | null | undefined) => (i ? i.units.join("、") || "（未写明）" : "—");
  return el(
    "tr",
    {
      class: `look-back-row kind-${row.kind}`,
      "data-kind": row.kind,
      "data-then-id": row.then?.itemId,
      "data-now-id": row.now?.itemId,
      "data-deadline-moved": row.deadlineMoved ? "true" : undefined,
      "data-units-changed": row.unitsChanged ? "true" : undefined,
    },
    el(
      "td",
      { class: "item" },
      el("span", { class: "item-id" }, ids),
      " ",
      item.heading,
      // The aligner's 合并 and 拆分: several earlier items became one, or one became several.
      row.alsoThen && row.alsoThen.length > 0 ? el("span", { class: "merged" }, `（由 ${[row.then!.itemId, ...row.alsoThen].join("、")} 合并）`) : null,
      row.split ? el("span", { class: "split" }, "（由当时一项拆分）") : null,
    ),
    el("td", { class: "change" }, el("strong", {}, KIND_NAMES[row.kind] ?? row.kind), row.kind === "carried" ? `：${row.change}` : ""),
    el(
      "td",
      { class: "deadline" },
      row.deadlineMoved
        ? el("mark", { class: "move" }, el("s", {}, deadlines(row.then)), " → ", el("strong", {}, deadlines(row.now)))
        : row.then && row.now
          ? `${deadlines(row.then)} → ${deadlines(row.now)}`
          : deadlines(item),
    ),
    el(
      "td",
      { class: "units" },
      row.unitsChanged ? el("mark", {}, el("s", {}, units(row.then)), " → ", el("strong", {}, units(row.now))) : units(item),
    ),
    el("td", { class: "progress" }, el("span", { class: "then" }, progress(row.then)), " → ", el("span", { class: "now" }, progress(row.now))),
  );
}
