// The REST API of GovOpenness.Server, typed as the server serializes it (camelCase JSON).

export interface BodyInfo {
  id: string;
  name: string;
  parentId: string | null;
  level: string;
}

export interface BodyView {
  body: BodyInfo;
  parent: BodyInfo | null;
  children: BodyInfo[];
  childCount: number;
  skip: number;
  publishedYears: number[];
}

export interface DeadlineData {
  text: string;
  kind: string;
  date?: string | null;
  days?: number | null;
}

export interface PlanItemData {
  id: string;
  heading: string;
  text: string;
  deadlines: DeadlineData[];
  units: string[];
}

export interface EffectiveItem {
  item: PlanItemData;
  originBodyId: string;
}

export interface EffectivePlan {
  bodyId: string;
  year: number;
  title: string | null;
  docNumber: string | null;
  items: EffectiveItem[];
  dropped: EffectiveItem[];
}

export interface DiffEntry {
  itemId: string;
  heading: string;
  field: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  byPolicy: boolean;
}

export interface PlanDiff {
  bodyId: string;
  parentId: string | null;
  year: number;
  entries: DiffEntry[];
}

export type Light = "green" | "yellow" | "red";

/** The figures of a subtree summary (see Domain/Progress/README.md); the viewer reads these. */
export interface SummaryCounts {
  bodies: number;
  bodiesWithOverdue: number;
  items: number;
  itemsPending: number;
  itemsAcknowledged: number;
  itemsInProgress: number;
  itemsReported: number;
  itemsClosed: number;
  itemsReturned: number;
  itemsOverdue: number;
  itemsDueSoon: number;
  overdueDaysSum: number;
  [figure: string]: number;
}

export interface Offender {
  bodyId: string;
  overdueItems: number;
  overdueDaysSum: number;
  maxOverdueDays: number;
}

export interface AssessmentScore {
  score: number;
  onTimeShare: number;
  completionShare: number;
  acceptedShare: number;
  overdueShare: number;
  overdueItems: number;
}

export interface RankedBody {
  rank: number;
  bodyId: string;
  score: AssessmentScore;
}

/** GET /summary, and what the live feed pushes (LiveSummary.view). */
export interface SummaryView {
  summary: {
    bodyId: string;
    year: number;
    counts: SummaryCounts;
    extremes: { maxPublishDelayDays: number; maxOverdueDays: number; offenders: Offender[] };
  };
  light: Light;
  score: AssessmentScore;
  ranking: RankedBody[];
  /** The progress grain's activation (Unix µs) and roll-up version: a later view has a larger pair. */
  epoch?: number;
  sequence?: number;
}

export interface ChildSummary {
  bodyId: string;
  name: string;
  level: string;
  view: SummaryView;
}

export interface ChildrenSummaries {
  bodyId: string;
  year: number;
  childCount: number;
  skip: number;
  children: ChildSummary[];
}

export type ItemStatus = "pending" | "acknowledged" | "inProgress" | "reported" | "closed";

export interface ItemStanding {
  itemId: string;
  status: ItemStatus;
  deadline?: string | null;
  light: Light;
  overdueDays: number;
  overdueWorkingDays: number;
  percent?: number | null;
  weight: number;
  returnReason?: string | null;
  evidence: string[];
  note?: string | null;
  reportedOn?: string | null;
}

export interface ProgressTable {
  bodyId: string;
  year: number;
  asOf: string;
  items: ItemStanding[];
  overdueItems: number;
}

export interface FigureExplanation {
  bodyId: string;
  figure: string;
  total: number;
  parts: { kind: "body" | "item" | "child"; id: string; value: number }[];
}

export interface ReportShift {
  from: string | null;
  to: string | null;
  fromText: string | null;
  toText: string | null;
  direction: "same" | "tightened" | "loosened" | "added" | "removed";
  workingDaysEarlier: number | null;
}

export interface ReportPair {
  childId: string;
  childHeading: string;
  parentIds: string[];
  parentHeading: string;
  change: string;
  flags: string[];
  deadlineShifts: ReportShift[];
  confidence: number;
  doubtful: boolean;
}

export interface ReportPlan {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  year: number;
  items: number;
}

export interface AlignmentReport {
  parent: ReportPlan;
  child: ReportPlan;
  coverage: number;
  meanConfidence: number;
  pairs: ReportPair[];
  sections: ReportPair[];
  dropped: { id: string; heading: string }[];
  added: { id: string; heading: string }[];
  escalationIndex: {
    matchedPairs: number;
    tightenedPairs: number;
    loosenedPairs: number;
    meanWorkingDaysEarlier: number;
    addedItems: number;
    pairsWithAddedUnits: number;
    value: number;
  };
}

export interface SampleDocument {
  number: string;
  file: string;
  issuer: string | null;
  title: string | null;
  docNumber: string | null;
  issueDate: string | null;
  year: number;
  items: number;
}

export interface SampleList {
  documents: SampleDocument[];
  pairs: { parent: string; child: string; label: string }[];
}

/** A failed call: the HTTP status (0 when the server was not reached) and the problem's Chinese detail. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function getJson<T>(url: string): Promise<T> {
  return (await send(url, { headers: { Accept: "application/json" } }).then((r) => r.json())) as T;
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const init = { method: "POST", headers: { Accept: "application/json", "Content-Type": "application/json" }, body: JSON.stringify(body) };
  return (await send(url, init).then((r) => r.json())) as T;
}

async function getText(url: string): Promise<string> {
  return (await send(url, { headers: { Accept: "text/plain" } })).text();
}

/** One request; a failure becomes an ApiError carrying the problem's Chinese detail. */
export async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, "无法连接服务器，请检查网络后重试");
  }
  if (!response.ok) {
    let detail = "";
    try {
      const problem = (await response.json()) as { title?: string; detail?: string };
      detail = problem.detail ?? problem.title ?? "";
    } catch {
      // Not a problem document: the status alone has to do.
    }
    throw new ApiError(response.status, detail || `服务器返回错误（${response.status}）`);
  }
  return response;
}

const enc = encodeURIComponent;

export const api = {
  body: (id: string, skip: number, take: number) =>
    getJson<BodyView>(`/api/bodies/${enc(id)}?skip=${skip}&take=${take}`),
  plan: (id: string, year: number) => getJson<EffectivePlan>(`/api/bodies/${enc(id)}/plans/${year}`),
  diff: (id: string, year: number) => getJson<PlanDiff>(`/api/bodies/${enc(id)}/plans/${year}/diff`),
  summary: (id: string, year: number, asOf?: string) =>
    getJson<SummaryView>(`/api/bodies/${enc(id)}/summary?year=${year}${asOf ? `&asOf=${asOf}` : ""}`),
  childSummaries: (id: string, year: number, skip: number, take: number) =>
    getJson<ChildrenSummaries>(`/api/bodies/${enc(id)}/children/summaries?year=${year}&skip=${skip}&take=${take}`),
  progress: (id: string, year: number, asOf?: string) =>
    getJson<ProgressTable>(`/api/bodies/${enc(id)}/progress?year=${year}${asOf ? `&asOf=${asOf}` : ""}`),
  explain: (id: string, year: number, figure: string, asOf?: string) =>
    getJson<FigureExplanation>(`/api/bodies/${enc(id)}/summary/explain?year=${year}&figure=${enc(figure)}${asOf ? `&asOf=${asOf}` : ""}`),
  align: (parent: string, child: string) => postJson<AlignmentReport>("/api/align", { parent, child }),
  samples: () => getJson<SampleList>("/api/samples/documents/"),
  sampleText: (number: string) => getText(`/api/samples/documents/${enc(number)}`),
};
