// The words and marks of progress shared by the tree and the panel: statuses as supervisors name the
// steps (签收/办理/反馈/复核/办结), lights, and the badge a tree node wears.

import { api, ItemStatus, Light, SummaryView } from "./api.js";
import { el } from "./dom.js";

/** Each status by the step that led to it; "inProgress" with a return reason is shown as 退回. */
export const STATUS_NAMES: Record<ItemStatus, string> = {
  pending: "未签收",
  acknowledged: "签收",
  inProgress: "办理",
  reported: "反馈（待复核）",
  closed: "办结",
};

export const LIGHT_NAMES: Record<Light, string> = { green: "绿灯", yellow: "黄灯", red: "红灯" };

/** The figures a person can open ("how was this computed"), with their Chinese names. */
export const FIGURE_NAMES: Record<string, string> = {
  bodies: "机构数",
  items: "事项数",
  itemsPending: "未签收",
  itemsAcknowledged: "已签收",
  itemsInProgress: "办理中",
  itemsReported: "已反馈待复核",
  itemsClosed: "已办结",
  itemsReturned: "被退回",
  itemsOverdue: "逾期事项",
  itemsDueSoon: "临期事项（3个工作日内）",
  bodiesWithOverdue: "有逾期事项的机构",
};

/** A summary with no items is "no data" (grey): the body has no plan for the year or nothing counted yet. */
export function hasData(view: SummaryView | undefined): view is SummaryView {
  return !!view && view.summary.counts.items > 0;
}

/** "逾期 3 · 已办结 2/28", coloured by the subtree's light; the light is also said in words (aria-label, title). */
export function summaryBadge(view: SummaryView | undefined): HTMLElement {
  if (!hasData(view)) {
    return el("span", { class: "badge light-none", role: "img", "aria-label": "暂无进度数据", title: "暂无进度数据" }, "无数据");
  }
  const c = view.summary.counts;
  const text = `逾期 ${c.itemsOverdue} · 已办结 ${c.itemsClosed}/${c.items}`;
  const said = `${LIGHT_NAMES[view.light]}：逾期 ${c.itemsOverdue} 项，已办结 ${c.itemsClosed} 项，共 ${c.items} 项（含下级）`;
  return el("span", { class: `badge light-${view.light}`, role: "img", "aria-label": said, title: said, "data-light": view.light }, text);
}

/** A light as a coloured dot with its name beside it, so colour is never the only sign. */
export function lightMark(light: Light): HTMLElement {
  return el("span", { class: `light light-${light}`, "data-light": light }, LIGHT_NAMES[light]);
}

const names = new Map<string, Promise<string>>();

/** A body's name for lists that carry only ids (offenders, ranking, explain); cached per page load. */
export function nameOf(bodyId: string): Promise<string> {
  let name = names.get(bodyId);
  if (!name) {
    name = api.body(bodyId, 0, 1).then(
      (view) => view.body.name,
      () => bodyId,
    );
    names.set(bodyId, name);
  }
  return name;
}

/** Remembers names the page already has (tree pages), so lists do not ask again. */
export function rememberName(bodyId: string, name: string): void {
  if (!names.has(bodyId)) names.set(bodyId, Promise.resolve(name));
}
