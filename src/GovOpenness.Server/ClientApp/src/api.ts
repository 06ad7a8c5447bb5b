// The REST API of GovOpenness.Server, typed as the server serializes it (camelCase JSON).

// Every request and answer type is generated from the server's OpenAPI document (generated/api-schema.ts,
// checked by OpenApiContractTests): a change on the server that the viewer does not follow fails tsc.
import type * as Schema from "./generated/api-schema";

export type {
  AlignmentReport,
  AssessmentScore,
  BodyInfo,
  BodyView,
  ChildrenSummaries,
  ChildSummary,
  DeadlineData,
  DiffEntry,
  DraftChangeRequest,
  DraftView,
  EffectiveItem,
  EvidenceInfo,
  ImportDraftResponse,
  ImportPair,
  ImportPairsView,
  InboxView,
  ReportToReview,
  EffectivePlan,
  FigureExplanation,
  ItemStanding,
  ItemStatus,
  Offender,
  PlanDiff,
  PlanItemData,
  ProgressTable,
  RankedBody,
  ReportItem,
  ReportPair,
  ReportPlan,
  ReportShift,
  SampleDocument,
  SampleList,
  SummaryView,
} from "./generated/api-schema";

export type Light = Schema.ProgressLight;

/** The figures of a subtree summary (see Domain/Progress/README.md). */
export type SummaryCounts = Schema.SummaryCounts;

/** One figure by its name in the summary JSON (0 for a name the server does not send). */
export function figureOf(counts: SummaryCounts, figure: string): number {
  return figure in counts ? counts[figure as keyof SummaryCounts] : 0;
}

/** A failed call: the HTTP status (0 when the server was not reached) and the problem's Chinese detail. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type BodyView = Schema.BodyView;
type EffectivePlan = Schema.EffectivePlan;
type PlanDiff = Schema.PlanDiff;
type SummaryView = Schema.SummaryView;
type ChildrenSummaries = Schema.ChildrenSummaries;
type ProgressTable = Schema.ProgressTable;
type FigureExplanation = Schema.FigureExplanation;
type AlignmentReport = Schema.AlignmentReport;
type SampleList = Schema.SampleList;
type DraftView = Schema.DraftView;
type InboxView = Schema.InboxView;
type EvidenceInfo = Schema.EvidenceInfo;
type LocalizeResult = Schema.LocalizeResult;
type ImportPairsView = Schema.ImportPairsView;
type ImportDraftResponse = Schema.ImportDraftResponse;

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

/**
 * The antiforgery token of the current sign-in: every write the viewer makes with its cookie carries it
 * (a page of another site can make the browser send the cookie, never read this). Bound to the account,
 * so it is asked for again after signing in or out.
 */
let antiforgery: Promise<string> | undefined;

