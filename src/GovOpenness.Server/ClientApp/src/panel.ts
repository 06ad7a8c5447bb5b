// The panel for the selected body: its plan for a year, and what it changed against its parent.

import { AccountView, api, ApiError, BodyInfo, DeadlineData, DiffEntry, EffectiveItem, EffectivePlan, PlanDiff, SummaryView } from "./api.js";
import { chineseDate, isoDate, looksLikeDate } from "./dates.js";
import { el } from "./dom.js";
import { LiveFeed, LiveSummary, Unsubscribe } from "./feed.js";
import { LiveSections } from "./liveSections.js";
import { Workspace } from "./workspace.js";
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
  /** Counts selections so that a slow answer for a previous one never lands in the current panel. */
  private generation = 0;
  /** The (epoch, sequence) of the summary on screen: a push not newer than it is ignored. */
  private shown: [number, number] | undefined;
  private live: LiveSections | undefined;
  private workspace: Workspace | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly yearSelect: HTMLSelectElement,
    private readonly feed: LiveFeed,
    private readonly asOf?: AsOfControl,
    private readonly account?: AccountView,
  ) {
    asOf?.onChange(() => this.body && void this.reload());
    // A new year: a new subscription too (the feed is per body and year).
    yearSelect.addEventListener("change", () => this.body && this.show(this.body));
  }

  /** Selecting a body: one load of the whole panel; after it, pushes only update figures in place. */
  show(body: BodyInfo): void {
    this.unsubscribe();
    this.body = body;
    this.shown = undefined;
    this.live = undefined;
    this.workspace = undefined;
    const generation = ++this.generation;
    const year = this.year;
    // The previous body's figures and forms go at once: nothing on screen may belong to another body.
    this.root.replaceChildren(el("h2", {}, body.name, " ", el("span", { class: "code" }, body.id)), el("p", { class: "status" }, "正在加载…"));
    const unsubscribeSummaries = this.feed.subscribe(body.id, year, (update) => {
      if (generation === this.generation) this.onPush(update);
    });
    // A 催办 changes no summary: the hub's inbox notice re-reads the 待办 in place (never a form).
    const unsubscribeInbox = this.feed.onInbox(body.id, () => {
      if (generation === this.generation && this.live && !this.asOf?.asOf) void this.workspace?.refreshInbox();
    });
    this.unsubscribe = () => {
      unsubscribeSummaries();
      unsubscribeInbox();
    };
    void this.load(generation, body, year);
  }

  private get year(): number {
    return Number(this.yearSelect.value);
  }

  private async load(generation: number, body: BodyInfo, year: number): Promise<void> {
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
    if (summary.status === "fulfilled") this.shown = versionOf(summary.value);
    this.live = new LiveSections(body.id, year, effective, summary, progress, asOf);
    this.workspace = this.account && Workspace.appliesTo(this.account, body) ? new Workspace(this.account, body, year, () => this.refreshSoon(true)) : undefined;
    this.root.replaceChildren(
      el("h2", {}, body.name, " ", el("span", { class: "code" }, body.id)),
      ...(this.workspace ? [this.workspace.root] : []),
      this.live.sections[0]!,
      filterSection(body.id, year, asOf, body.name),
      ...this.live.sections.slice(1),
      this.diffSection(diff, year),
      this.planSection(plan, year),
      historySection(history),
    );
    this.root.removeAttribute("aria-busy");
    this.root.dataset.loads = String(Number(this.root.dataset.loads ?? "0") + 1);
    void this.workspace?.load();
  }

  /** A pushed summary: the body's own (newer than the one shown) updates figures in place; a child's only the 待办. */
  private onPush(update: LiveSummary): void {
    // A past day (参照日期) is shown as it stood: today's pushes do not change it.
    if (!this.body || !this.live || this.asOf?.asOf) return;
    if (update.bodyId === this.body.id) {
      const view = update.view as SummaryView;
      const version = versionOf(view);
      if (this.shown && version && !isNewer(version, this.shown)) return;
      if (version) this.shown = version;
      this.live.updateSummary(view);
      this.refreshSoon(false);
    } else {
      this.refreshSoon(false);
    }
  }

  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;

  /** Re-reads the body's own item table and 待办 (never more than one in flight); forms are never rebuilt. */
  private refreshSoon(afterOwnAct: boolean): void {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    const generation = this.generation;
    const body = this.body!;
    const year = this.year;
    this.refreshing = (async () => {
      const [progress, summary] = await Promise.allSettled([api.progress(body.id, year), afterOwnAct ? api.summary(body.id, year) : Promise.reject(new Error("skip"))]);
      if (generation !== this.generation || !this.live) return;
      if (progress.status === "fulfilled") this.live.updateProgress(progress.value);
      if (summary.status === "fulfilled") {
        const version = versionOf(summary.value);
        if (!this.shown || !version || isNewer(version, this.shown)) {
          if (version) this.shown = version;
          this.live.updateSummary(summary.value);
        }
      }
      await this.workspace?.refreshInbox();
    })().finally(() => {
      this.refreshing = undefined;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        this.refreshSoon(false);
      }
    });
  }

  /** Reloads the whole panel (the year changed or the caller asks): the only path that rebuilds it. */
  async reload(): Promise<void> {
    if (this.body) this.show(this.body);
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

function versionOf(view: SummaryView | undefined): [number, number] | undefined {
  return typeof view?.epoch === "number" && typeof view.sequence === "number" ? [view.epoch, view.sequence] : undefined;
}

function isNewer(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}
