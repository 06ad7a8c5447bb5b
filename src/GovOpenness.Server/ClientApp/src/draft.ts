// The draft editor (草稿): the parent's plan as a form — 调整时限 with the parent's date and the working
// days left, 申请例外 with 理由 for a later date, 责任单位, 不予执行 with 理由, 新增事项, reworded headings —
// saved as changes against the parent's plan (保存草稿) and published to the children only on 发布.

import { api, ApiError, DraftChangeRequest, DraftView, EffectiveItem } from "./api.js";
import { chineseDate, fullChineseDate } from "./dates.js";
import { el } from "./dom.js";

/** One row of the form: a parent item, or an item of the body's own added after one. */
interface Row {
  itemId: string;
  parent: EffectiveItem | undefined;
  afterItemId: string | null;
  deadlineIndex: number | null;
  parentDate: string | null;
  heading: HTMLInputElement;
  text: HTMLTextAreaElement | undefined;
  date: HTMLInputElement;
  exception: HTMLInputElement | undefined;
  reason: HTMLInputElement | undefined;
  units: HTMLInputElement;
  drop: HTMLInputElement | undefined;
  dropReason: HTMLInputElement | undefined;
  error: HTMLElement;
}

export class DraftEditor {
  private rows: Row[] = [];
  private version = 0;
  private readonly message = el("div", { class: "draft-message", role: "alert" });
  private readonly status = el("p", { class: "status", role: "status" });
  private readonly review = el("div", { class: "draft-review" });
  private readonly tbody = el("tbody");
  private addedCount = 0;
  private departments: string[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly bodyId: string,
    private readonly year: number,
    private readonly onPublished: () => void,
  ) {}

  async open(): Promise<void> {
    this.root.replaceChildren(el("p", { class: "status" }, "正在打开草稿…"));
    try {
      // 责任单位 are typed or chosen: the body's own departments first, then the units the parent's plan names.
      const [draft, body] = await Promise.all([api.draft(this.bodyId, this.year), api.body(this.bodyId, 0, 200).catch(() => undefined)]);
      this.departments = (body?.children ?? []).filter((c) => c.level === "department").map((c) => c.name);
      this.render(draft);
    } catch (error) {
      this.root.replaceChildren(el("p", { class: "error", role: "alert" }, error instanceof ApiError ? error.message : "打开草稿失败"));
    }
  }

  private render(draft: DraftView): void {
    this.version = draft.version;
    this.rows = [];
    this.tbody.replaceChildren();
    const units = new Set<string>(this.departments);
    for (const item of draft.parent.items) item.item.units.forEach((u) => units.add(u));
    const datalist = el("datalist", { id: `units-${this.bodyId}` }, ...[...units].map((u) => el("option", { value: u })));
    for (const item of draft.parent.items) {
      const room = draft.deadlines.find((d) => d.itemId === item.item.id);
      this.addRow(item.item.id, item, null, room?.deadlineIndex ?? null, room?.parentDate ?? null, room?.workingDaysLeft ?? null);
    }
    for (const saved of draft.changes) this.applySaved(saved.change, saved.exceptionReason ?? null);

    const save = el("button", { type: "button", class: "save-draft" }, "保存草稿");
    const publish = el("button", { type: "button", class: "publish-draft" }, "发布");
    save.addEventListener("click", () => void this.save(save));
    publish.addEventListener("click", () => void this.publish(publish));
    const stateText = draft.state === "draft" ? `已保存草稿第 ${draft.version} 版${draft.savedBy ? `（${draft.savedBy}）` : ""}，尚未发布，下级看不到` : draft.state === "published" ? "上次的草稿已发布" : "尚未保存草稿";
    this.status.textContent = stateText;
    this.root.replaceChildren(
      el("h4", {}, `${this.year} 年工作要点草稿（依据上级：${draft.parent.title ?? draft.parent.bodyId}）`),
      this.status,
      datalist,
      el(
        "table",
        { class: "draft-table" },
        el("thead", {}, el("tr", {}, ...["编号", "事项（可改写）", "调整时限", "责任单位", "不予执行", ""].map((h) => el("th", { scope: "col" }, h)))),
        this.tbody,
      ),
      this.message,
      el("div", { class: "actions" }, save, " ", publish),
      this.review,
    );
    this.showReview(draft);
  }

