// The supervisor's desk endpoints (search, subtree filter, ledger export, score explanation, as-of),
// typed as the server serializes them. Kept apart from api.ts so the two grow independently.

import { getJson } from "./api.js";

export interface PathStep {
  id: string;
  name: string;
}

export interface FoundBody {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  matchedBy: "name" | "code" | "pinyin";
  path: PathStep[];
}

export interface SearchResult {
  query: string;
  count: number;
  results: FoundBody[];
}

export type DeskStep = "pending" | "acknowledged" | "inProgress" | "reported" | "closed" | "returned";

export const STEP_NAMES: Record<DeskStep, string> = {
  pending: "未签收",
  acknowledged: "已签收",
  inProgress: "办理中",
  reported: "已反馈",
  closed: "已办结",
  returned: "退回",
};

export const LEVEL_NAMES: Record<string, string> = {
  nation: "国家",
  province: "省级",
  prefecture: "地级",
  county: "县级",
  township: "乡级",
  department: "部门",
};

export interface BodyStanding {
  id: string;
  name: string;
  level: string;
  parentPath: string;
  light: "green" | "yellow" | "red";
  items: number;
  overdueItems: number;
  overdueDays: number;
  maxOverdueWorkingDays: number;
  steps: Record<DeskStep, number>;
  percent: number;
  itemStep?: DeskStep | null;
}

export interface SubtreeList {
  bodyId: string;
  year: number;
  asOf: string;
  isPast: boolean;
  total: number;
  skip: number;
  take: number;
  bodies: BodyStanding[];
}

/** The filters of a subtree list, as query parameters (empty ones left out). */
export interface SubtreeFilter {
  light?: string;
  overdue?: string;
  step?: string;
  item?: string;
  level?: string;
  sort?: string;
  order?: string;
  asOf?: string;
}

const enc = encodeURIComponent;

export function query(params: Record<string, string | number | undefined>): string {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${enc(String(v))}`)
    .join("&");
}

export interface ScorePart {
  key: string;
  name: string;
  numerator: number;
  denominator: number;
  share: number;
  weight: number;
  points: number;
  words: string;
}

export interface ScoreExplanation {
  bodyId: string;
  year: number;
  hasPlan: boolean;
  score: number;
  raw: number;
  parts: ScorePart[];
  words: string;
  children: { rank: number; bodyId: string; name: string; score: number; items: number }[];
  asOf?: string | null;
}

export const deskApi = {
  score: (id: string, year: number, asOf?: string) =>
    getJson<ScoreExplanation>(`/api/bodies/${enc(id)}/summary/explain?${query({ year, figure: "score", asOf })}`),
  subtree: (id: string, year: number, filter: SubtreeFilter, skip: number, take: number) =>
    getJson<SubtreeList>(`/api/bodies/${enc(id)}/subtree?${query({ year, ...filter, skip, take })}`),
  subtreeUrl: (id: string, year: number, filter: SubtreeFilter, format: "csv" | "xlsx") =>
    `/api/bodies/${enc(id)}/subtree?${query({ year, ...filter, format })}`,
  reportUrl: (id: string, year: number, asOf: string | undefined, format: "docx" | "html") =>
    `/api/bodies/${enc(id)}/annual-report?${query({ year, asOf, format })}`,
  ledgerUrl: (id: string, year: number, filter: SubtreeFilter, format: "csv" | "xlsx") =>
    `/api/bodies/${enc(id)}/ledger?${query({ year, ...filter, sort: undefined, order: undefined, format })}`,
  search: (query: string, within?: string, take = 12) =>
    getJson<SearchResult>(`/api/bodies?query=${enc(query)}&take=${take}${within ? `&within=${enc(within)}` : ""}`),
};

/** "山西省 › 吕梁市 › 孝义市": a path without the State Council, which is every path's root. */
export function pathText(path: PathStep[]): string {
  return path.filter((p) => p.id !== "cn").map((p) => p.name).join(" › ");
}
