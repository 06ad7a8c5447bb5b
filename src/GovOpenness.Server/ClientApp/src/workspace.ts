// The signed-in body's workspace in the panel: its 待办 (plans to adopt, children's 反馈 to review,
// returns, 催办 received), 采用上级要点 or a draft, its reporter's 签收/办理/反馈 with evidence, and its
// reviewer's 通过/退回 and 催办. Built once per selection; pushes never rebuild it (what is typed stays),
// only its own actions refresh the part they changed.

import { AccountView, api, ApiError, BodyInfo, evidenceHref, InboxView, ItemStanding, ReportToReview } from "./api.js";
import { fullChineseDate } from "./dates.js";
import { el } from "./dom.js";
import { DraftEditor } from "./draft.js";
import { ImportPairsEditor } from "./importPairs.js";
import { STATUS_NAMES } from "./progress.js";

function failure(error: unknown, what: string): string {
  return `${what}失败：${error instanceof ApiError ? error.message : "请重试"}`;
}

let requestCounter = 0;
function requestId(): string {
  return `viewer-${Date.now().toString(36)}-${(++requestCounter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export class Workspace {
  readonly root = el("section", { class: "workspace", "aria-labelledby": "workspace-heading" });
  private readonly inboxPart = el("div", { class: "inbox", "data-testid": "inbox" });
  // The review queue's rows by their report: the 待办 is drawn again on every live notice (a 催办, a new
  // report), and a fresh row would drop the reason a reviewer is typing and the error shown beside it.
  private reviewRows = new Map<string, HTMLLIElement>();
  private readonly draftPart = el("div", { class: "draft" });
  private readonly reportPart = el("div", { class: "report" });
  private readonly urgePart = el("div", { class: "urge" });
  private readonly announce = el("p", { class: "status", role: "status", "aria-live": "polite" });

  constructor(
    private readonly account: AccountView,
    private readonly body: BodyInfo,
    private readonly year: number,
    private readonly onChanged: () => void,
  ) {
    const roles = new Set(account.roles);
    this.root.append(el("h3", { id: "workspace-heading" }, "本级工作台"), this.announce, this.inboxPart);
    if (roles.has("editor") && body.parentId) {
      // 导入本级文件: saved as the draft, which then opens below for 发布.
      const importer = new ImportPairsEditor(body.id, year, () => void this.openDraft());
      this.root.append(importer.root, this.draftPart);
    }
    if (roles.has("reporter")) this.root.append(this.reportPart);
    if (roles.has("reviewer")) this.root.append(this.urgePart);
  }

  /** Whether the account works at this body (its own); other bodies are only read. */
  static appliesTo(account: AccountView, body: BodyInfo): boolean {
    return account.bodyId === body.id;
  }

  async load(): Promise<void> {
    await Promise.all([this.loadInbox(), this.loadReports(), this.loadUrgeForm()]);
  }

  /** Called on pushes (coalesced by the panel): the inbox lists only, never a form. */
  async refreshInbox(): Promise<void> {
    await this.loadInbox();
  }

  /** Counts inbox reads: an answer overtaken by a later read (two pushes close together) is dropped. */
  private inboxReads = 0;

  private async loadInbox(): Promise<void> {
    const read = ++this.inboxReads;
    let inbox: InboxView;
    try {
      inbox = await api.inbox(this.body.id, this.year);
      if (read !== this.inboxReads) return;
    } catch (error) {
      if (read !== this.inboxReads) return;
      this.inboxPart.replaceChildren(el("p", { class: "error", role: "alert" }, failure(error, "读取待办")));
      return;
    }
    const roles = new Set(this.account.roles);
    const parts: (HTMLElement | null)[] = [el("h4", {}, `待办（${inbox.counts.total}）`)];
    if (inbox.plans.length > 0) {
      parts.push(el("h5", {}, `待采用的上级工作要点（${inbox.plans.length}）`));
      for (const plan of inbox.plans) {
        const adopt = el("button", { type: "button", class: "adopt" }, "采用上级要点");
        const draft = el("button", { type: "button", class: "open-draft" }, "调整时限等（打开草稿）");
        adopt.disabled = !roles.has("editor");
        draft.disabled = !roles.has("editor");
        adopt.addEventListener("click", () => void this.adopt(adopt));
        draft.addEventListener("click", () => void this.openDraft());
        parts.push(el("div", { class: "plan-to-adopt", "data-year": String(plan.year) }, `${plan.year} 年《${plan.title ?? "工作要点"}》（${plan.items} 项，上级 ${plan.parentId}） `, adopt, " ", draft));
      }
    }
    if (inbox.reviews.length > 0) {
      parts.push(el("h5", {}, `待复核的下级反馈（${inbox.reviews.length}）`), el("ul", { class: "review-queue" }, ...this.reviewRowsFor(inbox.reviews, roles.has("reviewer"))));
    }
    if (inbox.returns.length > 0) {
      parts.push(
        el("h5", {}, `被退回的事项（${inbox.returns.length}）`),
        el("ul", { class: "returns" }, ...inbox.returns.map((r) => el("li", { "data-item-id": r.itemId }, `事项 ${r.itemId} ${r.heading ?? ""}：退回理由：${r.reason}`))),
      );
    }
    if (inbox.urges.length > 0) {
      parts.push(
        el("h5", {}, `收到的催办（${inbox.urges.length}）`),
        el("ul", { class: "urges" }, ...inbox.urges.map((u) => el("li", { "data-urge-id": u.id }, `${u.fromBodyId}${u.fromAccount ? `（${u.fromAccount}）` : ""}：${u.message}`))),
      );
    }
    if (inbox.counts.total === 0) parts.push(el("p", { class: "status" }, "暂无待办"));
    if (roles.has("editor") && this.body.parentId && inbox.plans.length === 0) {
      const open = el("button", { type: "button", class: "open-draft" }, "打开草稿（调整时限、责任单位、不予执行、新增事项）");
      open.addEventListener("click", () => void this.openDraft());
      parts.push(open);
    }
    this.inboxPart.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    document.dispatchEvent(new CustomEvent("inbox-counts", { detail: inbox }));
  }

  /** The rows of the queue: a report unchanged since the last drawing keeps its row (and what was typed in it). */
  private reviewRowsFor(reports: ReportToReview[], canReview: boolean): HTMLLIElement[] {
    const rows = new Map<string, HTMLLIElement>();
    for (const report of reports) {
      const key = JSON.stringify([report, canReview]);
      rows.set(key, this.reviewRows.get(key) ?? this.reviewItem(report, canReview));
    }
    this.reviewRows = rows;
    return [...rows.values()];
  }

  private reviewItem(report: ReportToReview, canReview: boolean): HTMLLIElement {
    const id = `review-${report.bodyId}-${report.itemId}`.replace(/[^\w-]/g, "_");
    const reason = el("input", { id: `${id}-reason`, class: "return-reason" });
    const accept = el("button", { type: "button", class: "accept" }, "通过");
    const giveBack = el("button", { type: "button", class: "return" }, "退回");
    const error = el("span", { class: "error", role: "alert" });
    accept.disabled = giveBack.disabled = !canReview;
    accept.addEventListener("click", () => void this.review(report, "accepted", null, error, accept));
    giveBack.addEventListener("click", () => {
      if (!reason.value.trim()) {
        error.textContent = "退回须填写理由";
        reason.focus();
        return;
      }
      void this.review(report, "returned", reason.value.trim(), error, giveBack);
    });
    return el(
      "li",
      { "data-body-id": report.bodyId, "data-item-id": report.itemId },
      `${report.bodyName}（${report.bodyId}）事项 ${report.itemId} ${report.heading ?? ""}`,
      report.reportedOn ? ` · ${fullChineseDate(report.reportedOn)}反馈` : "",
      report.note ? el("div", { class: "note" }, report.note) : null,
      el("div", { class: "evidence" }, ...report.evidence.map((e, i) => el("a", { href: evidenceHref(e), rel: "noopener noreferrer", target: "_blank" }, `佐证材料 ${i + 1}`))),
      accept,
      " ",
      el("label", { for: reason.id }, "退回理由"),
      reason,
      giveBack,
      error,
    );
  }

  private async review(report: ReportToReview, step: "accepted" | "returned", note: string | null, error: HTMLElement, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    error.textContent = "";
    try {
      await api.step(report.bodyId, { year: this.year, itemId: report.itemId, step, note, requestId: requestId() });
      this.announce.textContent = step === "accepted" ? `已通过：${report.bodyName} 事项 ${report.itemId}` : `已退回：${report.bodyName} 事项 ${report.itemId}`;
      await this.loadInbox();
      this.onChanged();
    } catch (e) {
      error.textContent = failure(e, step === "accepted" ? "通过" : "退回");
      button.disabled = false;
    }
  }

  private async adopt(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const result = await api.publishDraft(this.body.id, this.year);
      this.announce.textContent = `已采用上级要点并发布：${result.plan.items.length} 项`;
      await this.loadInbox();
      this.onChanged();
    } catch (error) {
      this.announce.textContent = "";
      this.inboxPart.append(el("p", { class: "error", role: "alert" }, failure(error, "采用上级要点")));
      button.disabled = false;
    }
  }

  private async openDraft(): Promise<void> {
    const editor = new DraftEditor(this.draftPart, this.body.id, this.year, () => {
      this.announce.textContent = "已发布，下级已收到";
      void this.loadInbox();
      this.onChanged();
    });
    await editor.open();
    this.draftPart.querySelector<HTMLInputElement>("input")?.focus();
  }

  /** 签收 / 办理 / 反馈 per item of the body's own plan. */
  private async loadReports(): Promise<void> {
    if (!this.account.roles.includes("reporter")) return;
    try {
      const [table, plan] = await Promise.all([api.progress(this.body.id, this.year), api.plan(this.body.id, this.year).catch(() => undefined)]);
      const heading = (itemId: string) => plan?.items.find((i) => i.item.id === itemId)?.item.heading ?? "";
      this.reportPart.replaceChildren(
        el("h4", {}, "本级填报（签收、办理、反馈）"),
        table.items.length === 0 ? el("p", { class: "status" }, "本年度尚无事项") : el("ul", { class: "report-items" }, ...table.items.map((row) => this.reportItem(row, heading(row.itemId)))),
      );
    } catch (error) {
      this.reportPart.replaceChildren(el("h4", {}, "本级填报"), el("p", { class: "status" }, failure(error, "读取本级事项")));
    }
  }

  private reportItem(row: ItemStanding, heading: string): HTMLLIElement {
    const id = `report-${row.itemId}`.replace(/[^\w-]/g, "_");
    const error = el("div", { class: "error", role: "alert", id: `${id}-error` });
    const status = row.status === "inProgress" && row.returnReason ? `退回（${row.returnReason}）` : STATUS_NAMES[row.status];
    const item = el("li", { "data-item-id": row.itemId, "data-status": row.status }, el("strong", {}, `事项 ${row.itemId} ${heading}`), ` · ${status}`, row.percent != null ? ` · ${row.percent}%` : "");
    if (row.status === "pending") {
      const acknowledge = el("button", { type: "button", class: "acknowledge" }, "签收");
      acknowledge.addEventListener("click", () => void this.post(row.itemId, { step: "acknowledged" }, error, acknowledge, "签收"));
      item.append(" ", acknowledge, error);
      return item;
    }
    if (row.status === "reported" || row.status === "closed") {
      item.append(el("span", { class: "status" }, row.status === "reported" ? "（已反馈，待上级复核）" : "（已办结）"));
      return item;
    }
    const percent = el("input", { id: `${id}-percent`, type: "number", min: "0", max: "100", class: "percent-input", value: String(row.percent ?? "") });
    const note = el("input", { id: `${id}-note`, class: "note-input" });
    const handle = el("button", { type: "submit", class: "handle" }, "办理");
    const handleForm = el("form", { class: "handle-form" }, el("label", { for: percent.id }, "进度（%）"), percent, el("label", { for: note.id }, "办理情况"), note, handle);
    handleForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = Number(percent.value);
      if (percent.value === "" || !Number.isInteger(value) || value < 0 || value > 100) {
        error.textContent = "进度须为 0 到 100 的整数";
        percent.setAttribute("aria-invalid", "true");
        percent.focus();
        return;
      }
      void this.post(row.itemId, { step: "inProgress", percent: value, note: note.value.trim() || null }, error, handle, "办理");
    });
    const files = el("input", { id: `${id}-files`, type: "file", multiple: true, class: "evidence-files", accept: ".pdf,.png,.jpg,.jpeg,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx" });
    const links = el("textarea", { id: `${id}-links`, class: "evidence-links", rows: "2", placeholder: "https://…（每行一个）" });
    const reportNote = el("input", { id: `${id}-report-note`, class: "report-note" });
    const report = el("button", { type: "submit", class: "report-done" }, "反馈");
    const reportForm = el(
      "form",
      { class: "report-form" },
      el("label", { for: reportNote.id }, "反馈说明"),
      reportNote,
      el("label", { for: files.id }, "佐证材料文件"),
      files,
      el("label", { for: links.id }, "佐证材料链接"),
      links,
      report,
    );
    reportForm.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.report(row.itemId, reportNote.value.trim(), files, links.value, error, report);
    });
    item.append(handleForm, reportForm, error);
    return item;
  }

  /** Uploads the files first (each refused file is named with the server's reason), then posts 反馈 naming them. */
  private async report(itemId: string, note: string, files: HTMLInputElement, linkText: string, error: HTMLElement, button: HTMLButtonElement): Promise<void> {
    error.textContent = "";
    button.disabled = true;
    const evidence: string[] = [];
    try {
      for (const file of Array.from(files.files ?? [])) evidence.push((await api.uploadEvidence(this.body.id, file)).id);
    } catch (e) {
      error.textContent = failure(e, "上传佐证材料");
      files.setAttribute("aria-invalid", "true");
      button.disabled = false;
      return;
    }
    evidence.push(...linkText.split(/\s+/).map((l) => l.trim()).filter((l) => l));
    await this.post(itemId, { step: "reported", note: note || null, evidence }, error, button, "反馈");
  }

  private async post(itemId: string, step: { step: "acknowledged" | "inProgress" | "reported"; percent?: number; note?: string | null; evidence?: string[] },
    error: HTMLElement, button: HTMLButtonElement, what: string): Promise<void> {
    button.disabled = true;
    error.textContent = "";
    try {
      await api.step(this.body.id, { year: this.year, itemId, ...step, requestId: requestId() });
      this.announce.textContent = `已${what}：事项 ${itemId}`;
      await this.loadReports();
      this.onChanged();
    } catch (e) {
      error.textContent = failure(e, what);
      button.disabled = false;
    }
  }

  /** 催办: choose children (or type codes of bodies further down) and a message. */
  private async loadUrgeForm(): Promise<void> {
    if (!this.account.roles.includes("reviewer")) return;
    let children: BodyInfo[] = [];
    try {
      children = (await api.body(this.body.id, 0, 200)).children;
    } catch {
      // The form still takes typed codes.
    }
    const message = el("textarea", { id: "urge-message", rows: "2", class: "urge-message" });
    const others = el("input", { id: "urge-others", class: "urge-others", placeholder: "如 141181002、141181003" });
    const error = el("p", { class: "error", role: "alert" });
    const send = el("button", { type: "submit", class: "urge-send" }, "催办");
    const boxes = children.map((child) => {
      const box = el("input", { type: "checkbox", value: child.id, class: "urge-target", id: `urge-${child.id}`.replace(/[^\w-]/g, "_") });
      return el("label", { class: "inline", for: box.id }, box, ` ${child.name}`);
    });
    const form = el(
      "form",
      { class: "urge-form", "aria-labelledby": "urge-heading" },
      el("h4", { id: "urge-heading" }, "催办"),
      el("fieldset", {}, el("legend", {}, "催办对象（下级）"), ...boxes),
      el("label", { for: others.id }, "其他下级机构编码"),
      others,
      el("label", { for: message.id }, "催办内容"),
      message,
      send,
      error,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const ids = [...form.querySelectorAll<HTMLInputElement>(".urge-target:checked")].map((b) => b.value)
        .concat(others.value.split(/[、,，\s]+/).map((v) => v.trim()).filter((v) => v));
      if (ids.length === 0) {
        error.textContent = "请至少选择一个催办对象";
        return;
      }
      if (!message.value.trim()) {
        error.textContent = "请填写催办内容";
        message.focus();
        return;
      }
      void (async () => {
        send.disabled = true;
        error.textContent = "";
        try {
          await api.urge(this.body.id, ids, message.value.trim());
          this.announce.textContent = `已催办 ${ids.length} 个机构`;
          message.value = "";
        } catch (e) {
          error.textContent = failure(e, "催办");
        } finally {
          send.disabled = false;
        }
      })();
    });
    this.urgePart.replaceChildren(form);
  }
}
