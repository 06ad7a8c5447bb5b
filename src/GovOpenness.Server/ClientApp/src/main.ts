// Entry point: the tree on the left, the selected body's panel on the right.

import { startLiveView } from "./live-status.js";
import { BodyPanel } from "./panel.js";
import { HierarchyTree } from "./tree.js";

const ROOT_BODY = "cn";

const yearSelect = document.querySelector<HTMLSelectElement>("#year")!;
const live = startLiveView(document.querySelector<HTMLElement>("#live-status")!, yearSelect);
const panel = new BodyPanel(document.querySelector<HTMLElement>("#panel")!, yearSelect, live.feed);
const tree = new HierarchyTree(document.querySelector<HTMLElement>("#tree")!, (body) => {
  panel.show(body);
  live.show(body);
});
void tree.load(ROOT_BODY);
