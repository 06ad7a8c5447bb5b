// Where the viewer learns that a body changed. Today nothing pushes, so nothing arrives; the SignalR hub
// (/hubs/cascade, issue 4) will implement the same interface and the panel will reload on each change.

export type Unsubscribe = () => void;

export interface LiveFeed {
  /** Calls onChange whenever something about the body (its plan, progress or summary) changes. */
  subscribe(bodyId: string, onChange: () => void): Unsubscribe;
}

/** The feed until the hub exists: the page shows what it loaded and reloads only when asked. */
export const noLiveFeed: LiveFeed = {
  subscribe: () => () => {},
};
