// The live status strip: whether the page receives pushed updates, and the selected body's counts as
// last pushed (so a supervisor sees a figure move without reloading).

import { el } from "./dom.js";
import { LiveFeed, LiveSummary, noLiveFeed, Unsubscribe } from "./feed.js";
import { LiveState, SignalRLiveFeed } from "./signalr-feed.js";

const STATE_TEXT: Record<LiveState, string> = {
  connected: "实时：已连接",
  reconnecting: "实时：重新连接中",
  disconnected: "实时：未连接",
};

/** The counts shown, by their name in the summary JSON (summary.counts). */
const FIGURES: [string, string][] = [
  ["items", "事项"],
  ["itemsAcknowledged", "已签收"],
  ["itemsReported", "已反馈"],
  ["itemsOverdue", "逾期"],
];

interface Selected {
  id: string;
  name: string;
}

export class LiveStatus {
  private readonly state = el("span", { class: "live-state", "data-testid": "live-state" });
  private readonly counts = el("span", { class: "live-counts", "data-testid": "live-counts" });
  private selected: Selected | undefined;
  private unsubscribe: Unsubscribe = () => {};

  constructor(
    root: HTMLElement,
    private readonly feed: LiveFeed,
    private readonly yearSelect: HTMLSelectElement,
  ) {
    root.replaceChildren(this.state, this.counts);
    this.showState("disconnected");
    yearSelect.addEventListener("change", () => this.resubscribe());
  }

  showState(state: LiveState): void {
    this.state.textContent = STATE_TEXT[state];
    this.state.dataset.state = state;
  }

  show(body: Selected): void {
    this.selected = body;
    this.resubscribe();
  }

  private resubscribe(): void {
    this.unsubscribe();
    const body = this.selected;
    if (!body) return;
    const year = Number(this.yearSelect.value);
    this.counts.replaceChildren(el("span", { "data-testid": "live-body" }, `${body.name} ${year} 年：等待推送…`));
    this.unsubscribe = this.feed.subscribe(body.id, year, (update) => {
      if (update.bodyId === body.id) this.render(body, update);
    });
  }

  private render(body: Selected, update: LiveSummary): void {
    const counts = countsOf(update.view);
    if (!counts) return;
    this.counts.replaceChildren(
      el("span", { "data-testid": "live-body" }, `${body.name} ${update.year} 年`),
      ...FIGURES.map(([figure, label]) =>
        el("span", { class: "live-figure" }, `${label} `, el("strong", { "data-testid": `live-${figure}` }, String(counts[figure] ?? 0))),
      ),
    );
  }
}

function countsOf(view: unknown): Record<string, number> | undefined {
  const counts = (view as { summary?: { counts?: Record<string, number> } } | null)?.summary?.counts;
  return counts && typeof counts === "object" ? counts : undefined;
}

/**
 * Connects the page to the hub and sets up the strip. If SignalR cannot even be set up here the page
 * falls back to noLiveFeed; if the server is away it keeps retrying, showing “未连接” meanwhile.
 */
export function startLiveView(root: HTMLElement, yearSelect: HTMLSelectElement): { feed: LiveFeed; show: (body: Selected) => void } {
  let live: SignalRLiveFeed | undefined;
  try {
    live = new SignalRLiveFeed();
  } catch (error) {
    console.warn("实时更新不可用", error);
  }
  const feed = live ?? noLiveFeed;
  const status = new LiveStatus(root, feed, yearSelect);
  if (live) {
    live.onStateChange((state) => status.showState(state));
    void live.start();
  }
  return { feed, show: (body) => status.show(body) };
}
