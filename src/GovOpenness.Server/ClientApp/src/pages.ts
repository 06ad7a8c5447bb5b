// Two pages in one document, chosen by the address's hash: the hierarchy (#tree-view, the default)
// and 文件比对 (#align). The align page is built the first time it is opened.

import { AlignPage } from "./align.js";

export function setUpPages(): void {
  const treeView = document.querySelector<HTMLElement>("main")!;
  const alignView = document.querySelector<HTMLElement>("#align-page")!;
  const tabs = [...document.querySelectorAll<HTMLAnchorElement>("nav.tabs a")];
  let alignPage: AlignPage | undefined;
  const show = () => {
    const align = location.hash === "#align";
    treeView.hidden = align;
    alignView.hidden = !align;
    document.querySelector<HTMLElement>(".year")!.hidden = align;
    if (align) alignPage ??= new AlignPage(alignView);
    for (const tab of tabs) {
      const current = tab.getAttribute("href") === (align ? "#align" : "#tree-view");
      if (current) tab.setAttribute("aria-current", "page");
      else tab.removeAttribute("aria-current");
    }
  };
  window.addEventListener("hashchange", show);
  show();
}
