// 下级筛选: the filtered subtree of the selected body (by light, overdue, step, item, level), paged and
// sortable, each body with its path; and the downloads: the 台账 and the filtered list as .xlsx or CSV.
// One section per body, year and reference day, kept across the panel's live reloads so a filter
// being worked on is not reset by a push.

import { ApiError } from "./api.js";
import { deskApi, LEVEL_NAMES, STEP_NAMES, SubtreeFilter, SubtreeList } from "./desk-api.js";
import { columnHeads, el } from "./dom.js";
import { openLookBack } from "./pages.js";

const PAGE = 20;
const LIGHT_WORDS: Record<string, string> = { red: "红灯（逾期）", yellow: "黄灯（临期）", green: "绿灯（正常）" };

const sections = new Map<string, HTMLElement>();

/** The filter section for a body and year, as of a day (undefined: today). */
export function filterSection(bodyId: string, year: number, asOf: string | undefined, name = bodyId): HTMLElement {
  const key = `${bodyId}/${year}/${asOf ?? ""}`;
  let section = sections.get(key);
  if (!section) {
    sections.clear(); // one kept at a time: the body on screen
    section = new FilterView(bodyId, year, asOf, name).root;
    sections.set(key, section);
  }
  return section;
}

function select(name: string, label: string, options: [string, string][]): HTMLLabelElement {
  return el("label", {}, label, el("select", { name }, ...options.map(([value, text]) => el("option", { value }, text))));
}

class FilterView {
  readonly root: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly results: HTMLElement;
  private readonly downloads: HTMLElement;
  private skip = 0;
  private asked = 0;

