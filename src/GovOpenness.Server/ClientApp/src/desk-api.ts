// The supervisor's desk endpoints (search, subtree filter, ledger export, score explanation, as-of),
// typed from the server's OpenAPI document (generated/api-schema.ts) like api.ts. Kept apart from api.ts
// so the two grow independently.

import { getJson } from "./api.js";
import type * as Schema from "./generated/api-schema";

export type PathStep = Schema.PathStep;
export type FoundBody = Schema.Found;
export type SearchResult = Schema.SearchResult;
export type DeskStep = Exclude<Schema.DeskStep, null>;

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

export type BodyStanding = Schema.BodyStanding;
export type SubtreeList = Schema.SubtreeList;

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

export type ScorePart = Schema.ScorePart;
export type ScoreExplanation = Schema.ScoreExplanation;
export type YearOverYear = Schema.YearOverYear;

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
