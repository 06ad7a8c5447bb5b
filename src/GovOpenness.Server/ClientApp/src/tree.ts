// The hierarchy as an expandable tree: each body's children are loaded when it is first expanded,
// one page at a time ("加载更多"), since a province has thousands of descendants. Each node wears its
// subtree's light and counts: one request per page of children, then live pushes for expanded nodes.
// With a past 参照日期 the colours are that day's (recounted by the server) and live pushes, which are
// today's, are not shown.

import { api, ApiError, BodyInfo, SummaryView } from "./api.js";
import { AsOfControl } from "./asof.js";
import { el } from "./dom.js";
import { LiveFeed, LiveSummary, noLiveFeed, Unsubscribe } from "./feed.js";
import { rememberName, summaryBadge } from "./progress.js";

const PAGE_SIZE = 50;

/** Townships are the bottom of the hierarchy: no point offering to expand them. */
const LEAF_LEVELS = new Set(["township"]);

export class HierarchyTree {
  private selected: HTMLButtonElement | undefined;
  private rootId: string | undefined;
  /** Pages of children on screen, so a new year can recolour them all. */
  private readonly pages: { parentId: string; skip: number }[] = [];
  /** Live subscriptions, one per expanded node: each pushes the node's and its children's summaries. */
  private readonly subscriptions = new Map<string, Unsubscribe>();
  /** Every body on the page by id, so a search result's path can be opened node by node. */
  private readonly infos = new Map<string, BodyInfo>();
  /** The first page of each expanded body, so a reveal that arrives mid-load waits for it. */
  private readonly firstPages = new Map<string, Promise<void>>();

  constructor(
    private readonly root: HTMLElement,
    private readonly onSelect: (body: BodyInfo) => void,
    private readonly yearSelect?: HTMLSelectElement,
    private readonly feed: LiveFeed = noLiveFeed,
    private readonly asOf?: AsOfControl,
  ) {
    yearSelect?.addEventListener("change", () => this.recolour());
    asOf?.onChange(() => this.recolour());
  }

  /** The reference day the colours are for (undefined: today). */
  private get day(): string | undefined {
    return this.asOf?.asOf;
  }

  private get year(): number {
    return Number(this.yearSelect?.value ?? "2022");
  }

  async load(rootId: string): Promise<void> {
    this.root.replaceChildren(el("p", { class: "status" }, "正在加载…"));
    try {
      const view = await api.body(rootId, 0, 0);
      const list = el("ul", { role: "tree", "aria-label": "机构层级" });
      const node = this.node(view.body);
      list.append(node);
      list.addEventListener("keydown", (event) => this.onKey(event));
      // One Tab stop for the whole tree: the current node's label (roving tabindex).
      this.rove(node.querySelector<HTMLButtonElement>(":scope > .row > .label")!);
      this.root.replaceChildren(list);
      this.rootId = rootId;
      // The account's own body opens selected: its panel carries the body's workspace (工作台).
      if (!this.selected) this.select(node.querySelector<HTMLButtonElement>(":scope > .row > .label")!, view.body);
      void this.loadOwnSummary(rootId);
      await this.expand(node, view.body);
    } catch (error) {
      this.root.replaceChildren(errorMessage(error));
    }
  }

  private node(body: BodyInfo): HTMLLIElement {
    const item = el("li", { role: "treeitem", "data-body-id": body.id });
    const leaf = LEAF_LEVELS.has(body.level);
    const toggle = el(
      "button",
      {
        type: "button",
        class: "toggle",
        "aria-expanded": leaf ? undefined : "false",
        "aria-label": leaf ? undefined : `展开 ${body.name}`,
        disabled: leaf,
        tabindex: "-1",
      },
      leaf ? "·" : "▸",
    );
    const label = el(
      "button",
      { type: "button", class: "label", "aria-pressed": "false", tabindex: "-1" },
      el("span", { class: "name" }, body.name),
      el("span", { class: "code" }, body.id),
    );
    toggle.addEventListener("click", () => void this.toggle(item, body));
    label.addEventListener("click", () => this.select(label, body));
    label.addEventListener("focus", () => this.rove(label));
    item.append(el("div", { class: "row" }, toggle, label, el("span", { class: "summary" })));
    rememberName(body.id, body.name);
    this.infos.set(body.id, body);
    return item;
  }

  /** Puts a summary on the node of its body, if that node is on the page. */
  private decorate(bodyId: string, view: SummaryView | undefined): void {
    const slot = this.root.querySelector(`li[data-body-id="${CSS.escape(bodyId)}"] > .row > .summary`);
    slot?.replaceChildren(summaryBadge(view));
  }

