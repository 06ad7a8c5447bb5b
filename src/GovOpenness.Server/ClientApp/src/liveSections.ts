// The panel's live part: overview figures, overdue items, item progress, offenders, ranking. Built once
// per selection; a push updates it in place — figures change their text, lists their rows — so an
// open explanation, the element with keyboard focus and anything typed elsewhere in the panel stay.

import { EffectivePlan, figureOf, ProgressTable, SummaryView } from "./api.js";
import { hasData, lightMark } from "./progress.js";
import { offendersSection, overdueSection, overviewSection, progressSection, rankingSection } from "./progressSections.js";

export class LiveSections {
  private readonly overview: HTMLElement;
  private readonly overdue: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly offenders: HTMLElement;
  private readonly ranking: HTMLElement;

  constructor(
    private readonly bodyId: string,
    private readonly year: number,
    private readonly plan: EffectivePlan | undefined,
    summary: PromiseSettledResult<SummaryView>,
    progress: PromiseSettledResult<ProgressTable>,
    private readonly asOf?: string,
  ) {
    this.overview = overviewSection(bodyId, year, summary, plan, asOf);
    this.overdue = overdueSection(progress, plan);
    this.progress = progressSection(progress, plan);
    this.offenders = offendersSection(summary);
    this.ranking = rankingSection(summary, asOf);
  }

  get sections(): HTMLElement[] {
    return [this.overview, this.overdue, this.progress, this.offenders, this.ranking];
  }

  updateSummary(view: SummaryView): void {
    const fulfilled: PromiseSettledResult<SummaryView> = { status: "fulfilled", value: view };
    const buttons = this.overview.querySelectorAll<HTMLButtonElement>("button.figure");
    if (buttons.length === 0 || !hasData(view)) {
      // Nothing was open before there were figures: the section is drawn afresh.
      adopt(this.overview, overviewSection(this.bodyId, this.year, fulfilled, this.plan, this.asOf));
    } else {
      for (const button of buttons) {
        const strong = button.querySelector("strong");
        const value = String(figureOf(view.summary.counts, button.dataset.figure ?? ""));
        if (strong && strong.textContent !== value) strong.textContent = value;
      }
      const light = this.overview.querySelector(".subtree-light .light");
      if (light && light.getAttribute("data-light") !== view.light) light.replaceWith(lightMark(view.light));
      const fresh = overviewSection(this.bodyId, this.year, fulfilled, this.plan, this.asOf).querySelector(".score");
      const score = this.overview.querySelector(".score");
      if (fresh && score && fresh.textContent !== score.textContent) score.replaceChildren(...fresh.childNodes);
    }
    patch(this.offenders, offendersSection(fulfilled));
    patch(this.ranking, rankingSection(fulfilled, this.asOf));
  }

  updateProgress(table: ProgressTable): void {
    const fulfilled: PromiseSettledResult<ProgressTable> = { status: "fulfilled", value: table };
    patch(this.overdue, overdueSection(fulfilled, this.plan));
    patch(this.progress, progressSection(fulfilled, this.plan));
  }
}

/** Moves the fresh section's content into the one on screen (same element, so references and ids stay). */
function adopt(target: HTMLElement, fresh: HTMLElement): void {
  target.replaceChildren(...fresh.childNodes);
}

/**
 * Replaces a list section's rows when they changed, unless the keyboard focus is inside it: then it
 * waits for the next push, so the user never loses their place.
 */
function patch(target: HTMLElement, fresh: HTMLElement): void {
  if (target.contains(document.activeElement) || target.querySelector("details[open]")) return;
  if (target.innerHTML === fresh.innerHTML) return;
  adopt(target, fresh);
}
