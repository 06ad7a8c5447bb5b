// The header's 待办 count for the account's own body: read once, then again whenever a summary of the
// body or a child is pushed (a child's 反馈, a return), the hub says a 催办 arrived, or the workspace
// reports new counts.

import { AccountView, api, InboxView } from "./api.js";
import { el } from "./dom.js";
import { LiveFeed, Unsubscribe } from "./feed.js";

export function inboxBadge(root: HTMLElement, account: AccountView, feed: LiveFeed, yearSelect: HTMLSelectElement): void {
  const badge = el("a", { href: "#tree-view", class: "inbox-badge", "data-testid": "inbox-count", "aria-live": "polite" }, "待办 …");
  root.append(" ", badge);
  let unsubscribe: Unsubscribe = () => {};
  let reading: Promise<void> | undefined;
  let again = false;
  const show = (inbox: InboxView) => {
    if (inbox.bodyId !== account.bodyId || inbox.year !== Number(yearSelect.value)) return;
    const c = inbox.counts;
    badge.textContent = `待办 ${c.total}`;
    badge.title = `待采用 ${c.plans}，待复核 ${c.reviews}，被退回 ${c.returns}，催办 ${c.urges}`;
    badge.setAttribute("aria-label", `待办 ${c.total} 项：${badge.title}`);
  };
  const read = (): void => {
    if (reading) {
      again = true;
      return;
    }
    reading = api
      .inbox(account.bodyId, Number(yearSelect.value))
      .then(show, () => {
        badge.textContent = "待办 —";
      })
      .finally(() => {
        reading = undefined;
        if (again) {
          again = false;
          read();
        }
      });
  };
  const subscribe = () => {
    unsubscribe();
    unsubscribe = feed.subscribe(account.bodyId, Number(yearSelect.value), () => read());
    read();
  };
  feed.onInbox(account.bodyId, () => read());
  document.addEventListener("inbox-counts", (event) => show((event as CustomEvent<InboxView>).detail));
  yearSelect.addEventListener("change", subscribe);
  subscribe();
}