  private async loadOwnSummary(bodyId: string): Promise<void> {
    const year = this.year;
    const day = this.day;
    try {
      const view = await api.summary(bodyId, year, day);
      if (year === this.year && day === this.day) this.decorate(bodyId, view);
    } catch {
      // No summary (e.g. a body unknown to the progress store): the node stays without a badge.
    }
  }

  private async loadSummaries(parentId: string, skip: number): Promise<void> {
    const year = this.year;
    const day = this.day;
    try {
      const page = await api.childSummaries(parentId, year, skip, PAGE_SIZE, day);
      if (year !== this.year || day !== this.day) return;
      for (const child of page.children) this.decorate(child.bodyId, child.view);
    } catch {
      // The tree stays usable without colours; the panel shows the error when the body is selected.
    }
  }

  private subscribe(bodyId: string): void {
    if (this.subscriptions.has(bodyId)) return;
    const year = this.year;
    const onUpdate = (update: LiveSummary) => {
      if (update.year === this.year && this.day === undefined) this.decorate(update.bodyId, update.view as SummaryView);
    };
    this.subscriptions.set(bodyId, this.feed.subscribe(bodyId, year, onUpdate));
  }

  private unsubscribe(bodyId: string): void {
    this.subscriptions.get(bodyId)?.();
    this.subscriptions.delete(bodyId);
  }

  /** A new year or reference day: every visible node gets that year's summary (on that day) and live subscription. */
  private recolour(): void {
    this.root.dataset.asOf = this.day ?? "";
    for (const slot of this.root.querySelectorAll(".row > .summary")) slot.replaceChildren();
    const expanded = [...this.subscriptions.keys()];
    for (const id of expanded) this.unsubscribe(id);
    for (const id of expanded) this.subscribe(id);
    if (this.rootId) void this.loadOwnSummary(this.rootId);
    for (const page of this.pages) void this.loadSummaries(page.parentId, page.skip);
  }

  private current: HTMLButtonElement | undefined;

  /** Makes one label (or 加载更多) the tree's only Tab stop. */
  private rove(button: HTMLButtonElement): void {
    if (this.current === button) return;
    this.current?.setAttribute("tabindex", "-1");
    button.setAttribute("tabindex", "0");
    this.current = button;
  }

