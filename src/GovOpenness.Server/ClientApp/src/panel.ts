// The panel for the selected body: its plan for a year, and what it changed against its parent.

import { api, ApiError, BodyInfo, DeadlineData, DiffEntry, EffectiveItem, EffectivePlan, PlanDiff } from "./api.js";
import { chineseDate, isoDate, looksLikeDate } from "./dates.js";
import { el } from "./dom.js";
import { LiveFeed, Unsubscribe } from "./feed.js";
import { offendersSection, overdueSection, overviewSection, progressSection, rankingSection } from "./progressSections.js";
import { historySection } from "./history.js";
import { errorMessage } from "./tree.js";
import { AsOfControl } from "./asof.js";
import { filterSection } from "./filter.js";

const FIELD_NAMES: Record<string, string> = {
  deadline: "时限",
  units: "责任单位",
  heading: "标题",
  text: "内容",
  dropped: "删除",
  added: "新增",
};

export class BodyPanel {
  private body: BodyInfo | undefined;
  private unsubscribe: Unsubscribe = () => {};
  /** Counts loads so that a slow answer for a previous selection never overwrites the current one. */
  private generation = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly yearSelect: HTMLSelectElement,
    private readonly feed: LiveFeed,
    private readonly asOf?: AsOfControl,
  ) {
    asOf?.onChange(() => this.body && void this.reload());
    // A new year: a new subscription too (the feed is per body and year).
    yearSelect.addEventListener("change", () => this.body && this.show(this.body));
  }

  show(body: BodyInfo): void {
    this.unsubscribe();
    this.body = body;
    this.unsubscribe = this.feed.subscribe(body.id, this.year, () => this.reloadSoon());
    void this.reload();
  }

  private reloading: Promise<void> | undefined;
  private reloadAgain = false;

  /** A pushed change: reload, but never more than one reload in flight (a burst of pushes costs two loads). */
  private reloadSoon(): void {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = this.reload().finally(() => {
      this.reloading = undefined;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        this.reloadSoon();
      }
    });
  }

  private get year(): number {
    return Number(this.yearSelect.value);
  }

  async reload(): Promise<void> {
    const body = this.body;
    if (!body) return;
    const generation = ++this.generation;
    const year = this.year;
    this.root.setAttribute("aria-busy", "true");
    const asOf = this.asOf?.asOf;
    const [plan, diff, summary, progress, history] = await Promise.allSettled([
      api.plan(body.id, year),
      api.diff(body.id, year),
      api.summary(body.id, year, asOf),
      api.progress(body.id, year, asOf),
      api.history(body.id),
    ]);
    if (generation !== this.generation) return;
    const effective = plan.status === "fulfilled" ? plan.value : undefined;
    this.root.replaceChildren(
      el("h2", {}, body.name, " ", el("span", { class: "code" }, body.id)),
      overviewSection(body.id, year, summary, effective, asOf),
      filterSection(body.id, year, asOf),
      overdueSection(progress, effective),
      progressSection(progress, effective),
      offendersSection(summary),
      rankingSection(summary, asOf),
      this.diffSection(diff, year),
      this.planSection(plan, year),
      historySection(history),
    );
    this.root.removeAttribute("aria-busy");
  }

  private planSection(result: PromiseSettledResult<EffectivePlan>, year: number): HTMLElement {
    const section = el("section", { class: "plan", "aria-labelledby": "plan-heading" }, el("h3", { id: "plan-heading" }, `${year} 年工作要点`));
    if (result.status === "rejected") {
      section.append(notFoundOr(result.reason, "该机构本年度尚无工作要点"));
      return section;
    }
    const plan = result.value;
    if (plan.title) section.append(el("p", { class: "title" }, plan.title, plan.docNumber ? `（${plan.docNumber}）` : ""));
    const table = el(
      "table",
      {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "编号"), el("th", { scope: "col" }, "事项"), el("th", { scope: "col" }, "时限"), el("th", { scope: "col" }, "责任单位"))),
    );
    const rows = el("tbody");
    for (const item of plan.items) rows.append(itemRow(item));
    table.append(rows);
    section.append(table);
    if (plan.dropped.length > 0) {
      section.append(el("p", { class: "note" }, `本级删除的事项：${plan.dropped.map((d) => d.item.id).join("、")}`));
    }
    return section;
  }

  private diffSection(result: PromiseSettledResult<PlanDiff>, year: number): HTMLElement {
    const section = el("section", { class: "diff", "aria-labelledby": "diff-heading" }, el("h3", { id: "diff-heading" }, "与上级相比的调整"));
    if (result.status === "rejected") {
      section.append(notFoundOr(result.reason, "该机构本年度尚无工作要点"));
      return section;
    }
    const diff = result.value;
    if (!diff.parentId) {
      section.append(el("p", { class: "status" }, "最高层级，无上级可比"));
      return section;
    }
    if (diff.entries.length === 0) {
      section.append(el("p", { class: "status" }, `${year} 年照上级原样执行，未作调整`));
      return section;
    }
    // One line per item, its changes side by side: the heading is read once, the moves stand out.
    const list = el("ul", { class: "changes" });
    const byItem = new Map<string, DiffEntry[]>();
    for (const entry of diff.entries) byItem.set(entry.itemId, [...(byItem.get(entry.itemId) ?? []), entry]);
    for (const [itemId, entries] of byItem) {
      list.append(
        el(
          "li",
          { class: "changed-item", "data-item-id": itemId },
          el("span", { class: "item-id" }, itemId),
          " ",
          el("span", { class: "heading" }, entries[entries.length - 1]!.heading),
          el("ul", { class: "fields" }, ...entries.map(diffEntry)),
        ),
      );
    }
    section.append(list);
    return section;
  }
}