  private addRow(itemId: string, parent: EffectiveItem | undefined, afterItemId: string | null, deadlineIndex: number | null,
    parentDate: string | null, workingDaysLeft: number | null, before?: HTMLTableRowElement): Row {
    const id = `draft-${this.bodyId}-${itemId}`.replace(/[^\w-]/g, "_");
    const item = parent?.item;
    const heading = el("input", { id: `${id}-heading`, class: "heading-input", value: item?.heading ?? "" });
    const text = parent ? undefined : el("textarea", { id: `${id}-text`, class: "text-input", rows: "2" });
    const dated = item?.deadlines[deadlineIndex ?? -1]?.date ?? "";
    const date = el("input", { id: `${id}-date`, type: "date", class: "deadline-input", value: dated ?? "" });
    const exception = parentDate ? el("input", { id: `${id}-exception`, type: "checkbox", class: "exception-input" }) : undefined;
    const reason = parentDate ? el("input", { id: `${id}-reason`, class: "reason-input", placeholder: "例外理由" }) : undefined;
    const units = el("input", { id: `${id}-units`, class: "units-input", list: `units-${this.bodyId}`, value: (item?.units ?? []).join("、") });
    const drop = parent ? el("input", { id: `${id}-drop`, type: "checkbox", class: "drop-input" }) : undefined;
    const dropReason = parent ? el("input", { id: `${id}-drop-reason`, class: "drop-reason-input", placeholder: "不予执行理由" }) : undefined;
    const error = el("div", { class: "row-error error", role: "alert", id: `${id}-error` });
    const row: Row = { itemId, parent, afterItemId, deadlineIndex, parentDate, heading, text, date, exception, reason, units, drop, dropReason, error };
    const hint = parentDate
      ? el("div", { class: "hint", id: `${id}-hint` }, `上级时限：${fullChineseDate(parentDate)}（${chineseDate(parentDate)}），距今 ${workingDaysLeft ?? "—"} 个工作日`)
      : el("div", { class: "hint" }, parent ? "上级未定日期" : "本级新增");
    date.setAttribute("aria-describedby", `${id}-hint ${id}-error`);
    date.addEventListener("change", () => this.checkDate(row));
    exception?.addEventListener("change", () => this.checkDate(row));
    const addAfter = el("button", { type: "button", class: "add-item", "aria-label": `在事项 ${itemId} 后新增事项` }, "新增事项");
    addAfter.addEventListener("click", () => {
      const added = this.addRow(this.nextAddedId(), undefined, itemId, null, null, null, tr.nextElementSibling as HTMLTableRowElement | undefined);
      added.heading.focus();
    });
    const tr = el(
      "tr",
      { "data-item-id": itemId, class: parent ? "parent-item" : "added-item" },
      el("td", { class: "item-id" }, itemId),
      el("td", {}, el("label", { for: heading.id, class: "sr-only" }, `事项 ${itemId} 标题`), heading,
        text ? el("label", { for: text.id, class: "sr-only" }, `事项 ${itemId} 内容`) : null, text ?? null),
      el(
        "td",
        {},
        el("label", { for: date.id }, `调整时限（事项 ${itemId}）`),
        date,
        hint,
        exception ? el("label", { class: "inline" }, exception, " 申请例外（晚于上级时限）") : null,
        reason ? el("label", { for: reason.id, class: "sr-only" }, `事项 ${itemId} 例外理由`) : null,
        reason ?? null,
        error,
      ),
      el("td", {}, el("label", { for: units.id }, `责任单位（事项 ${itemId}）`), units),
      el("td", {}, drop ? el("label", { class: "inline" }, drop, " 不予执行") : null,
        dropReason ? el("label", { for: dropReason.id, class: "sr-only" }, `事项 ${itemId} 不予执行理由`) : null, dropReason ?? null),
      el("td", {}, addAfter),
    );
    if (exception && reason) exception.setAttribute("aria-label", `事项 ${itemId} 申请例外（晚于上级时限）`);
    if (drop) drop.setAttribute("aria-label", `事项 ${itemId} 不予执行`);
    if (before) this.tbody.insertBefore(tr, before);
    else this.tbody.append(tr);
    this.rows.push(row);
    return row;
  }

  private nextAddedId(): string {
    const taken = new Set(this.rows.map((r) => r.itemId));
    do this.addedCount++;
    while (taken.has(`L${this.addedCount}`));
    return `L${this.addedCount}`;
  }

  /** A saved change shown in the form again. */
  private applySaved(change: DraftView["changes"][number]["change"], reason: string | null): void {
    if (change.added) {
      const after = change.afterItemId ? this.tbody.querySelector<HTMLTableRowElement>(`tr[data-item-id="${CSS.escape(change.afterItemId)}"]`) : null;
      const row = this.addRow(change.itemId, undefined, change.afterItemId ?? null, null, null, null, (after?.nextElementSibling as HTMLTableRowElement | null) ?? undefined);
      row.heading.value = change.added.heading;
      row.text!.value = change.added.text;
      row.date.value = change.added.deadlines[0]?.date ?? "";
      row.units.value = change.added.units.join("、");
      return;
    }
    const row = this.rows.find((r) => r.itemId === change.itemId);
    if (!row) return;
    if (change.deadline?.date) {
      row.date.value = change.deadline.date;
      if (row.exception) row.exception.checked = !!change.approvedException;
      if (row.reason) row.reason.value = reason ?? "";
    }
    if (change.units) row.units.value = change.units.join("、");
    if (change.heading) row.heading.value = change.heading;
    if (change.dropReason && row.drop && row.dropReason) {
      row.drop.checked = true;
      row.dropReason.value = change.dropReason;
    }
  }

