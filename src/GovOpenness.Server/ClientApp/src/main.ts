// Entry point: the tree on the left, the selected body's panel on the right; 文件比对 on its own page.

import { noLiveFeed } from "./feed.js";
import { setUpPages } from "./pages.js";
import { BodyPanel } from "./panel.js";
import { HierarchyTree } from "./tree.js";
import { startReplayBanner } from "./replay.js";

const ROOT_BODY = "cn";

const yearSelect = document.querySelector<HTMLSelectElement>("#year")!;
const panel = new BodyPanel(document.querySelector<HTMLElement>("#panel")!, yearSelect, noLiveFeed);
const tree = new HierarchyTree(document.querySelector<HTMLElement>("#tree")!, (body) => panel.show(body), yearSelect, noLiveFeed);
void tree.load(ROOT_BODY);
setUpPages();
startReplayBanner(document.querySelector<HTMLElement>("#replay"));
