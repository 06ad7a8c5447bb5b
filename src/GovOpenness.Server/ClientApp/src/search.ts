// The search box over the tree: finds a body by name, code or pinyin initials (孝义 / 141181 / xys)
// on every keystroke, lists the matches best first with their paths, and opens the tree down to the
// one chosen. Answers that arrive after a newer keystroke's are dropped. Initials are ambiguous (xys:
// 孝义市, 新余市, 兴义市): matches under the body selected in the tree come first.

import { ApiError } from "./api.js";
import { deskApi, FoundBody, pathText } from "./desk-api.js";
import { el } from "./dom.js";

export class BodySearch {
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private asked = 0;

  constructor(
    root: HTMLElement,
    private readonly open: (found: FoundBody) => Promise<void>,
    private readonly scope: () => string | undefined = () => undefined,
  ) {
    this.input = el("input", {
      type: "search",
      id: "body-search",
      placeholder: "查找机构：名称、区划代码或拼音首字母",
      "aria-label": "查找机构",
      "aria-controls": "search-results",
      autocomplete: "off",
    });
    this.list = el("ul", { id: "search-results", class: "search-results", role: "listbox", "aria-label": "查找结果" });
    this.status = el("p", { class: "search-status status", role: "status", "aria-live": "polite" });
    root.replaceChildren(this.input, this.status, this.list);
    this.input.addEventListener("input", () => void this.ask());
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") this.list.querySelector<HTMLButtonElement>("button")?.click();
      if (e.key === "Escape") this.clear();
    });
  }

  private async ask(): Promise<void> {
    const query = this.input.value.trim();
    const ticket = ++this.asked;
    if (query.length === 0) {
      this.clear();
      return;
    }
    this.list.setAttribute("aria-busy", "true");
    try {
      const result = await deskApi.search(query, this.scope());
      if (ticket !== this.asked) return;
      this.show(result.results, query);
    } catch (error) {
      if (ticket !== this.asked) return;
      this.list.replaceChildren();
      this.status.textContent = error instanceof ApiError ? error.message : "查找失败，请重试";
    } finally {
      if (ticket === this.asked) {
        this.list.setAttribute("aria-busy", "false");
        this.list.dataset.query = query;
      }
    }
  }

  private show(results: FoundBody[], query: string): void {
    this.status.textContent = results.length === 0 ? `没有与“${query}”相符的机构` : `找到 ${results.length} 个机构`;
    this.list.replaceChildren(
      ...results.map((found) => {
        const button = el(
          "button",
          { type: "button", class: "search-hit", "data-body-id": found.id },
          el("span", { class: "name" }, found.name),
          el("span", { class: "code" }, found.id),
          el("span", { class: "path" }, pathText(found.path)),
        );
        button.addEventListener("click", () => void this.choose(found));
        return el("li", { role: "option" }, button);
      }),
    );
  }

  private async choose(found: FoundBody): Promise<void> {
    this.clear();
    this.input.value = found.name;
    await this.open(found);
  }

  private clear(): void {
    this.asked++;
    this.list.replaceChildren();
    this.status.textContent = "";
    this.list.setAttribute("aria-busy", "false");
  }
}
