// Three pages in one document, chosen by the address's hash: the hierarchy (#tree-view, the default),
// 回头看 (#look-back) and 文件比对 (#align). The other pages are built the first time they are opened.

import { AlignPage } from "./align.js";
import { LookBackPage } from "./lookback.js";

type PageName = "tree-view" | "look-back" | "align";

let lookBackPage: LookBackPage | undefined;

function lookBack(): LookBackPage {
  lookBackPage ??= new LookBackPage(document.querySelector<HTMLElement>("#look-back-page")!, () => Number(document.querySelector<HTMLSelectElement>("#year")!.value));
  return lookBackPage;
}

/** Opens 回头看 on a body (the desk's 回头看 link): the page compares it at once. */
export function openLookBack(body: { id: string; name: string }): void {
  lookBack().select(body);
  location.hash = "#look-back";
}

export function setUpPages(): void {
  const views: Record<PageName, HTMLElement> = {
    "tree-view": document.querySelector<HTMLElement>("main")!,
    "look-back": document.querySelector<HTMLElement>("#look-back-page")!,
    align: document.querySelector<HTMLElement>("#align-page")!,
  };
  const tabs = [...document.querySelectorAll<HTMLAnchorElement>("nav.tabs a")];
  let alignPage: AlignPage | undefined;
  const show = () => {
    const current: PageName = location.hash === "#align" ? "align" : location.hash === "#look-back" ? "look-back" : "tree-view";
    for (const [name, view] of Object.entries(views)) view.hidden = name !== current;
    // The year and the reference day belong to the tree: the other pages choose their own documents and days.
    document.querySelector<HTMLElement>(".year")!.hidden = current !== "tree-view";
    document.querySelector<HTMLElement>("#as-of-slot")!.hidden = current !== "tree-view";
    if (current === "align") alignPage ??= new AlignPage(views.align);
    if (current === "look-back") lookBack();
    for (const tab of tabs) {
      if (tab.getAttribute("href") === `#${current}`) tab.setAttribute("aria-current", "page");
      else tab.removeAttribute("aria-current");
    }
  };
  window.addEventListener("hashchange", show);
  show();
}
