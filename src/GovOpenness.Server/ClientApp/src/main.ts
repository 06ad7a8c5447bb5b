// Entry point: the tree on the left, the selected body's panel on the right; 文件比对 on its own page.

import { startLiveView } from "./live-status.js";
import { setUpPages } from "./pages.js";
import { BodyPanel } from "./panel.js";
import { startReplayBanner } from "./replay.js";
import { HierarchyTree } from "./tree.js";

const ROOT_BODY = "cn";

const yearSelect = document.querySelector<HTMLSelectElement>("#year")!;
const live = startLiveView(document.querySelector<HTMLElement>("#live-status")!, yearSelect);
const panel = new BodyPanel(document.querySelector<HTMLElement>("#panel")!, yearSelect, live.feed);
const tree = new HierarchyTree(
  document.querySelector<HTMLElement>("#tree")!,
  (body) => {
    panel.show(body);
    live.show(body);
  },
  yearSelect,
  live.feed,
);
void tree.load(ROOT_BODY);
setUpPages();
startReplayBanner(document.querySelector<HTMLElement>("#replay"));
