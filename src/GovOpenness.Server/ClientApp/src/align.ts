// The 文件比对 page (issue 6): a parent and a child document, chosen from the samples, read from files
// or pasted, aligned by POST /api/align; the report shows coverage, the 层层加码 index, every pair with
// its change and deadline shifts (11月底 → 7月底), doubtful matches marked for review, dropped and added items.

import { AlignmentReport, api, ReportItem, ReportPair, ReportShift } from "./api.js";
import { chineseDate, fullChineseDate } from "./dates.js";
import { columnHeads, el } from "./dom.js";
import { errorMessage } from "./tree.js";

/** The labels of Domain/Alignment/ChangeNames.Label, keyed by the JSON codes. */
const CHANGE_NAMES: Record<string, string> = {
  deadlineLoosened: "期限推后（违规）",
  deadlineTightened: "期限提前",
  merged: "合并",
  split: "拆分",
  unitsAdded: "增列责任单位",
  deadlineRemoved: "未写明期限",
  reworded: "改写",
  unchanged: "原样保留",
};

/** The 山西省 001 → 孝义市 002 pair, offered first. */
const DEFAULT_PAIR = { parent: "001", child: "002", label: "山西省 2022 → 孝义市 2022" };

export class AlignPage {
  private readonly parentText = el("textarea", { id: "parent-text", rows: "10", "aria-label": "上级工作要点全文", placeholder: "粘贴上级公文全文，或选择文件" });
  private readonly childText = el("textarea", { id: "child-text", rows: "10", "aria-label": "下级工作要点全文", placeholder: "粘贴下级公文全文，或选择文件" });
  private readonly pairSelect = el("select", { id: "sample-pair", "aria-label": "示例文件" });
  private readonly result = el("div", { id: "align-result", "aria-live": "polite" });
  private readonly runButton = el("button", { type: "button", id: "run-align", class: "primary" }, "开始比对");

  constructor(private readonly root: HTMLElement) {
    this.pairSelect.append(el("option", { value: `${DEFAULT_PAIR.parent}>${DEFAULT_PAIR.child}` }, DEFAULT_PAIR.label));
    const load = el("button", { type: "button", id: "load-sample" }, "载入示例");
    load.addEventListener("click", () => void this.loadSample());
    this.runButton.addEventListener("click", () => void this.run());
    root.replaceChildren(
      el("h2", { id: "align-title" }, "文件比对：下级工作要点对上级的落实情况"),
      el("p", { class: "note" }, "选择或粘贴上级与下级的工作要点全文（支持 UTF-8、GB18030 文本文件），逐条比对：覆盖率、层层加码指数、每条对应关系与时限调整。"),
      el("div", { class: "samples" }, el("label", {}, "示例 ", this.pairSelect), " ", load),
      el("div", { class: "documents" }, this.documentField("上级公文", "parent-file", this.parentText), this.documentField("下级公文", "child-file", this.childText)),
      el("p", {}, this.runButton),
      this.result,
    );
    void this.listSamples();
  }

