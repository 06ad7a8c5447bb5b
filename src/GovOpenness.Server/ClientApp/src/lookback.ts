// 回头看 (#look-back): a supervisor picks a body and two days (or a day and today) and sees what changed
// between them (GET /api/bodies/{id}/look-back): items kept, added and dropped, deadlines moved, units
// changed, and each item's step then and now. Deadlines read as the documents write them, with the year
// ("2022年7月底前"), since the two sides may be different years' plans.

import { ApiError, getJson } from "./api.js";
import { deskApi, FoundBody, pathText, query } from "./desk-api.js";
import { el } from "./dom.js";
import { fullChineseDate } from "./dates.js";
import type * as Schema from "./generated/api-schema";
import { itemsTable, matches, neverClosed, totalsTable } from "./lookback-tables.js";

export type LookBack = Schema.LookBack;

export const lookBackApi = {
  get: (id: string, from: string, to?: string) =>
    getJson<LookBack>(`/api/bodies/${encodeURIComponent(id)}/look-back?${query({ from, to })}`),
};

export class LookBackPage {
  private readonly form: HTMLFormElement;
  private readonly chosen: HTMLElement;
  private readonly searchInput: HTMLInputElement;
  private readonly searchList: HTMLUListElement;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly show: HTMLSelectElement;
  private readonly results: HTMLElement;
  private body: { id: string; name: string } | undefined;
  private asked = 0;
  private searched = 0;
  private shown: LookBack | undefined;

