// The replay banner: when the server runs a simulation replay (GET /api/replay answers), a line above
// the tree says which scenario, the virtual date as the documents write dates, the speed and progress.
// The status is tiny, so polling it once a second is cheap; a 404 means no replay and stops the polling.

export interface ReplayStatus {
  scenario: string;
  state: "running" | "finished" | "failed" | "stopped";
  virtualDate: string;
  speed: number;
  eventsDone: number;
  eventsTotal: number;
  bodiesIssued: number;
  bodiesTotal: number;
  failures: number;
  lastError?: string | null;
}

const POLL_MS = 1000;
const SECONDS_PER_DAY = 86_400;

/** "2022-08-15" → "2022年8月15日", the way the documents date themselves. */
export function documentDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日` : iso;
}

/** 86400 → "每秒1天", 3600 → "每秒1小时", 1728000 → "每秒20天". */
export function speedText(speed: number): string {
  if (speed >= SECONDS_PER_DAY) return `每秒${trim(speed / SECONDS_PER_DAY)}天`;
  if (speed >= 3600) return `每秒${trim(speed / 3600)}小时`;
  return `${trim(speed)}倍速`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

const STATE_TEXT: Record<ReplayStatus["state"], string> = {
  running: "回放中",
  finished: "回放完成",
  failed: "回放中断",
  stopped: "回放已停止",
};

export function bannerText(s: ReplayStatus): string {
  const percent = s.eventsTotal === 0 ? 100 : Math.floor((s.eventsDone * 100) / s.eventsTotal);
  const parts = [
    `模拟回放：${s.scenario}`,
    `虚拟日期 ${documentDate(s.virtualDate)}`,
    speedText(s.speed),
    `${STATE_TEXT[s.state] ?? s.state} ${percent}%（事件 ${s.eventsDone}/${s.eventsTotal}，已印发 ${s.bodiesIssued}/${s.bodiesTotal} 个机构）`,
  ];
  if (s.failures > 0) parts.push(`调用失败 ${s.failures} 次`);
  return parts.join(" · ");
}

/** Shows the banner in `container` while a replay runs; leaves it hidden when the server runs none. */
export function startReplayBanner(container: HTMLElement | null): void {
  if (!container) return;
  const poll = async (): Promise<void> => {
    let response: Response;
    try {
      response = await fetch("/api/replay", { headers: { Accept: "application/json" } });
    } catch {
      setTimeout(poll, POLL_MS * 5); // the server is restarting: try again later
      return;
    }
    if (response.status === 404) {
      container.hidden = true;
      return;
    }
    if (response.ok) {
      const status = (await response.json()) as ReplayStatus;
      container.textContent = bannerText(status);
      container.title = status.lastError ?? "";
      container.dataset.state = status.state;
      container.hidden = false;
    }
    setTimeout(poll, POLL_MS);
  };
  void poll();
}