  private documentField(title: string, fileId: string, text: HTMLTextAreaElement): HTMLElement {
    // The browser's own file button speaks the browser's language: a Chinese label stands in for it.
    const file = el("input", { type: "file", id: fileId, class: "visually-hidden", accept: ".txt,text/plain" });
    const chosenName = el("span", { class: "file-name" }, "未选择文件");
    file.addEventListener("change", () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      chosenName.textContent = chosen.name;
      void readDocument(chosen).then((content) => (text.value = content));
    });
    return el(
      "fieldset",
      {},
      el("legend", {}, title),
      el("label", { class: "file-button", for: fileId }, "选择文件…"),
      file,
      " ",
      chosenName,
      text,
    );
  }

  private async listSamples(): Promise<void> {
    try {
      const samples = await api.samples();
      const named = (n: string) => samples.documents.find((d) => d.number === n);
      this.pairSelect.replaceChildren(
        ...samples.pairs.map((p) => {
          const parent = named(p.parent);
          const child = named(p.child);
          const docs = parent && child ? `（${p.parent} ${parent.docNumber ?? parent.title ?? ""} → ${p.child} ${child.docNumber ?? child.title ?? ""}）` : "";
          return el("option", { value: `${p.parent}>${p.child}` }, p.label + docs);
        }),
      );
    } catch {
      // The default pair stays offered; loading it reports any error.
    }
  }

  private async loadSample(): Promise<void> {
    const [parent, child] = this.pairSelect.value.split(">") as [string, string];
    this.result.replaceChildren(el("p", { class: "status" }, "正在载入示例文件…"));
    try {
      const [parentText, childText] = await Promise.all([api.sampleText(parent), api.sampleText(child)]);
      this.parentText.value = parentText;
      this.childText.value = childText;
      this.result.replaceChildren(el("p", { class: "status" }, `已载入示例 ${parent} → ${child}，请点击“开始比对”`));
    } catch (error) {
      this.result.replaceChildren(errorMessage(error));
    }
  }

  private async run(): Promise<void> {
    this.runButton.disabled = true;
    this.root.setAttribute("aria-busy", "true");
    this.result.replaceChildren(el("p", { class: "status" }, "正在比对…"));
    try {
      const report = await api.align(this.parentText.value, this.childText.value);
      this.result.replaceChildren(...renderReport(report));
    } catch (error) {
      this.result.replaceChildren(errorMessage(error));
    } finally {
      this.runButton.disabled = false;
      this.root.removeAttribute("aria-busy");
    }
  }
}

