// The selected body's progress in the panel: overview figures (each opens "how was this computed"),
// the overdue items, the progress of each item, the worst offenders below it and the 考核 ranking.

import { api, ApiError, EffectivePlan, ItemStanding, ProgressTable, figureOf, SummaryView } from "./api.js";
import { chineseDate, fullChineseDate } from "./dates.js";
import { columnHeads, el } from "./dom.js";
import { FIGURE_NAMES, hasData, lightMark, nameOf, STATUS_NAMES } from "./progress.js";
import { errorMessage } from "./tree.js";
import { deskApi } from "./desk-api.js";

/** The figures shown as buttons in the overview, in reading order. */
const OVERVIEW_FIGURES = ["bodies", "items", "itemsAcknowledged", "itemsInProgress", "itemsReported", "itemsClosed", "itemsOverdue", "itemsDueSoon", "bodiesWithOverdue"];

const PART_KINDS: Record<string, string> = { body: "本机构", item: "本级事项", child: "下级" };

function section(cls: string, heading: string, id: string): HTMLElement {
  return el("section", { class: cls, "aria-labelledby": id }, el("h3", { id }, heading));
}

/** A failed load: 404 is the ordinary "nothing for this year"; anything else is an error shown as such. */
function failed(reason: unknown, notFound: string): HTMLElement {
  if (reason instanceof ApiError && reason.status === 404) return el("p", { class: "status" }, notFound);
  return errorMessage(reason);
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** The subtree's light and counts; clicking a figure shows the parts it adds up from. */
export function overviewSection(
  bodyId: string,
  year: number,
  result: PromiseSettledResult<SummaryView>,
  plan: EffectivePlan | undefined,
  asOf?: string,
): HTMLElement {
  const root = section("overview", "进度概况（含下级）", "overview-heading");
  if (result.status === "rejected") {
    root.append(failed(result.reason, "暂无进度数据"));
    return root;
  }
  const view = result.value;
  if (!hasData(view)) {
    root.append(el("p", { class: "status no-plan" }, `${year} 年度没有工作要点（或尚未下达），不计分、不排名`));
    return root;
  }
  const counts = view.summary.counts;
  const explain = el("div", { class: "explain", "aria-live": "polite" });
  const figures = el("ul", { class: "figures" });
  for (const figure of OVERVIEW_FIGURES) {
    const button = el(
      "button",
      { type: "button", class: "figure", "data-figure": figure, title: "点击查看计算过程" },
      el("span", { class: "figure-name" }, FIGURE_NAMES[figure] ?? figure),
      el("strong", {}, String(figureOf(counts, figure))),
    );
    button.addEventListener("click", () => void new Explainer(explain, year, asOf).open(bodyId, figure, plan));
    figures.append(el("li", {}, button));
  }
  const score = view.score;
  root.append(
    el("p", { class: "subtree-light" }, "总体：", lightMark(view.light)),
    figures,
    el(
      "p",
      { class: "score" },
      "考核得分 ",
      el("strong", { class: "score-value" }, score.score.toFixed(2)),
      `（按时率 ${percent(score.onTimeShare)}，完成率 ${percent(score.completionShare)}，复核通过率 ${percent(score.acceptedShare)}，逾期占比 ${percent(score.overdueShare)}）`,
      " ",
      scoreButton(explain, bodyId, year, asOf),
    ),
    explain,
  );
  return root;
}

function scoreButton(target: HTMLElement, bodyId: string, year: number, asOf: string | undefined): HTMLButtonElement {
  const button = el("button", { type: "button", class: "figure explain-score", "data-figure": "score", title: "点击查看得分的计算过程" }, "得分怎样算出");
  button.addEventListener("click", () => void new Explainer(target, year, asOf).open(bodyId, "score", undefined));
  return button;
}

/**
 * "How was this computed", for a figure or the 考核 score. Opening a child's part shows the same
 * figure at the child, with the child's own item headings; a trail above leads back up, step by step.
 */
class Explainer {
  private readonly trail: { bodyId: string; plan: EffectivePlan | undefined }[] = [];

  constructor(private readonly target: HTMLElement, private readonly year: number, private readonly asOf: string | undefined) {}

  async open(bodyId: string, figure: string, plan: EffectivePlan | undefined): Promise<void> {
    this.trail.push({ bodyId, plan });
    await this.render(figure);
  }

  private async back(depth: number, figure: string): Promise<void> {
    this.trail.length = depth + 1;
    await this.render(figure);
  }

  private async render(figure: string): Promise<void> {
    const { bodyId } = this.trail[this.trail.length - 1]!;
    const name = figure === "score" ? "考核得分" : FIGURE_NAMES[figure] ?? figure;
    this.target.replaceChildren(el("p", { class: "status" }, `正在计算“${name}”…`));
    this.target.setAttribute("aria-busy", "true");
    try {
      const trail = await this.trailNav(figure);
      const body = figure === "score" ? await this.scoreBody(bodyId) : await this.figureBody(bodyId, figure, name);
      const whose = this.trail.length > 1 ? `${await nameOf(bodyId)}的` : "";
      this.target.replaceChildren(...[trail, el("h4", {}, `${whose}“${name}”是怎样算出的`), ...body].filter((n): n is HTMLElement => !!n));
      this.target.dataset.bodyId = bodyId;
      this.target.dataset.figure = figure;
    } catch (error) {
      this.target.replaceChildren(errorMessage(error));
    } finally {
      this.target.setAttribute("aria-busy", "false");
    }
  }

  /** "吕梁市 › 孝义市": each earlier step is a button back to it. */
  private async trailNav(figure: string): Promise<HTMLElement | undefined> {
    if (this.trail.length < 2) return undefined;
    const steps = await Promise.all(this.trail.map((t) => nameOf(t.bodyId)));
    const nav = el("nav", { class: "explain-trail", "aria-label": "已展开的层级" });
    steps.forEach((stepName, i) => {
      if (i > 0) nav.append(" › ");
      if (i === steps.length - 1) {
        nav.append(el("span", { "aria-current": "step" }, stepName));
      } else {
        const back = el("button", { type: "button", class: "trail-back", "data-body-id": this.trail[i]!.bodyId }, `返回 ${stepName}`);
        back.addEventListener("click", () => void this.back(i, figure));
        nav.append(back);
      }
    });
    return nav;
  }

  private async figureBody(bodyId: string, figure: string, name: string): Promise<HTMLElement[]> {
    const step = this.trail[this.trail.length - 1]!;
    // A child's items are its own plan's: fetch its headings when the explanation opens there.
    step.plan ??= await api.plan(bodyId, this.year).catch(() => undefined);
    const explanation = await api.explain(bodyId, this.year, figure, this.asOf);
    const parts = await Promise.all(
      explanation.parts.map(async (part) => {
        const label = part.kind === "child" ? `${await nameOf(part.id)}（${part.id}）` : part.kind === "item" ? `事项 ${part.id} ${headingOf(step.plan, part.id)}` : "本机构自身";
        const open = part.kind === "child" ? el("button", { type: "button", class: "open-child", "aria-label": `展开 ${label} 的“${name}”` }, "展开") : null;
        open?.addEventListener("click", () => void this.open(part.id, figure, undefined));
        return el("li", { "data-kind": part.kind, "data-id": part.id }, el("span", { class: "tag" }, PART_KINDS[part.kind] ?? part.kind), ` ${label}：`, el("strong", {}, String(part.value)), open ? " " : null, open);
      }),
    );
    return [
      el("p", {}, `共 ${explanation.total}，为以下各部分之和（下级一项为其整个下级范围）：`),
      parts.length > 0 ? el("ul", { class: "parts" }, ...parts) : el("p", { class: "status" }, "各部分均为 0"),
    ];
  }

  private async scoreBody(bodyId: string): Promise<HTMLElement[]> {
    const explained = await deskApi.score(bodyId, this.year, this.asOf);
    if (!explained.hasPlan) return [el("p", { class: "status no-plan" }, explained.words)];
    const children = (explained.children ?? []).map((c) => {
      const open = el("button", { type: "button", class: "open-child", "aria-label": `展开 ${c.name} 的考核得分` }, "展开");
      open.addEventListener("click", () => void this.open(c.bodyId, "score", undefined));
      return el("li", { "data-id": c.bodyId }, `第 ${c.rank} 名 ${c.name}（${c.bodyId}）：`, el("strong", {}, c.score.toFixed(2)), ` 分，${c.items} 项 `, open);
    });
    const shown: HTMLElement[] = [
      el("ul", { class: "parts score-parts" }, ...explained.parts.map((p) => el("li", { "data-part": p.key }, p.words))),
      el("p", { class: "explain-words" }, explained.words),
    ];
    if (children.length > 0) {
      shown.push(el("p", {}, "直属下级（按整个下级范围的得分排名；无工作要点的不排名）："), el("ol", { class: "child-scores" }, ...children));
    }
    return shown;
  }
}

function headingOf(plan: EffectivePlan | undefined, itemId: string): string {
  const item = plan?.items.find((i) => i.item.id === itemId)?.item;
  return item ? item.heading || item.text.slice(0, 40) : "";
}

function deadlineOf(plan: EffectivePlan | undefined, row: ItemStanding): HTMLElement {
  if (!row.deadline) return el("span", { class: "deadline" }, "无明确时限");
  const texts = plan?.items.find((i) => i.item.id === row.itemId)?.item.deadlines.map((d) => d.text).filter((t) => t) ?? [];
  return el("span", { class: "deadline", title: texts.length ? `原文：${texts.join("；")}` : "" }, `${chineseDate(row.deadline)}（${fullChineseDate(row.deadline)}）`);
}

function statusOf(row: ItemStanding): string {
  if (row.status === "inProgress" && row.returnReason) return `退回（${row.returnReason}）`;
  return STATUS_NAMES[row.status];
}

function overdueText(row: ItemStanding): string {
  return row.overdueDays > 0 ? `逾期 ${row.overdueWorkingDays} 个工作日` : "—";
}

/** Red items first in the page: what a supervisor chases. */
export function overdueSection(result: PromiseSettledResult<ProgressTable>, plan: EffectivePlan | undefined): HTMLElement {
  const root = section("overdue", "逾期事项（本级）", "overdue-heading");
  if (result.status === "rejected") {
    root.append(failed(result.reason, "该机构本年度尚无事项"));
    return root;
  }
  const red = result.value.items.filter((r) => r.light === "red").sort((a, b) => b.overdueDays - a.overdueDays);
  if (red.length === 0) {
    root.append(el("p", { class: "status" }, `截至${fullChineseDate(result.value.asOf)}，本级没有逾期事项`));
    return root;
  }
  root.append(
    el("p", { class: "status" }, `截至${fullChineseDate(result.value.asOf)}，本级共 ${red.length} 项逾期：`),
    el(
      "ul",
      { class: "overdue-items" },
      ...red.map((row) =>
        el(
          "li",
          { "data-item-id": row.itemId },
          el("span", { class: "item-id" }, row.itemId),
          " ",
          headingOf(plan, row.itemId),
          " · 时限 ",
          deadlineOf(plan, row),
          " · ",
          el("strong", { class: "overdue-days", title: `逾期 ${row.overdueDays} 个自然日` }, overdueText(row)),
          ` · ${statusOf(row)}`,
        ),
      ),
    ),
  );
  return root;
}

/** Every item of the body's plan with its step, percent, deadline, light and notes. */
export function progressSection(result: PromiseSettledResult<ProgressTable>, plan: EffectivePlan | undefined): HTMLElement {
  const root = section("progress", "本级事项进度", "progress-heading");
  if (result.status === "rejected") {
    root.append(failed(result.reason, "该机构本年度尚无事项"));
    return root;
  }
  if (result.value.items.length === 0) {
    root.append(el("p", { class: "status" }, "该机构本年度尚无事项"));
    return root;
  }
  const head = ["编号", "事项", "办理环节", "进度", "时限", "状态灯", "逾期", "备注 / 印证资料"];
  const rows = result.value.items.map((row) =>
    el(
      "tr",
      { "data-item-id": row.itemId, "data-status": row.status, "data-light": row.light },
      el("td", { class: "item-id" }, row.itemId),
      el("td", {}, headingOf(plan, row.itemId)),
      el("td", { class: "status-name" }, statusOf(row)),
      el("td", { class: "percent" }, row.percent !== null && row.percent !== undefined ? `${row.percent}%` : "—"),
      el("td", {}, deadlineOf(plan, row)),
      el("td", {}, lightMark(row.light)),
      el("td", { class: "overdue-days" }, overdueText(row)),
      el(
        "td",
        { class: "notes" },
        row.note ? el("div", {}, row.note) : null,
        ...row.evidence.map((link, i) => el("div", {}, el("a", { href: link, rel: "noopener noreferrer", target: "_blank" }, `印证资料 ${i + 1}`))),
      ),
    ),
  );
  root.append(
    el(
      "table",
      { class: "progress-table" },
      columnHeads(...head),
      el("tbody", {}, ...rows),
    ),
  );
  return root;
}

/** The subtree's worst bodies (most overdue days), with their names. */
export function offendersSection(result: PromiseSettledResult<SummaryView>): HTMLElement {
  const root = section("offenders", "督办：逾期最严重的机构（含下级）", "offenders-heading");
  if (result.status !== "fulfilled") return root;
  const offenders = result.value.summary.extremes.offenders;
  if (offenders.length === 0) {
    root.append(el("p", { class: "status" }, "没有逾期的机构"));
    return root;
  }
  const list = el("ol", { class: "offender-list" });
  for (const offender of offenders) {
    const name = el("span", { class: "name" }, offender.bodyId);
    void nameOf(offender.bodyId).then((n) => (name.textContent = n));
    list.append(
      el(
        "li",
        { "data-body-id": offender.bodyId },
        name,
        el("span", { class: "code" }, offender.bodyId),
        ` 逾期 ${offender.overdueItems} 项，累计逾期 ${offender.overdueDaysSum} 天，最长 ${offender.maxOverdueDays} 天`,
      ),
    );
  }
  root.append(list);
  return root;
}

/** The children ranked by their subtree's 考核 score. */
export function rankingSection(result: PromiseSettledResult<SummaryView>, asOf?: string): HTMLElement {
  const root = section("ranking", "考核排名（直属下级）", "ranking-heading");
  if (result.status !== "fulfilled") return root;
  if (!hasData(result.value)) {
    root.append(el("p", { class: "status no-plan" }, "本年度没有工作要点，不排名"));
    return root;
  }
  // A child without any item scores nothing because it has no plan, not because it did badly: not ranked.
  const ranking = result.value.ranking.filter((r) => !isEmptyScore(r.score));
  if (asOf) root.append(el("p", { class: "note" }, `按 ${fullChineseDate(asOf)} 的情况排名`));
  if (ranking.length === 0) {
    root.append(el("p", { class: "status" }, "下级尚无进度上报，暂无排名"));
    return root;
  }
  const head = ["名次", "机构", "得分", "按时率", "完成率", "逾期事项"];
  const rows = ranking.map((r, i) => {
    const name = el("span", { class: "name" }, r.bodyId);
    void nameOf(r.bodyId).then((n) => (name.textContent = n));
    return el(
      "tr",
      { "data-body-id": r.bodyId },
      el("td", {}, String(i + 1)),
      el("td", {}, name, el("span", { class: "code" }, r.bodyId)),
      el("td", {}, r.score.score.toFixed(2)),
      el("td", {}, percent(r.score.onTimeShare)),
      el("td", {}, percent(r.score.completionShare)),
      el("td", {}, String(r.score.overdueItems)),
    );
  });
  root.append(
    el("table", { class: "ranking-table" }, columnHeads(...head), el("tbody", {}, ...rows)),
    el("p", { class: "note" }, "得分 = 100 ×（0.4 × 按时率 + 0.3 × 完成率 + 0.3 × 复核通过率）− 20 × 逾期占比，按下级整个范围计算。"),
  );
  return root;
}

/** A score of a body with no items at all (every share 0, nothing overdue): a body without a plan. */
function isEmptyScore(score: { score: number; onTimeShare: number; completionShare: number; acceptedShare: number; overdueShare: number; overdueItems: number }): boolean {
  return score.score === 0 && score.onTimeShare === 0 && score.completionShare === 0 && score.acceptedShare === 0 && score.overdueShare === 0 && score.overdueItems === 0;
}
