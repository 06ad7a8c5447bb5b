// Where the viewer learns that a body's progress changed. The SignalR hub (/hubs/cascade) implements
// this interface; until it connects, nothing arrives and the page shows what it loaded.

export type Unsubscribe = () => void;

/**
 * One pushed summary: the same JSON object as GET /api/bodies/{bodyId}/summary?year= returns
 * (summary, light, score, ranking), tagged with whose it is. A subscription to a body receives the
 * body's own summary and each of its direct children's, as they change.
 */
export interface LiveSummary {
  bodyId: string;
  parentId: string | null;
  year: number;
  // Typed by whoever renders it (api.ts SummaryView); the feed only carries it.
  view: unknown;
}

/** A body's 待办 gained something its summary does not show (kind "urge": a 催办 arrived); read the inbox again. */
export interface InboxNotice {
  bodyId: string;
  kind: string;
}

export interface LiveFeed {
  /** Calls onUpdate whenever the summary of the body or of one of its direct children changes. */
  subscribe(bodyId: string, year: number, onUpdate: (update: LiveSummary) => void): Unsubscribe;
  /** Calls onNotice when the body's 待办 changes; only while the body is subscribed (the hub sends notices to its viewers). */
  onInbox(bodyId: string, onNotice: (notice: InboxNotice) => void): Unsubscribe;
}

/** The feed when no hub is reachable: the page shows what it loaded and reloads only when asked. */
export const noLiveFeed: LiveFeed = {
  subscribe: () => () => {},
  onInbox: () => () => {},
};