  constructor(private readonly bodyId: string, private readonly year: number, private readonly asOf: string | undefined, private readonly name: string) {
    this.form = el(
      "form",
      { class: "filter-form", "aria-label": "筛选条件" },
      select("light", "状态灯", [["", "全部"], ["red", "红灯"], ["yellow", "黄灯"], ["green", "绿灯"]]),
      select("step", "环节", [["", "全部"], ...Object.entries(STEP_NAMES).map(([k, v]) => [k, v] as [string, string])]),
      el("label", {}, "事项", el("input", { name: "item", type: "text", size: "6", placeholder: "如 2.1" })),
      select("level", "层级", [["", "全部"], ["prefecture", "地级"], ["county", "县级"], ["township", "乡级"], ["department", "部门"]]),
      el("label", {}, el("input", { name: "overdue", type: "checkbox", value: "true" }), "仅逾期"),
      select("sort", "排序", [["", "层级顺序"], ["overdueDays", "逾期天数"], ["overdueItems", "逾期事项"], ["percent", "完成进度"], ["name", "名称"], ["id", "编码"]]),
      select("order", "", [["desc", "从高到低"], ["asc", "从低到高"]]),
      el("button", { type: "submit" }, "筛选"),
    );
    this.results = el("div", { class: "filter-results", "aria-live": "polite", "aria-busy": "false" });
    this.downloads = el("p", { class: "downloads" });
    this.root = el(
      "section",
      { class: "subtree-filter", "aria-labelledby": "filter-heading" },
      el("h3", { id: "filter-heading" }, "下级筛选与台账导出"),
      this.form,
      this.downloads,
      this.results,
    );
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.skip = 0;
      void this.load();
    });
    this.updateDownloads();
  }

  private filter(): SubtreeFilter {
    const data = new FormData(this.form);
    const value = (name: string) => (data.get(name) as string | null)?.trim() || undefined;
    const sort = value("sort");
    return {
      light: value("light"),
      step: value("step"),
      item: value("item"),
      level: value("level"),
      overdue: value("overdue"),
      sort,
      order: sort ? value("order") : undefined,
      asOf: this.asOf,
    };
  }

  private updateDownloads(): void {
    const filter = this.filter();
    const link = (href: string, text: string, kind: string) => el("a", { href, download: "", class: "download", "data-kind": kind }, text);
    this.downloads.replaceChildren(
      "导出：",
      link(deskApi.ledgerUrl(this.bodyId, this.year, filter, "xlsx"), "台账（Excel）", "ledger-xlsx"),
      link(deskApi.ledgerUrl(this.bodyId, this.year, filter, "csv"), "台账（CSV）", "ledger-csv"),
      link(deskApi.subtreeUrl(this.bodyId, this.year, filter, "xlsx"), "筛选清单（Excel）", "list-xlsx"),
      link(deskApi.subtreeUrl(this.bodyId, this.year, filter, "csv"), "筛选清单（CSV）", "list-csv"),
      link(deskApi.reportUrl(this.bodyId, this.year, this.asOf, "docx"), "年度报告落实情况（Word）", "report-docx"),
    );
    const page = el("a", { href: deskApi.reportUrl(this.bodyId, this.year, this.asOf, "html"), target: "_blank", class: "report-page", "data-kind": "report-html" }, "年度报告落实情况（网页）");
    const print = el("button", { type: "button", class: "print" }, "打印本页");
    print.addEventListener("click", () => window.print());
    // 回头看: this body's plan and progress on an earlier day against now, on its own page.
    const lookBack = el("a", { href: "#look-back", class: "look-back-open", "data-kind": "look-back" }, "回头看（与往日对比）");
    lookBack.addEventListener("click", (e) => {
      e.preventDefault();
      openLookBack({ id: this.bodyId, name: this.name });
    });
    this.downloads.append(page, lookBack, print);
  }

  private async load(): Promise<void> {
    const ticket = ++this.asked;
    this.updateDownloads();
    this.results.setAttribute("aria-busy", "true");
    try {
      const list = await deskApi.subtree(this.bodyId, this.year, this.filter(), this.skip, PAGE);
      if (ticket !== this.asked) return;
      this.show(list);
    } catch (error) {
      if (ticket !== this.asked) return;
      this.results.replaceChildren(el("p", { class: "error", role: "alert" }, error instanceof ApiError ? error.message : "筛选失败，请重试"));
    } finally {
      if (ticket === this.asked) this.results.setAttribute("aria-busy", "false");
    }
  }

  private show(list: SubtreeList): void {
    this.results.dataset.total = String(list.total);
    if (list.total === 0) {
      this.results.replaceChildren(el("p", { class: "status" }, "没有符合条件的机构"));
      return;
    }
    const first = list.skip + 1;
    const last = list.skip + list.bodies.length;
    const chosenItem = this.filter().item;
    const table = el(
      "table",
      { class: "filter-table" },
      columnHeads("机构", "状态灯", "逾期事项", "逾期天数", "完成进度", chosenItem ? `事项 ${chosenItem}` : null),
      el(
        "tbody",
        {},
        ...list.bodies.map((b) =>
          el(
            "tr",
            { "data-body-id": b.id },
            el(
              "td",
              {},
              el("span", { class: "name" }, b.name),
              el("span", { class: "code" }, b.id),
              el("span", { class: "level" }, LEVEL_NAMES[b.level] ?? b.level),
              el("div", { class: "path" }, b.parentPath),
            ),
            el("td", { class: `light light-${b.light}` }, LIGHT_WORDS[b.light] ?? b.light),
            el("td", {}, String(b.overdueItems)),
            el("td", {}, String(b.overdueDays)),
            el("td", {}, `${b.percent}%`),
            chosenItem ? el("td", { class: "item-step" }, b.itemStep ? STEP_NAMES[b.itemStep] : "（无此事项）") : null,
          ),
        ),
      ),
    );
    const pager = el("p", { class: "pager" }, `共 ${list.total} 个机构，第 ${first}–${last} 个`);
    if (list.skip > 0) pager.append(this.pageButton("上一页", Math.max(0, list.skip - PAGE)));
    if (last < list.total) pager.append(this.pageButton("下一页", last));
    this.results.replaceChildren(pager, table);
  }

  private pageButton(text: string, skip: number): HTMLButtonElement {
    const button = el("button", { type: "button", class: "page" }, text);
    button.addEventListener("click", () => {
      this.skip = skip;
      void this.load();
    });
    return button;
  }
}
