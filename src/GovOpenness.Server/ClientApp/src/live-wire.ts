// The live push's compact summary (GovOpenness.Server/Live/CompactSummaryView.cs) expanded back to the
// object GET /api/bodies/{id}/summary returns. The push leaves out the names that repeat in every
// summary (the figures', the scores'), which made up two thirds of its bytes.

import type { AssessmentScore, ProgressLight, SummaryCounts, SummaryExtremes, SummaryFigure, SummaryView } from "./generated/api-schema";

/** The figures in the server's SummaryFigure order (append-only; checked by LiveWireTests against the enum). */
export const FIGURES: readonly SummaryFigure[] = [
  "bodies", "bodiesReceived", "bodiesLocalized", "bodiesPublished", "receiveDelayDaysSum", "publishDelayDaysSum",
  "bodiesWithOverdue", "bodiesWithDueSoon", "items", "itemsPending", "itemsAcknowledged", "itemsInProgress",
  "itemsReported", "itemsClosed", "itemsReturned", "itemsOverdue", "itemsDueSoon", "overdueDaysSum",
  "itemsDoneOnTime", "itemsDoneLate", "returns", "weightTotal", "weightDone", "weightClosed", "weightedPercentSum",
];

/** score, onTimeShare, completionShare, acceptedShare, overdueShare, overdueItems. */
type CompactScore = [number, number, number, number, number, number];

export interface CompactView {
  counts: number[];
  extremes: SummaryExtremes;
  light: ProgressLight;
  score: CompactScore;
  /** [rank, bodyId, …the score's six numbers] per child. */
  ranking: [number, string, ...CompactScore][];
}

/** One pushed summary as the hub sends it (client method "summaries"). */
export interface WireSummary {
  bodyId: string;
  parentId: string | null;
  year: number;
  compact: CompactView;
  pushedAt: number;
  sentAt: number;
  epoch: number;
  sequence: number;
}

export function expandView(wire: WireSummary): SummaryView {
  const c = wire.compact;
  const counts = {} as SummaryCounts;
  // A figure the server does not send (an older server) reads 0; one this viewer does not know is skipped.
  FIGURES.forEach((figure, i) => (counts[figure] = c.counts[i] ?? 0));
  return {
    summary: { bodyId: wire.bodyId, year: wire.year, counts, extremes: c.extremes },
    light: c.light,
    score: scoreOf(c.score),
    ranking: c.ranking.map(([rank, bodyId, ...score]) => ({ rank, bodyId, score: scoreOf(score) })),
    epoch: wire.epoch,
    sequence: wire.sequence,
  };
}

function scoreOf([score, onTimeShare, completionShare, acceptedShare, overdueShare, overdueItems]: CompactScore): AssessmentScore {
  return { score, onTimeShare, completionShare, acceptedShare, overdueShare, overdueItems };
}