/** A text file as UTF-8, or GB18030 when it is not valid UTF-8 (many government sites still publish so). */
async function readDocument(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function share(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

function planName(plan: AlignmentReport["parent"]): string {
  return [plan.title ?? plan.issuer ?? "（无标题）", plan.docNumber ? `（${plan.docNumber}）` : "", `，${plan.items} 条`].join("");
}

function renderReport(report: AlignmentReport): HTMLElement[] {
  const index = report.escalationIndex;
  const summary = el(
    "dl",
    { class: "align-summary" },
    el("dt", {}, "上级"),
    el("dd", {}, planName(report.parent)),
    el("dt", {}, "下级"),
    el("dd", {}, planName(report.child)),
    el("dt", {}, "覆盖率"),
    el("dd", { class: "coverage", "data-coverage": String(report.coverage) }, `${share(report.coverage)}（上级事项被下级落实的比例）`),
    el("dt", {}, "层层加码指数"),
    el(
      "dd",
      { class: "escalation" },
      el("strong", {}, index.value.toFixed(1)),
      ` / 100（${index.tightenedPairs}/${index.matchedPairs} 对时限提前，平均提前 ${index.meanWorkingDaysEarlier.toFixed(1)} 个工作日；新增事项 ${index.addedItems} 条；${index.pairsWithAddedUnits} 对增列责任单位）`,
    ),
    el("dt", {}, "期限推后（违规）"),
    el("dd", { class: index.loosenedPairs > 0 ? "violation" : "" }, `${index.loosenedPairs} 对`),
    el("dt", {}, "平均置信度"),
    el("dd", {}, share(report.meanConfidence)),
  );
  const doubtful = report.pairs.filter((p) => p.doubtful).length;
  const head = ["下级事项", "对应上级事项", "变化", "时限", "置信度"];
  const pairs = el(
    "table",
    { class: "pairs" },
    el("caption", {}, `逐条对应（${report.pairs.length} 对${doubtful ? `，其中 ${doubtful} 对置信度低，请人工复核` : ""}）`),
    columnHeads(...head),
    el("tbody", {}, ...report.pairs.map(pairRow)),
  );
  return [
    el("section", { class: "align-report", "aria-label": "比对结果" }, summary, pairs),
    itemList("dropped", "上级有、下级未落实的事项（打折扣之嫌）", report.dropped, "无：上级事项均已落实"),
    itemList("added", "下级新增的事项", report.added, "无新增事项"),
    // Sections (一、二、…) and sub-sections (（一） above numbered items) are matched too, but they only
    // group items: folded, so the items stay in front.
    tierDetails("sections", "章节", report.sections, report.sectionsDropped, report.sectionsAdded),
    tierDetails("subsections", "分节（（一）下设条目）", report.subsections, report.subsectionsDropped, report.subsectionsAdded),
  ].filter((part): part is HTMLElement => part !== null);
}

/** One grouping tier: its pairs, what the parent has and the child lacks, what the child adds; null when the tier is empty. */
function tierDetails(cls: string, name: string, pairs: ReportPair[], dropped: ReportItem[], added: ReportItem[]): HTMLElement | null {
  if (pairs.length + dropped.length + added.length === 0) {
    return null;
  }
  const head = ["下级", "对应上级", "变化", "时限", "置信度"];
  return el(
    "details",
    { class: `tier ${cls}` },
    el("summary", {}, `${name}对应（${pairs.length} 对，上级有下级无 ${dropped.length}，下级新增 ${added.length}）`),
    el("table", { class: "pairs" }, columnHeads(...head), el("tbody", {}, ...pairs.map(pairRow))),
    itemList(`${cls}-dropped`, `${name}：上级有、下级无`, dropped, "无"),
    itemList(`${cls}-added`, `${name}：下级新增`, added, "无"),
  );
}

function pairRow(pair: ReportPair): HTMLTableRowElement {
  const others = pair.flags.filter((f) => f !== pair.change).map((f) => CHANGE_NAMES[f] ?? f);
  return el(
    "tr",
    { class: pair.doubtful ? "doubtful" : "", "data-child-id": pair.childId, "data-change": pair.change },
    el("td", {}, el("span", { class: "item-id" }, pair.childId), " ", pair.childHeading),
    el("td", {}, el("span", { class: "item-id" }, pair.parentIds.join("、")), " ", pair.parentHeading),
    el("td", {}, el("span", { class: `kind kind-${pair.change}` }, CHANGE_NAMES[pair.change] ?? pair.change), others.length ? el("div", { class: "flags" }, `另：${others.join("、")}`) : null),
    el("td", {}, ...pair.deadlineShifts.map(shiftMark)),
    el("td", {}, `${Math.round(pair.confidence * 100)}%`, pair.doubtful ? el("span", { class: "review", title: "置信度低，请人工复核" }, "待复核") : null),
  );
}

/** One deadline as from → to, the way the documents write dates; moves earlier or later highlighted. */
function shiftMark(shift: ReportShift): HTMLElement {
  const from = shift.from ? chineseDate(shift.from) : shift.fromText ?? "（上级未定）";
  const to = shift.to ? chineseDate(shift.to) : shift.toText ?? "（未写明）";
  const title = [
    shift.fromText ? `上级原文：${shift.fromText}${shift.from ? `（${fullChineseDate(shift.from)}）` : ""}` : "上级未定时限",
    shift.toText ? `下级原文：${shift.toText}${shift.to ? `（${fullChineseDate(shift.to)}）` : ""}` : "下级未写明时限",
    shift.workingDaysEarlier ? `提前 ${shift.workingDaysEarlier} 个工作日` : "",
  ].filter((t) => t).join("；");
  if (shift.direction === "same") return el("div", { class: "shift same", title }, `${to}（未变）`);
  const cls = shift.direction === "loosened" ? "loosen" : shift.direction === "removed" ? "removed" : "move";
  // Struck through only what the child replaced: where the parent set no date there is nothing to strike.
  const before = shift.direction === "added" ? el("span", { class: "none" }, from) : el("s", {}, from);
  return el("div", { class: "shift" }, el("mark", { class: cls, title, "data-direction": shift.direction }, before, " → ", el("strong", {}, to)));
}

function itemList(cls: string, heading: string, items: { id: string; heading: string }[], none: string): HTMLElement {
  return el(
    "section",
    { class: cls, "aria-label": heading },
    el("h3", {}, `${heading}（${items.length}）`),
    items.length
      ? el("ul", {}, ...items.map((i) => el("li", { "data-item-id": i.id }, el("span", { class: "item-id" }, i.id), " ", i.heading)))
      : el("p", { class: "status" }, none),
  );
}
