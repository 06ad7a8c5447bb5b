// 导入本级文件: the body's own plan written in Word (.docx) or as text, paired task by task with the
// parent's plan by the server's aligner. Each pair can be re-paired (another parent task) or un-paired
// (本级新增) before 保存为草稿; the draft is then published like any other (发布). Nothing is stored
// until the editor saves: the file is sent again with the corrections, and the server pairs it the same way.

import { api, ApiError, ImportPair, ImportPairsView } from "./api.js";
import { el } from "./dom.js";

const UNPAIRED = "";

export class ImportPairsEditor {
  readonly root = el("section", { class: "import-pairs", "aria-labelledby": "import-heading" });
  private readonly file = el("input", { id: "import-file", type: "file", accept: ".docx,.txt", class: "import-file" });
  private readonly compare = el("button", { type: "button", class: "import-compare" }, "比对");
  private readonly save = el("button", { type: "button", class: "import-save" }, "保存为草稿");
  private readonly status = el("p", { class: "status", role: "status", "aria-live": "polite" });
  private readonly error = el("p", { class: "error", role: "alert" });
  private readonly result = el("div", { class: "import-result" });
  /** The editor's corrections: the document's task id → the parent task it carries out, or null (none). */
  private readonly corrections = new Map<string, string | null>();
  private document: { base64: string; name: string } | undefined;
  private reading = 0;

  constructor(
    private readonly bodyId: string,
    private readonly year: number,
    private readonly onSaved: (version: number) => void,
  ) {
    this.save.hidden = true;
    this.root.append(
      el("h4", { id: "import-heading" }, "导入本级文件（逐项核对配对）"),
      el("label", { for: this.file.id }, "本级文件（.docx 或 .txt）"),
      this.file,
      this.compare,
      this.status,
      this.error,
      this.result,
      this.save,
    );
    this.compare.addEventListener("click", () => void this.start());
    this.save.addEventListener("click", () => void this.saveDraft());
  }

  private async start(): Promise<void> {
    const chosen = this.file.files?.[0];
    if (!chosen) {
      this.error.textContent = "请先选择本级文件";
      this.file.focus();
      return;
    }
    this.error.textContent = "";
    this.corrections.clear();
    this.document = { base64: toBase64(new Uint8Array(await chosen.arrayBuffer())), name: chosen.name };
    await this.pair();
  }

  /** Asks the server for the pairs with the corrections so far (the latest answer wins). */
  private async pair(): Promise<void> {
    if (!this.document) return;
    const reading = ++this.reading;
    this.status.textContent = "正在比对…";
    try {
      const view = await api.importPairs(this.bodyId, this.year, this.request());
      if (reading !== this.reading) return;
      this.render(view);
      this.status.textContent = `《${view.title ?? "本级文件"}》：${view.pairs.length} 项，上级事项覆盖 ${Math.round(view.coverage * 100)}%` +
        (view.correctedCount > 0 ? `，已人工更正 ${view.correctedCount} 项` : "");
    } catch (e) {
      if (reading !== this.reading) return;
      this.status.textContent = "";
      this.error.textContent = `比对失败：${e instanceof ApiError ? e.message : "请重试"}`;
    }
  }

  private request() {
    return {
      document: this.document!.base64,
      fileName: this.document!.name,
      corrections: [...this.corrections].map(([childItemId, parentItemId]) => ({ childItemId, parentItemId })),
    };
  }

  private render(view: ImportPairsView): void {
    const options = view.parentItems.map((p) => ({ value: p.id, label: `${p.id} ${p.heading}` }));
    const rows = view.pairs.map((pair) => this.row(pair, options));
    const dropped = view.dropped.length > 0 ? [el("p", { class: "dropped" }, `上级事项在本级文件中未见对应（将标注不予执行）：${view.dropped.join("、")}`)] : [];
    this.result.replaceChildren(
      el(
        "table",
        { class: "pairs-table" },
        el("thead", {}, el("tr", {}, el("th", {}, "本级事项"), el("th", {}, "对应上级事项"), el("th", {}, "比对结果"), el("th", {}, "操作"))),
        el("tbody", {}, ...rows),
      ),
      ...dropped,
    );
    this.save.hidden = false;
  }

  private row(pair: ImportPair, options: { value: string; label: string }[]): HTMLTableRowElement {
    const id = `pair-${pair.itemId}`.replace(/[^\w-]/g, "_");
    const select = el("select", { id, class: "pair-parent" });
    select.append(el("option", { value: UNPAIRED }, "（无对应：本级新增）"));
    for (const option of options) select.append(el("option", { value: option.value }, option.label));
    select.value = pair.parentItemId ?? UNPAIRED;
    select.addEventListener("change", () => this.correct(pair.itemId, select.value === UNPAIRED ? null : select.value));
    const unpair = el("button", { type: "button", class: "unpair" }, "取消配对");
    unpair.disabled = pair.parentItemId == null;
    unpair.addEventListener("click", () => this.correct(pair.itemId, null));
    const result = `${pair.changeLabel}${pair.confidence != null ? `（可信度 ${Math.round(pair.confidence * 100)}%）` : ""}${pair.doubtful ? " · 请核对" : ""}${pair.corrected ? " · 已更正" : ""}`;
    return el(
      "tr",
      { "data-item-id": pair.itemId, "data-parent-id": pair.parentItemId ?? "", class: pair.corrected ? "corrected" : pair.doubtful ? "doubtful" : undefined },
      el("td", {}, el("strong", {}, pair.itemId), ` ${pair.heading}`),
      el("td", {}, el("label", { for: id, class: "visually-hidden" }, `对应上级事项（本级 ${pair.itemId}）`), select),
      el("td", { class: "pair-change" }, result),
      el("td", {}, unpair),
    );
  }

  private correct(itemId: string, parentItemId: string | null): void {
    this.corrections.set(itemId, parentItemId);
    void this.pair();
  }

  private async saveDraft(): Promise<void> {
    if (!this.document) return;
    this.save.disabled = true;
    this.error.textContent = "";
    try {
      const saved = await api.importDraft(this.bodyId, this.year, this.request());
      this.status.textContent = `已保存草稿第 ${saved.draft.version} 版（人工更正配对 ${saved.pairs.correctedCount} 项，${saved.draft.changes.length} 项调整）` +
        (saved.notes.length > 0 ? `；${saved.notes.join("；")}` : "");
      this.onSaved(saved.draft.version);
    } catch (e) {
      this.error.textContent = `保存草稿失败：${e instanceof ApiError ? e.message : "请重试"}`;
    } finally {
      this.save.disabled = false;
    }
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
