// 参照日期: the day the panel's figures are judged on. Today by default; for a past plan year the
// viewer offers that year's own end (a 2022 plan seen in 2026 need not be a wall of red) or a chosen
// day, and always says which day it uses. The server rebuilds each step's state on that day from the
// days the progress journal keeps (asOf= on progress, summary, explanation, the list and the 台账).

import { el } from "./dom.js";
import { fullChineseDate } from "./dates.js";

export type AsOfChoice = "today" | "year-end" | "custom";

export class AsOfControl {
  readonly root: HTMLElement;
  private readonly choice: HTMLSelectElement;
  private readonly date: HTMLInputElement;
  private readonly note: HTMLElement;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly yearSelect: HTMLSelectElement, private readonly today: () => string = todayInChina) {
    this.choice = el(
      "select",
      { id: "as-of", "aria-label": "参照日期" },
      el("option", { value: "today" }, "今天"),
      el("option", { value: "year-end" }, "该年度年末"),
      el("option", { value: "custom" }, "自选日期…"),
    );
    this.date = el("input", { type: "date", id: "as-of-date", "aria-label": "自选参照日期", hidden: true });
    this.note = el("p", { class: "as-of-note", id: "as-of-note", role: "status" });
    this.root = el("div", { class: "as-of" }, el("label", {}, "参照日期", this.choice), this.date, this.note);
    this.choice.addEventListener("change", () => {
      this.date.hidden = this.choice.value !== "custom";
      if (this.choice.value === "custom" && !this.date.value) this.date.value = this.yearEnd();
      this.changed();
    });
    this.date.addEventListener("change", () => this.changed());
    yearSelect.addEventListener("change", () => this.changed(false));
    this.describe();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The day to send as asOf=, or undefined for today. */
  get asOf(): string | undefined {
    const today = this.today();
    switch (this.choice.value as AsOfChoice) {
      case "year-end": {
        const end = this.yearEnd();
        return end < today ? end : undefined;
      }
      case "custom":
        return this.date.value && this.date.value < today ? this.date.value : undefined;
      default:
        return undefined;
    }
  }

  private yearEnd(): string {
    return `${this.yearSelect.value}-12-31`;
  }

  private changed(notify = true): void {
    this.describe();
    if (notify) for (const listener of this.listeners) listener();
  }

  /** Says which day is used, and offers the year's end for a past year. */
  private describe(): void {
    const asOf = this.asOf;
    const year = Number(this.yearSelect.value);
    const pastYear = this.yearEnd() < this.today();
    this.note.dataset.asOf = asOf ?? "";
    if (asOf) {
      this.note.textContent = `按 ${fullChineseDate(asOf)} 的情况计算（之后的签收、反馈、办结不计）`;
    } else if (pastYear) {
      this.note.textContent = `按今天（${fullChineseDate(this.today())}）计算；${year} 年度已结束，可改按年末（${year}年12月31日）查看`;
    } else {
      this.note.textContent = `按今天（${fullChineseDate(this.today())}）计算`;
    }
  }
}

/** Today's date in China (UTC+8), as the server counts days. */
export function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