function itemRow(effective: EffectiveItem): HTMLTableRowElement {
  const item = effective.item;
  return el(
    "tr",
    { "data-item-id": item.id },
    el("td", { class: "item-id" }, item.id),
    el("td", {}, item.heading || item.text),
    el("td", {}, ...item.deadlines.map((d) => el("div", { class: "deadline" }, deadlineText(d)))),
    el("td", {}, item.units.join("、")),
  );
}

/** "7月底前（2022-07-31）": the document's wording, with the date it resolves to. */
export function deadlineText(deadline: DeadlineData): string {
  if (!deadline.date) return deadline.text;
  return `${deadline.text || chineseDate(deadline.date)}（${isoDate(deadline.date)}）`;
}

function diffEntry(entry: DiffEntry): HTMLLIElement {
  const field = FIELD_NAMES[entry.field] ?? entry.field;
  const item = el(
    "li",
    { class: `change change-${entry.field}` },
    el("span", { class: "field" }, field),
    entry.byPolicy ? el("span", { class: "policy", title: "由上级统一规则生成" }, "按规则") : null,
  );
  if (entry.field === "deadline" && looksLikeDate(entry.from) && looksLikeDate(entry.to)) {
    item.append(
      el(
        "mark",
        { class: "move", title: `${isoDate(entry.from!)} → ${isoDate(entry.to!)}` },
        el("s", {}, chineseDate(entry.from)),
        " → ",
        el("strong", {}, chineseDate(entry.to)),
      ),
    );
  } else if (entry.field === "dropped") {
    item.append(el("span", { class: "value" }, entry.reason ? `理由：${entry.reason}` : ""));
  } else if (entry.field === "text" || entry.field === "added") {
    // Whole paragraphs: folded, so that the deadline moves stay readable at a glance.
    item.append(
      el(
        "details",
        { class: "value" },
        el("summary", {}, entry.field === "added" ? "查看新增内容" : "查看调整内容"),
        entry.from ? el("p", { class: "from" }, el("span", { class: "tag" }, "上级"), entry.from) : null,
        entry.to ? el("p", { class: "to" }, el("span", { class: "tag" }, "本级"), entry.to) : null,
      ),
    );
  } else if (entry.from != null || entry.to != null) {
    // Null fields are left out of the JSON: absent and null mean the same here.
    item.append(el("span", { class: "value" }, el("s", {}, shown(entry.from ?? null)), " → ", el("strong", {}, shown(entry.to ?? null))));
  }
  return item;
}

/** A date as the documents write it, anything else as it came. */
function shown(value: string | null): string {
  if (value === null || value === "") return "（无）";
  return looksLikeDate(value) ? chineseDate(value) : value;
}

function notFoundOr(error: unknown, notFound: string): HTMLElement {
  if (error instanceof ApiError && error.status === 404) return el("p", { class: "status" }, notFound);
  return errorMessage(error);
}
