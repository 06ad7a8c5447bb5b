// 操作记录: the body's record (留痕) of who did what, newest first.

import { HistoryEntry } from "./api.js";
import { el } from "./dom.js";
import { errorMessage } from "./tree.js";

const KIND_NAMES: Record<string, string> = {
  publish: "发布",
  localize: "调整",
  import: "导入",
  department: "新增部门",
  progress: "填报",
  review: "复核",
  urge: "催办",
  account: "账号",
  signIn: "登录",
  signInFailed: "登录失败",
};

export function historySection(result: PromiseSettledResult<HistoryEntry[]>): HTMLElement {
  const section = el("section", { class: "history", "aria-labelledby": "history-heading" }, el("h3", { id: "history-heading" }, "操作记录"));
  if (result.status === "rejected") {
    section.append(errorMessage(result.reason));
    return section;
  }
  if (result.value.length === 0) {
    section.append(el("p", { class: "status" }, "暂无操作记录"));
    return section;
  }
  const rows = el("tbody");
  for (const entry of result.value.slice(0, 50)) {
    rows.append(
      el(
        "tr",
        { "data-seq": String(entry.seq) },
        el("td", {}, entry.at.slice(0, 19).replace("T", " ")),
        el("td", {}, entry.account),
        el("td", {}, KIND_NAMES[entry.kind] ?? entry.kind),
        el("td", {}, entry.summary),
      ),
    );
  }
  section.append(
    el(
      "table",
      {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "时间"), el("th", { scope: "col" }, "账号"), el("th", { scope: "col" }, "操作"), el("th", { scope: "col" }, "内容"))),
      rows,
    ),
  );
  return section;
}