  constructor(root: HTMLElement, year: () => number) {
    this.chosen = el("p", { class: "look-back-body", id: "look-back-body", role: "status" }, "尚未选择机构");
    this.searchInput = el("input", {
      type: "search",
      id: "look-back-search",
      autocomplete: "off",
      placeholder: "名称、区划代码或拼音首字母",
      "aria-controls": "look-back-search-results",
      "aria-describedby": "look-back-body",
    });
    this.searchList = el("ul", { id: "look-back-search-results", class: "search-results", role: "listbox", "aria-label": "机构查找结果" });
    this.from = el("input", { type: "date", id: "look-back-from", name: "from", required: true, value: `${year() - 1}-12-31` });
    this.to = el("input", { type: "date", id: "look-back-to", name: "to", "aria-describedby": "look-back-to-hint" });
    this.show = el(
      "select",
      { id: "look-back-show", name: "show" },
      el("option", { value: "" }, "全部事项"),
      el("option", { value: "changed" }, "有变化的事项"),
      el("option", { value: "added" }, "新增"),
      el("option", { value: "dropped" }, "删除"),
      el("option", { value: "deadline" }, "时限变动"),
      el("option", { value: "units" }, "责任单位变动"),
      el("option", { value: "progress" }, "进度有变化"),
      el("option", { value: "never-closed" }, "当时未办结"),
    );
    this.form = el(
      "form",
      { class: "look-back-form", "aria-label": "回头看条件" },
      el("div", { class: "field" }, el("label", { for: "look-back-search" }, "机构"), this.searchInput, this.chosen, this.searchList),
      el("div", { class: "field" }, el("label", { for: "look-back-from" }, "起始日期（当时）"), this.from),
      el(
        "div",
        { class: "field" },
        el("label", { for: "look-back-to" }, "截止日期（现在）"),
        this.to,
        el("span", { class: "hint", id: "look-back-to-hint" }, "留空即今天"),
      ),
      el("div", { class: "field" }, el("label", { for: "look-back-show" }, "显示"), this.show),
      el("button", { type: "submit" }, "对比"),
    );
    this.results = el("div", { class: "look-back-results", id: "look-back-results", "aria-live": "polite", "aria-busy": "false" });
    root.replaceChildren(
      el("h2", { id: "look-back-title" }, "回头看：两个日期之间的变化"),
      el("p", { class: "status" }, "选择机构和两个日期：比较当时与现在执行的工作要点（保留、新增、删除的事项，时限与责任单位的变动）以及各事项当时和现在的办理进度。"),
      this.form,
      this.results,
    );
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.load();
    });
    this.searchInput.addEventListener("input", () => void this.search());
    this.searchInput.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        this.searchList.querySelector<HTMLButtonElement>("button")?.click();
      }
    });
    this.show.addEventListener("change", () => this.shown && this.render(this.shown));
  }

  /** Chooses the body (from the panel's 回头看 link or the search) and compares at once. */
  select(body: { id: string; name: string }, compare = true): void {
    this.body = body;
    this.chosen.textContent = `已选：${body.name}（${body.id}）`;
    this.chosen.dataset.bodyId = body.id;
    this.searchInput.value = "";
    this.searchList.replaceChildren();
    if (compare) void this.load();
  }

  private async search(): Promise<void> {
    const text = this.searchInput.value.trim();
    const ticket = ++this.searched;
    if (!text) {
      this.searchList.replaceChildren();
      return;
    }
    try {
      const found = await deskApi.search(text, undefined, 8);
      if (ticket !== this.searched) return;
      this.searchList.replaceChildren(...found.results.map((f) => this.hit(f)));
      this.searchList.dataset.query = text;
    } catch {
      if (ticket === this.searched) this.searchList.replaceChildren();
    }
  }

  private hit(found: FoundBody): HTMLLIElement {
    const button = el(
      "button",
      { type: "button", class: "search-hit", "data-body-id": found.id },
      el("span", { class: "name" }, found.name),
      el("span", { class: "code" }, found.id),
      el("span", { class: "path" }, pathText(found.path)),
    );
    button.addEventListener("click", () => {
      this.select({ id: found.id, name: found.name }, false);
      this.from.focus();
    });
    return el("li", { role: "option" }, button);
  }

  private async load(): Promise<void> {
    const ticket = ++this.asked;
    if (!this.body) {
      this.results.replaceChildren(el("p", { class: "error", role: "alert" }, "请先选择机构"));
      return;
    }
    if (!this.from.value) {
      this.results.replaceChildren(el("p", { class: "error", role: "alert" }, "请填写起始日期"));
      return;
    }
    this.results.setAttribute("aria-busy", "true");
    try {
      const look = await lookBackApi.get(this.body.id, this.from.value, this.to.value || undefined);
      if (ticket !== this.asked) return;
      this.shown = look;
      this.render(look);
    } catch (error) {
      if (ticket !== this.asked) return;
      this.shown = undefined;
      delete this.results.dataset.bodyId;
      this.results.replaceChildren(el("p", { class: "error", role: "alert" }, error instanceof ApiError ? error.message : "回头看失败，请重试"));
    } finally {
      if (ticket === this.asked) this.results.setAttribute("aria-busy", "false");
    }
  }

  private render(look: LookBack): void {
    this.results.dataset.bodyId = look.bodyId;
    this.results.dataset.from = look.from.day;
    this.results.dataset.to = look.to.day;
    const filter = this.show.value;
    const rows = look.rows.filter((r) => matches(r, filter));
    this.results.replaceChildren(
      el("h3", {}, `${look.name ?? look.bodyId}：${fullChineseDate(look.from.day)} → ${fullChineseDate(look.to.day)}`),
      totalsTable(look.from, look.to),
      el(
        "p",
        { class: "look-back-counts", "data-testid": "look-back-counts" },
        `保留 ${look.carried ?? 0} 项，新增 ${look.added ?? 0} 项，删除 ${look.dropped ?? 0} 项；时限变动 ${look.deadlineMoved ?? 0} 项，责任单位变动 ${look.unitsChanged ?? 0} 项。`,
        look.from.year !== look.to.year ? `两年度工作要点按文字比对，覆盖率 ${Math.round(look.coverage * 100)}%。` : "",
      ),
      neverClosed(look.rows),
      ...[look.from, look.to].filter((d) => d.planRecordedLater).map((d) =>
        el("p", { class: "note" }, `${d.year} 年度工作要点在 ${fullChineseDate(d.day)} 之后才录入本系统：按录入的文本比对。`),
      ),
      rows.length === 0 ? el("p", { class: "status" }, "没有符合条件的事项") : itemsTable(rows),
    );
  }
}