  /** Arrow keys move between visible nodes, Right/Left expand, collapse or step in and out, Home/End jump; Enter selects (a button's own click). */
  private onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLButtonElement) || !target.matches("button.label, button.more")) return;
    const visible = [...this.root.querySelectorAll<HTMLButtonElement>("button.label, button.more")].filter((b) => !b.closest("[hidden]"));
    const index = visible.indexOf(target);
    const item = target.closest<HTMLLIElement>("li[role=treeitem]");
    const toggle = item?.querySelector<HTMLButtonElement>(":scope > .row > .toggle");
    const expanded = toggle?.getAttribute("aria-expanded") === "true";
    let next: HTMLButtonElement | null | undefined;
    switch (event.key) {
      case "ArrowDown":
        next = visible[index + 1];
        break;
      case "ArrowUp":
        next = visible[index - 1];
        break;
      case "Home":
        next = visible[0];
        break;
      case "End":
        next = visible[visible.length - 1];
        break;
      case "ArrowRight":
        if (target.matches(".label") && toggle && !toggle.disabled && !expanded) toggle.click();
        else if (expanded) next = item?.querySelector<HTMLButtonElement>(":scope > ul > li > .row > .label, :scope > ul > li > .more");
        break;
      case "ArrowLeft":
        if (target.matches(".label") && expanded) toggle?.click();
        else next = item?.parentElement?.closest<HTMLLIElement>("li[role=treeitem]")?.querySelector<HTMLButtonElement>(":scope > .row > .label") ?? (target.matches(".more") ? item?.querySelector<HTMLButtonElement>(":scope > .row > .label") : null);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) {
      this.rove(next);
      next.focus();
    }
  }

  /**
   * Opens the tree along a path (top down, from the tree's root to the body: a search result's path),
   * loading further pages of children where the next body is not on the first, then selects the body.
   */
  async reveal(path: string[]): Promise<boolean> {
    const start = path.indexOf(this.rootId ?? "");
    if (start < 0) return false;
    for (let i = start; i < path.length; i++) {
      const item = this.itemOf(path[i]);
      const body = this.infos.get(path[i]);
      if (!item || !body) return false;
      if (i === path.length - 1) {
        const label = item.querySelector<HTMLButtonElement>(":scope > .row > .label")!;
        this.select(label, body);
        label.scrollIntoView({ block: "center" });
        label.focus();
        return true;
      }
      await this.expand(item, body);
      const group = item.querySelector<HTMLUListElement>(":scope > ul")!;
      while (!this.itemOf(path[i + 1]) && group.dataset.loaded && Number(group.dataset.loaded) < Number(group.dataset.total)) {
        group.querySelector(":scope > li > .more")?.parentElement?.remove();
        await this.loadPage(group, body, Number(group.dataset.loaded));
      }
    }
    return false;
  }

  private itemOf(bodyId: string): HTMLLIElement | null {
    return this.root.querySelector<HTMLLIElement>(`li[data-body-id="${CSS.escape(bodyId)}"]`);
  }

  private select(label: HTMLButtonElement, body: BodyInfo): void {
    this.selected?.setAttribute("aria-pressed", "false");
    this.selected?.closest("li")?.setAttribute("aria-selected", "false");
    this.selected?.classList.remove("selected");
    label.closest("li")?.setAttribute("aria-selected", "true");
    label.setAttribute("aria-pressed", "true");
    label.classList.add("selected");
    this.selected = label;
    this.onSelect(body);
  }

  private async toggle(item: HTMLLIElement, body: BodyInfo): Promise<void> {
    const toggle = item.querySelector<HTMLButtonElement>(":scope > .row > .toggle")!;
    if (toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      item.setAttribute("aria-expanded", "false");
      toggle.textContent = "▸";
      item.querySelector(":scope > ul")?.setAttribute("hidden", "");
      this.unsubscribe(body.id);
      return;
    }
    await this.expand(item, body);
  }

  private async expand(item: HTMLLIElement, body: BodyInfo): Promise<void> {
    const toggle = item.querySelector<HTMLButtonElement>(":scope > .row > .toggle")!;
    toggle.setAttribute("aria-expanded", "true");
    item.setAttribute("aria-expanded", "true");
    toggle.setAttribute("aria-label", `收起 ${body.name}`);
    toggle.textContent = "▾";
    this.subscribe(body.id);
    let group = item.querySelector<HTMLUListElement>(":scope > ul");
    if (group) {
      group.removeAttribute("hidden");
      await this.firstPages.get(body.id);
      return;
    }
    group = el("ul", { role: "group" });
    item.append(group);
    const first = this.loadPage(group, body, 0);
    this.firstPages.set(body.id, first);
    await first;
  }

  private async loadPage(group: HTMLUListElement, body: BodyInfo, skip: number): Promise<void> {
    const loading = el("li", { class: "status" }, "正在加载…");
    group.append(loading);
    try {
      const view = await api.body(body.id, skip, PAGE_SIZE);
      loading.remove();
      for (const child of view.children) group.append(this.node(child));
      if (view.children.length > 0) {
        this.pages.push({ parentId: body.id, skip });
        void this.loadSummaries(body.id, skip);
      }
      const loaded = skip + view.children.length;
      group.dataset.loaded = String(loaded);
      group.dataset.total = String(view.childCount);
      if (view.childCount === 0) {
        group.append(el("li", { class: "status" }, "无下级机构"));
      } else if (loaded < view.childCount) {
        const more = el("button", { type: "button", class: "more", tabindex: "-1" }, `加载更多（已显示 ${loaded} / ${view.childCount}）`);
        const moreItem = el("li", {}, more);
        more.addEventListener("focus", () => this.rove(more));
        more.addEventListener("click", () => {
          const wasCurrent = this.current === more;
          moreItem.remove();
          if (wasCurrent) this.current = undefined;
          void this.loadPage(group, body, loaded).then(() => {
            // The keyboard user continues at the first node the page added (the tree keeps its Tab stop).
            const first = group.querySelectorAll<HTMLLIElement>(":scope > li[role=treeitem]")[loaded]?.querySelector<HTMLButtonElement>(":scope > .row > .label");
            if (wasCurrent && first) {
              this.rove(first);
              first.focus();
            }
          });
        });
        group.append(moreItem);
      }
    } catch (error) {
      loading.replaceWith(el("li", {}, errorMessage(error)));
    }
  }
}

export function errorMessage(error: unknown): HTMLElement {
  const text = error instanceof ApiError ? error.message : "出现意外错误，请刷新页面重试";
  return el("p", { class: "error", role: "alert" }, text);
}
