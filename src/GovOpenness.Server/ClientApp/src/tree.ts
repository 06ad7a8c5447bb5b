// The hierarchy as an expandable tree: each body's children are loaded when it is first expanded,
// one page at a time ("加载更多"), since a province has thousands of descendants.

import { api, ApiError, BodyInfo } from "./api.js";
import { el } from "./dom.js";

const PAGE_SIZE = 50;

/** Townships are the bottom of the hierarchy: no point offering to expand them. */
const LEAF_LEVELS = new Set(["township"]);

export class HierarchyTree {
  private selected: HTMLButtonElement | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly onSelect: (body: BodyInfo) => void,
  ) {}

  async load(rootId: string): Promise<void> {
    this.root.replaceChildren(el("p", { class: "status" }, "正在加载…"));
    try {
      const view = await api.body(rootId, 0, 0);
      const list = el("ul", { role: "tree", "aria-label": "机构层级" });
      const node = this.node(view.body);
      list.append(node);
      this.root.replaceChildren(list);
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
      },
      leaf ? "·" : "▸",
    );
    const label = el(
      "button",
      { type: "button", class: "label", "aria-pressed": "false" },
      el("span", { class: "name" }, body.name),
      el("span", { class: "code" }, body.id),
    );
    toggle.addEventListener("click", () => void this.toggle(item, body));
    label.addEventListener("click", () => this.select(label, body));
    item.append(el("div", { class: "row" }, toggle, label));
    return item;
  }

  private select(label: HTMLButtonElement, body: BodyInfo): void {
    this.selected?.setAttribute("aria-pressed", "false");
    this.selected?.classList.remove("selected");
    label.setAttribute("aria-pressed", "true");
    label.classList.add("selected");
    this.selected = label;
    this.onSelect(body);
  }

  private async toggle(item: HTMLLIElement, body: BodyInfo): Promise<void> {
    const toggle = item.querySelector<HTMLButtonElement>(":scope > .row > .toggle")!;
    if (toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      toggle.textContent = "▸";
      item.querySelector(":scope > ul")?.setAttribute("hidden", "");
      return;
    }
    await this.expand(item, body);
  }

  private async expand(item: HTMLLIElement, body: BodyInfo): Promise<void> {
    const toggle = item.querySelector<HTMLButtonElement>(":scope > .row > .toggle")!;
    toggle.setAttribute("aria-expanded", "true");
    toggle.setAttribute("aria-label", `收起 ${body.name}`);
    toggle.textContent = "▾";
    let group = item.querySelector<HTMLUListElement>(":scope > ul");
    if (group) {
      group.removeAttribute("hidden");
      return;
    }
    group = el("ul", { role: "group" });
    item.append(group);
    await this.loadPage(group, body, 0);
  }

  private async loadPage(group: HTMLUListElement, body: BodyInfo, skip: number): Promise<void> {
    const loading = el("li", { class: "status" }, "正在加载…");
    group.append(loading);
    try {
      const view = await api.body(body.id, skip, PAGE_SIZE);
      loading.remove();
      for (const child of view.children) group.append(this.node(child));
      const loaded = skip + view.children.length;
      if (view.childCount === 0) {
        group.append(el("li", { class: "status" }, "无下级机构"));
      } else if (loaded < view.childCount) {
        const more = el("button", { type: "button", class: "more" }, `加载更多（已显示 ${loaded} / ${view.childCount}）`);
        const moreItem = el("li", {}, more);
        more.addEventListener("click", () => {
          moreItem.remove();
          void this.loadPage(group, body, loaded);
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