  /** The rule the server applies too: a later date than the parent's only as an exception with a reason. */
  private checkDate(row: Row): boolean {
    row.error.textContent = "";
    row.date.removeAttribute("aria-invalid");
    if (row.parentDate && row.date.value && row.date.value > row.parentDate && !row.exception?.checked) {
      row.error.textContent = `事项 ${row.itemId}：${fullChineseDate(row.date.value)}晚于上级时限${fullChineseDate(row.parentDate)}，须勾选“申请例外”并填写理由`;
      row.date.setAttribute("aria-invalid", "true");
      return false;
    }
    return true;
  }

  /** The form as changes against the parent's plan: only what differs. */
  private changes(): DraftChangeRequest[] {
    const changes: DraftChangeRequest[] = [];
    for (const row of this.rows) {
      const item = row.parent?.item;
      const units = row.units.value.split(/[、,，;；\s]+/).map((u) => u.trim()).filter((u) => u);
      if (!item) {
        const deadlines = row.date.value ? [{ text: `${chineseDate(row.date.value)}前`, kind: "by" as const, date: row.date.value }] : [{ text: "持续推进", kind: "ongoing" as const }];
        changes.push({
          itemId: row.itemId,
          afterItemId: row.afterItemId,
          added: { id: row.itemId, heading: row.heading.value.trim(), text: row.text?.value.trim() || row.heading.value.trim(), deadlines, units },
        });
        continue;
      }
      if (row.drop?.checked) {
        changes.push({ itemId: row.itemId, dropReason: row.dropReason?.value.trim() ?? "" });
        continue;
      }
      const parentDate = row.deadlineIndex !== null ? item.deadlines[row.deadlineIndex]?.date : null;
      if (row.date.value && parentDate && row.date.value !== parentDate) {
        const exception = !!row.exception?.checked;
        changes.push({
          itemId: row.itemId,
          deadline: { text: `${chineseDate(row.date.value)}前`, kind: "by", date: row.date.value },
          deadlineIndex: row.deadlineIndex,
          approvedException: exception,
          exceptionReason: exception ? row.reason?.value.trim() || null : null,
        });
      }
      if (units.join("、") !== item.units.join("、")) changes.push({ itemId: row.itemId, units });
      if (row.heading.value.trim() && row.heading.value.trim() !== item.heading) changes.push({ itemId: row.itemId, heading: row.heading.value.trim() });
    }
    return changes;
  }

  private async save(button: HTMLButtonElement): Promise<boolean> {
    this.message.textContent = "";
    const invalid = this.rows.filter((r) => !this.checkDate(r));
    if (invalid.length > 0) {
      this.message.textContent = "草稿未保存：有晚于上级时限的日期，须申请例外并填写理由";
      invalid[0]!.date.focus();
      return false;
    }
    button.disabled = true;
    try {
      const saved = await api.saveDraft(this.bodyId, this.year, { changes: this.changes(), ifVersion: this.version });
      this.version = saved.version;
      this.status.textContent = `已保存草稿第 ${saved.version} 版，尚未发布，下级看不到`;
      this.showReview(saved);
      return true;
    } catch (error) {
      this.message.textContent = `草稿未保存：${error instanceof ApiError ? error.message : "请重试"}`;
      return false;
    } finally {
      button.disabled = false;
    }
  }

  private async publish(button: HTMLButtonElement): Promise<void> {
    if (!(await this.save(button))) return;
    button.disabled = true;
    try {
      const result = await api.publishDraft(this.bodyId, this.year, this.version);
      this.status.textContent = `已发布：下级将收到 ${result.plan.items.length} 项${result.plan.dropped.length ? `，不予执行 ${result.plan.dropped.length} 项` : ""}`;
      this.onPublished();
    } catch (error) {
      this.message.textContent = `发布失败：${error instanceof ApiError ? error.message : "请重试"}`;
    } finally {
      button.disabled = false;
    }
  }

  /** The diff against the parent and the supervisor's warnings, as the server computed them for the draft. */
  private showReview(draft: DraftView): void {
    const entries = draft.diff.entries;
    const fields: Record<string, string> = { deadline: "时限", units: "责任单位", heading: "标题", text: "内容", dropped: "不予执行", added: "新增" };
    this.review.replaceChildren(
      el("h5", {}, "与上级相比"),
      entries.length === 0
        ? el("p", { class: "status" }, "与上级一致，未作调整")
        : el(
            "ul",
            { class: "draft-diff" },
            ...entries.map((e) =>
              el("li", { "data-item-id": e.itemId, "data-field": e.field }, `事项 ${e.itemId} ${e.heading}：${fields[e.field] ?? e.field} `,
                e.field === "deadline" ? el("mark", {}, `${chineseDate(e.from)} → ${chineseDate(e.to)}`) : e.reason ? `理由：${e.reason}` : (e.to ?? "")),
            ),
          ),
      el("h5", {}, "提醒"),
      draft.warnings.length === 0 ? el("p", { class: "status" }, "无") : el("ul", { class: "draft-warnings" }, ...draft.warnings.map((w) => el("li", {}, w))),
    );
  }
}
