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

/** A failed call: the HTTP status (0 when the server was not reached) and the problem's Chinese detail. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function getJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
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
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  body: (id: string, skip: number, take: number) =>
    getJson<BodyView>(`/api/bodies/${enc(id)}?skip=${skip}&take=${take}`),
  plan: (id: string, year: number) => getJson<EffectivePlan>(`/api/bodies/${enc(id)}/plans/${year}`),
  diff: (id: string, year: number) => getJson<PlanDiff>(`/api/bodies/${enc(id)}/plans/${year}/diff`),
};
