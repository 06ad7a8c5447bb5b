// LiveFeed over SignalR (/hubs/cascade): one connection per page, reconnecting on its own. Each body
// and year is subscribed on the hub once however many parts of the page listen to it, and again after
// every reconnect (the server forgets a connection's groups when it drops).

import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { InboxNotice, LiveFeed, LiveSummary, Unsubscribe } from "./feed.js";
import { expandView, WireSummary } from "./live-wire.js";

export type LiveState = "connected" | "reconnecting" | "disconnected";


type Listener = (update: LiveSummary) => void;

const HUB_PATH = "/hubs/cascade";
const MAX_RETRY_MS = 10_000;

export class SignalRLiveFeed implements LiveFeed {
  private readonly connection: HubConnection;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly inboxListeners = new Map<string, Set<(notice: InboxNotice) => void>>();
  /** The newest summary per body and year, expanded: an older one arriving late is dropped (see isOlder). */
  private readonly newest = new Map<string, LiveSummary & Stamp>();
  private readonly stateListeners = new Set<(state: LiveState) => void>();
  private current: LiveState = "disconnected";

  constructor(url = HUB_PATH) {
    this.connection = new HubConnectionBuilder()
      .withUrl(url)
      // Never give up: back off to one try every 10 s while the server is away.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => Math.min(MAX_RETRY_MS, 500 * 2 ** retry.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on("summaries", (batch: WireSummary[]) => this.receive(batch));
    this.connection.on("inbox", (notice: InboxNotice) => this.inboxListeners.get(notice.bodyId)?.forEach((listener) => listener(notice)));
    this.connection.onreconnecting(() => this.setState("reconnecting"));
    this.connection.onreconnected(() => {
      this.setState("connected");
      this.resubscribeAll();
    });
    this.connection.onclose(() => {
      this.setState("disconnected");
      this.retryLater();
    });
  }

  get state(): LiveState {
    return this.current;
  }

  /** Calls onChange with the connection state now and on every change. */
  onStateChange(onChange: (state: LiveState) => void): Unsubscribe {
    this.stateListeners.add(onChange);
    onChange(this.current);
    return () => this.stateListeners.delete(onChange);
  }

  /** Connects; on failure keeps trying in the background (the page works without live updates meanwhile). */
  async start(): Promise<boolean> {
    try {
      await this.connection.start();
      this.setState("connected");
      this.resubscribeAll();
      return true;
    } catch {
      this.setState("disconnected");
      this.retryLater();
      return false;
    }
  }

  subscribe(bodyId: string, year: number, onUpdate: Listener): Unsubscribe {
    const key = keyOf(bodyId, year);
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
      this.invoke("Subscribe", bodyId, year);
    } else {
      // Already subscribed: the hub will not send the current summary again, so replay the last one.
      const last = this.newest.get(key);
      if (last) queueMicrotask(() => set?.has(onUpdate) && onUpdate(toLiveSummary(last)));
    }
    set.add(onUpdate);
    return () => {
      const current = this.listeners.get(key);
      if (!current?.delete(onUpdate) || current.size > 0) return;
      this.listeners.delete(key);
      this.newest.delete(key);
      this.invoke("Unsubscribe", bodyId, year);
    };
  }

  onInbox(bodyId: string, onNotice: (notice: InboxNotice) => void): Unsubscribe {
    let set = this.inboxListeners.get(bodyId);
    if (!set) this.inboxListeners.set(bodyId, (set = new Set()));
    set.add(onNotice);
    return () => {
      const current = this.inboxListeners.get(bodyId);
      if (current?.delete(onNotice) && current.size === 0) this.inboxListeners.delete(bodyId);
    };
  }

  private receive(batch: WireSummary[]): void {
    for (const pushed of batch) {
      const key = keyOf(pushed.bodyId, pushed.year);
      const held = this.newest.get(key);
      if (held !== undefined && isOlder(pushed, held)) continue;
      const update = { bodyId: pushed.bodyId, parentId: pushed.parentId, year: pushed.year, view: expandView(pushed) };
      this.newest.set(key, { ...update, epoch: pushed.epoch, sequence: pushed.sequence });
      // The body's own listeners, then its parent's (a subscription covers the direct children).
      this.listeners.get(key)?.forEach((listener) => listener(update));
      if (pushed.parentId !== null) this.listeners.get(keyOf(pushed.parentId, pushed.year))?.forEach((listener) => listener(update));
    }
  }

  private resubscribeAll(): void {
    for (const key of this.listeners.keys()) {
      const [bodyId, year] = splitKey(key);
      this.invoke("Subscribe", bodyId, year);
    }
  }

  private invoke(method: "Subscribe" | "Unsubscribe", bodyId: string, year: number): void {
    if (this.connection.state !== HubConnectionState.Connected) return; // sent again on (re)connect
    this.connection.invoke(method, bodyId, year).catch((error: unknown) => console.warn(`实时订阅失败（${bodyId}，${year}）`, error));
  }

  private retryLater(): void {
    window.setTimeout(() => {
      if (this.connection.state === HubConnectionState.Disconnected) void this.start();
    }, MAX_RETRY_MS);
  }

  private setState(state: LiveState): void {
    if (state === this.current) return;
    this.current = state;
    this.stateListeners.forEach((listener) => listener(state));
  }
}

/** Which of two summaries of a body was taken later: the grain's activation (epoch), then its roll-up version (sequence). */
interface Stamp {
  epoch: number;
  sequence: number;
}

/** Whether a summary was taken before the one held (pushedAt is only a send time: not used to order). */
function isOlder(pushed: Stamp, held: Stamp): boolean {
  return pushed.epoch < held.epoch || (pushed.epoch === held.epoch && pushed.sequence < held.sequence);
}

function toLiveSummary(held: LiveSummary): LiveSummary {
  return { bodyId: held.bodyId, parentId: held.parentId, year: held.year, view: held.view };
}

function keyOf(bodyId: string, year: number): string {
  return `${year}/${bodyId}`;
}

function splitKey(key: string): [string, number] {
  const slash = key.indexOf("/");
  return [key.slice(slash + 1), Number(key.slice(0, slash))];
}
