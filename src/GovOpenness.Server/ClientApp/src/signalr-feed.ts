// LiveFeed over SignalR (/hubs/cascade): one connection per page, reconnecting on its own. Each body
// and year is subscribed on the hub once however many parts of the page listen to it, and again after
// every reconnect (the server forgets a connection's groups when it drops).

import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { InboxNotice, LiveFeed, LiveSummary, Unsubscribe } from "./feed.js";

export type LiveState = "connected" | "reconnecting" | "disconnected";

/** What the hub sends: a LiveSummary plus when the grain pushed it and the host sent it (Unix ms). */
interface PushedSummary extends LiveSummary {
  pushedAt: number;
  sentAt: number;
}

type Listener = (update: LiveSummary) => void;

const HUB_PATH = "/hubs/cascade";
const MAX_RETRY_MS = 10_000;

export class SignalRLiveFeed implements LiveFeed {
  private readonly connection: HubConnection;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly inboxListeners = new Map<string, Set<(notice: InboxNotice) => void>>();
  /** The newest summary per body and year: an older one arriving late is dropped (see isOlder). */
  private readonly newest = new Map<string, PushedSummary>();
  private readonly stateListeners = new Set<(state: LiveState) => void>();
  private current: LiveState = "disconnected";

  constructor(url = HUB_PATH) {
    this.connection = new HubConnectionBuilder()
      .withUrl(url)
      // Never give up: back off to one try every 10 s while the server is away.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => Math.min(MAX_RETRY_MS, 500 * 2 ** retry.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on("summaries", (batch: PushedSummary[]) => this.receive(batch));
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

  private receive(batch: PushedSummary[]): void {
    for (const pushed of batch) {
      const key = keyOf(pushed.bodyId, pushed.year);
      const held = this.newest.get(key);
      if (held !== undefined && isOlder(pushed, held)) continue;
      this.newest.set(key, pushed);
      const update = toLiveSummary(pushed);
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

/**
 * Whether a summary was taken before the one held: by the grain's (epoch, sequence) when both carry
 * them, since pushedAt is a send time (the hub stamps a summary read at subscribe with "now", which
 * may be later than a newer push already on its way).
 */
function isOlder(pushed: PushedSummary, held: PushedSummary): boolean {
  const a = stampOf(pushed.view);
  const b = stampOf(held.view);
  if (a !== null && b !== null) return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  return pushed.pushedAt < held.pushedAt;
}

function stampOf(view: unknown): [number, number] | null {
  const v = view as { epoch?: unknown; sequence?: unknown } | null;
  return typeof v?.epoch === "number" && typeof v.sequence === "number" ? [v.epoch, v.sequence] : null;
}

function toLiveSummary(pushed: PushedSummary): LiveSummary {
  return { bodyId: pushed.bodyId, parentId: pushed.parentId, year: pushed.year, view: pushed.view };
}

function keyOf(bodyId: string, year: number): string {
  return `${year}/${bodyId}`;
}

function splitKey(key: string): [string, number] {
  const slash = key.indexOf("/");
  return [key.slice(slash + 1), Number(key.slice(0, slash))];
}
