// Entry point: signed out, only the sign-in form; signed in, the tree on the left (opened on the
// account's own body), the selected body's panel on the right with the desk (search, as-of, filter,
// export, annual report), and 文件比对 on its own page.

import { accountBar, currentAccount, signIn } from "./account.js";
import { AccountView } from "./api.js";
import { AsOfControl } from "./asof.js";
import { startLiveView } from "./live-status.js";
import { setUpPages } from "./pages.js";
import { BodyPanel } from "./panel.js";
import { startReplayBanner } from "./replay.js";
import { BodySearch } from "./search.js";
import { HierarchyTree } from "./tree.js";
import { inboxBadge } from "./inboxBadge.js";

function startViewer(account: AccountView): void {
  document.querySelector<HTMLElement>("#app")!.hidden = false;
  accountBar(document.querySelector<HTMLElement>("#account")!, account);
  let selected: string | undefined;
  const yearSelect = document.querySelector<HTMLSelectElement>("#year")!;
  const live = startLiveView(document.querySelector<HTMLElement>("#live-status")!, yearSelect);
  const asOf = new AsOfControl(yearSelect);
  document.querySelector<HTMLElement>("#as-of-slot")!.replaceChildren(asOf.root);
  const panel = new BodyPanel(document.querySelector<HTMLElement>("#panel")!, yearSelect, live.feed, asOf, account);
  inboxBadge(document.querySelector<HTMLElement>("#account")!, account, live.feed, yearSelect);
  const tree = new HierarchyTree(
    document.querySelector<HTMLElement>("#tree")!,
    (body) => {
      selected = body.id;
      panel.show(body);
      live.show(body);
    },
    yearSelect,
    live.feed,
    asOf,
  );
  void tree.load(account.bodyId);
  new BodySearch(
    document.querySelector<HTMLElement>("#search")!,
    async (found) => {
      await tree.reveal(found.path.map((p) => p.id));
    },
    () => selected,
  );
  setUpPages();
  startReplayBanner(document.querySelector<HTMLElement>("#replay"));
}

async function main(): Promise<void> {
  const account = (await currentAccount()) ?? (await signIn(document.querySelector<HTMLElement>("#signin")!));
  startViewer(account);
}

void main();