function antiforgeryToken(): Promise<string> {
  antiforgery ??= fetch("/api/auth/antiforgery", { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((t: Schema.AntiforgeryToken) => t.token);
  antiforgery.catch(() => (antiforgery = undefined));
  return antiforgery;
}

function forgetAntiforgeryToken(): void {
  antiforgery = undefined;
}

/** One request; a failure becomes an ApiError carrying the problem's Chinese detail. */
export async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    const writes = (init.method ?? "GET") !== "GET" && url !== "/api/auth/login";
    const headers = new Headers(init.headers);
    if (writes) {
      headers.set("X-CSRF-TOKEN", await antiforgeryToken());
    }
    response = await fetch(url, { ...init, headers });
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

export interface AccountView {
  account: string;
  bodyId: string;
  roles: string[];
  bodyName?: string | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  account: string;
  bodyId: string | null;
  kind: string;
  summary: string;
}

export const api = {
  body: (id: string, skip: number, take: number) =>
    getJson<BodyView>(`/api/bodies/${enc(id)}?skip=${skip}&take=${take}`),
  plan: (id: string, year: number) => getJson<EffectivePlan>(`/api/bodies/${enc(id)}/plans/${year}`),
  diff: (id: string, year: number) => getJson<PlanDiff>(`/api/bodies/${enc(id)}/plans/${year}/diff`),
  summary: (id: string, year: number, asOf?: string) =>
    getJson<SummaryView>(`/api/bodies/${enc(id)}/summary?year=${year}${asOf ? `&asOf=${asOf}` : ""}`),
  childSummaries: (id: string, year: number, skip: number, take: number, asOf?: string) =>
    getJson<ChildrenSummaries>(`/api/bodies/${enc(id)}/children/summaries?year=${year}&skip=${skip}&take=${take}${asOf ? `&asOf=${asOf}` : ""}`),
  progress: (id: string, year: number, asOf?: string) =>
    getJson<ProgressTable>(`/api/bodies/${enc(id)}/progress?year=${year}${asOf ? `&asOf=${asOf}` : ""}`),
  explain: (id: string, year: number, figure: string, asOf?: string) =>
    getJson<FigureExplanation>(`/api/bodies/${enc(id)}/summary/explain?year=${year}&figure=${enc(figure)}${asOf ? `&asOf=${asOf}` : ""}`),
  align: (parent: string, child: string) => postJson<AlignmentReport>("/api/align", { parent, child } satisfies Schema.AlignRequest),
  samples: () => getJson<SampleList>("/api/samples/documents/"),
  sampleText: (number: string) => getText(`/api/samples/documents/${enc(number)}`),
  me: () => getJson<AccountView>("/api/accounts/me"),
  login: (account: string, password: string) =>
    postJson<AccountView>("/api/auth/login", { account, password }).finally(forgetAntiforgeryToken),
  logout: () => send("/api/auth/logout", { method: "POST" }).finally(forgetAntiforgeryToken),
  history: (id: string) => getJson<HistoryEntry[]>(`/api/bodies/${enc(id)}/history`),
  inbox: (id: string, year: number) => getJson<InboxView>(`/api/bodies/${enc(id)}/inbox?year=${year}`),
  draft: (id: string, year: number) => getJson<DraftView>(`/api/bodies/${enc(id)}/plans/${year}/draft`),
  saveDraft: (id: string, year: number, request: Schema.DraftRequest) =>
    postJson<DraftView>(`/api/bodies/${enc(id)}/plans/${year}/draft`, request),
  publishDraft: (id: string, year: number, ifVersion?: number) =>
    postJson<LocalizeResult>(`/api/bodies/${enc(id)}/plans/${year}/publish`, (ifVersion === undefined ? {} : { ifVersion }) satisfies Schema.PublishDraftRequest),
  importPairs: (id: string, year: number, request: Schema.ImportPairsRequest) =>
    postJson<ImportPairsView>(`/api/bodies/${enc(id)}/plans/${year}/import/pairs`, request),
  importDraft: (id: string, year: number, request: Schema.ImportPairsRequest) =>
    postJson<ImportDraftResponse>(`/api/bodies/${enc(id)}/plans/${year}/import/draft`, request),
  step: (id: string, request: Schema.ProgressRequest) => postJson<unknown>(`/api/bodies/${enc(id)}/progress`, request),
  urge: (id: string, bodyIds: string[], message: string) =>
    postJson<unknown>(`/api/bodies/${enc(id)}/urge`, { bodyIds, message } satisfies Schema.UrgeRequest),
  uploadEvidence: async (id: string, file: File): Promise<EvidenceInfo> => {
    const form = new FormData();
    form.append("file", file, file.name);
    return (await send(`/api/bodies/${enc(id)}/evidence`, { method: "POST", headers: { Accept: "application/json" }, body: form }).then((r) => r.json())) as EvidenceInfo;
  },
};

/** An evidence entry as a link: uploaded files by their download address, links as they are. */
export function evidenceHref(entry: string): string {
  return /^ev[0-9a-f]{32}$/.test(entry) ? `/api/evidence/${entry}` : entry;
}
