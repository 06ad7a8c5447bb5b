// Generated from the server's OpenAPI document (/openapi/v1.json) by OpenApiContractTests: do not edit.
// After changing an endpoint: GOVOPENNESS_UPDATE_API_TYPES=1 dotnet test --filter OpenApiContractTests

export interface AccountView {
  account: string;
  bodyId: string;
  roles: string[];
  bodyName?: string | null;
}

export interface AlignRequest {
  parent: string;
  child: string;
}

export interface AlignmentReport {
  parent: ReportPlan;
  child: ReportPlan;
  coverage: number;
  meanConfidence: number;
  pairs: ReportPair[];
  sections: ReportPair[];
  dropped: ReportItem[];
  added: ReportItem[];
  sectionsDropped: ReportItem[];
  sectionsAdded: ReportItem[];
  subsections: ReportPair[];
  subsectionsDropped: ReportItem[];
  subsectionsAdded: ReportItem[];
  escalationIndex: EscalationIndex;
}

export interface AliveReport {
  status: string;
}

export interface AntiforgeryToken {
  token: string;
  headerName: string;
}

export interface AssessmentScore {
  score: number;
  onTimeShare: number;
  completionShare: number;
  acceptedShare: number;
  overdueShare: number;
  overdueItems: number;
}

export interface BodyInfo {
  id: string;
  name: string;
  parentId?: string | null;
  level: BodyLevel;
}

export type BodyLevel = "nation" | "province" | "prefecture" | "county" | "township" | "village" | "department";

export type BodyMatchKind = "name" | "code" | "pinyin";

export interface BodyStanding {
  id: string;
  name: string;
  level: BodyLevel;
  parentPath: string;
  light: ProgressLight;
  items: number;
  overdueItems: number;
  overdueDays: number;
  maxOverdueWorkingDays: number;
  steps: Record<string, number>;
  percent: number;
  item?: ItemStanding | null;
  itemStep?: DeskStep | null;
  treeOrder?: number;
}

export interface BodyView {
  body: BodyInfo;
  parent?: BodyInfo | null;
  children: BodyInfo[];
  childCount: number;
  skip: number;
  publishedYears: number[];
}

export interface ChildScore {
  rank: number;
  bodyId: string;
  name: string;
  score: number;
  items: number;
}

export interface ChildSummary {
  bodyId: string;
  name: string;
  level: BodyLevel;
  view: SummaryView;
}

export interface ChildrenSummaries {
  bodyId: string;
  year: number;
  childCount: number;
  skip: number;
  children: ChildSummary[];
}

export interface ComparedItem {
  itemId: string;
  heading: string;
  matches: string[];
  change?: string | null;
  confidence?: number | null;
  status?: string | null;
  carriedInto?: string[];
}

export interface CreateRequest {
  account?: string | null;
  password?: string | null;
  bodyId?: string | null;
  roles?: string[] | null;
}

export interface CreatedDepartment {
  id: string;
  name: string;
  written: string;
}

export interface Credentials {
  account?: string | null;
  password?: string | null;
}

export interface DeadlineData {
  text: string;
  kind: DeadlineKind;
  date?: string | null;
  days?: number | null;
  dueDate?: string | null;
}

export type DeadlineKind = "by" | "recurring" | "from" | "workingDays" | "target" | "ongoing" | "calendarDays" | "unparsed";

export interface DeadlineRequest {
  text: string;
  kind: DeadlineKind;
  date?: string | null;
  days?: number | null;
}

export interface DeadlineRoom {
  itemId: string;
  deadlineIndex: number;
  parentDate: string;
  workingDaysLeft: number;
}

export interface DepartmentOutcome {
  id: string;
  name: string;
  named: string[];
  leads: string[];
  cooperates: string[];
  changes: number;
  error?: string | null;
  warnings: string[];
}

export interface DepartmentRequest {
  id: string;
  name: string;
  parentId: string;
}

export type DeskStep = "pending" | "acknowledged" | "inProgress" | "reported" | "closed" | "returned" | null;

export interface DiffEntry {
  itemId: string;
  heading: string;
  field: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  byPolicy: boolean;
}

export interface DivisionResponse {
  departments: DepartmentOutcome[];
  unmatched: string[];
  collective: string[];
  unpairedRows: string[];
  created: CreatedDepartment[];
}

export interface DraftChange {
  change: ItemChange;
  exceptionReason?: string | null;
}

export interface DraftChangeRequest {
  itemId: string;
  deadline?: DeadlineRequest | null;
  approvedException?: boolean;
  units?: string[] | null;
  text?: string | null;
  dropReason?: string | null;
  added?: PlanItemRequest | null;
  deadlineIndex?: number | null;
  heading?: string | null;
  afterItemId?: string | null;
  exceptionReason?: string | null;
}

export interface DraftRequest {
  changes: DraftChangeRequest[];
  policy?: PolicyRequest | null;
  ifVersion?: number | null;
}

export interface DraftView {
  bodyId: string;
  year: number;
  version: number;
  state: string;
  changes: DraftChange[];
  policy?: LocalizationPolicyData | null;
  savedAt?: string | null;
  savedBy?: string | null;
  parent: EffectivePlan;
  preview: EffectivePlan;
  diff: PlanDiff;
  warnings: string[];
  deadlines: DeadlineRoom[];
}

export interface EffectiveItem {
  item: PlanItemData;
  originBodyId: string;
  changes: ItemChangeNote[];
}

export interface EffectivePlan {
  bodyId: string;
  year: number;
  stamp: string;
  originBodyId: string;
  title?: string | null;
  docNumber?: string | null;
  items: EffectiveItem[];
  dropped: EffectiveItem[];
  conflicts: PlanConflict[];
}

export interface EscalationIndex {
  matchedPairs: number;
  tightenedPairs: number;
  loosenedPairs: number;
  tightenedShare: number;
  meanWorkingDaysEarlier: number;
  addedItems: number;
  addedItemShare: number;
  pairsWithAddedUnits: number;
  unitsAddedShare: number;
  value: number;
}

export interface EvidenceInfo {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  bodyId: string;
  account?: string | null;
  uploadedAt: string;
}

export interface FigureExplanation {
  bodyId: string;
  figure: SummaryFigure;
  total: number;
  parts: FigurePart[];
}

export interface FigurePart {
  kind: FigurePartKind;
  id: string;
  value: number;
}

export type FigurePartKind = "body" | "item" | "child";

export interface Found {
  id: string;
  name: string;
  level: BodyLevel;
  parentId?: string | null;
  matchedBy: BodyMatchKind;
  path: PathStep[];
}

export interface HealthReport {
  status: string;
  root?: string | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  account: string;
  bodyId?: string | null;
  kind: string;
  summary: string;
  requestId?: string | null;
  clientAddress?: string | null;
  hash: string;
}

export type IFormFile = string;

export interface ImportDraftResponse {
  pairs: ImportPairsView;
  notes: string[];
  draft: DraftView;
}

export interface ImportPair {
  itemId: string;
  heading: string;
  text: string;
  parentItemId?: string | null;
  parentHeading?: string | null;
  alsoParentItemIds: string[];
  change: string;
  changeLabel: string;
  confidence?: number | null;
  doubtful: boolean;
  corrected: boolean;
}

export interface ImportPairsRequest {
  document: string;
  fileName?: string | null;
  corrections?: PairCorrectionRequest[] | null;
  ifVersion?: number | null;
}

export interface ImportPairsView {
  bodyId: string;
  year: number;
  title?: string | null;
  parentId: string;
  pairs: ImportPair[];
  parentItems: ImportParentItem[];
  dropped: string[];
  coverage: number;
  correctedCount: number;
}

export interface ImportParentItem {
  id: string;
  heading: string;
}

export interface ImportResponse {
  alignment: AlignmentReport;
  plan: EffectivePlan;
  warnings: string[];
}

export interface InboxCounts {
  plans: number;
  reviews: number;
  returns: number;
  urges: number;
  total: number;
}

export interface InboxView {
  bodyId: string;
  year: number;
  counts: InboxCounts;
  plans: PlanToAdopt[];
  reviews: ReportToReview[];
  returns: ReturnedItem[];
  urges: UrgeNote[];
}

export interface ItemChange {
  itemId: string;
  deadline?: DeadlineData | null;
  approvedException?: boolean;
  units?: string[] | null;
  text?: string | null;
  dropReason?: string | null;
  added?: PlanItemData | null;
  deadlineIndex?: number | null;
  heading?: string | null;
  afterItemId?: string | null;
}

export interface ItemChangeNote {
  bodyId: string;
  field: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  byPolicy?: boolean;
}

export interface ItemChangeRequest {
  itemId: string;
  deadline?: DeadlineRequest | null;
  approvedException?: boolean;
  units?: string[] | null;
  text?: string | null;
  dropReason?: string | null;
  added?: PlanItemRequest | null;
  deadlineIndex?: number | null;
  heading?: string | null;
  afterItemId?: string | null;
}

export interface ItemProgress {
  itemId: string;
  status?: ItemStatus;
  percent?: number | null;
  note?: string | null;
  evidence?: string[];
  returnReason?: string | null;
  returnCount?: number;
  acknowledgedOn?: string | null;
  reportedOn?: string | null;
  closedOn?: string | null;
  version?: number;
  recentRequestIds?: string[];
}

export interface ItemStanding {
  itemId: string;
  status: ItemStatus;
  deadline?: string | null;
  light: ProgressLight;
  overdueDays: number;
  percent?: number | null;
  weight: number;
  returnReason?: string | null;
  evidence: string[];
  note?: string | null;
  overdueWorkingDays?: number;
  reportedOn?: string | null;
}

export type ItemStatus = "pending" | "acknowledged" | "inProgress" | "reported" | "closed";

export interface LocalizationPolicyData {
  deadlineWorkingDaysBefore?: number | null;
  unitMapping?: Record<string, string> | null;
  deadlineJitterWorkingDays?: number | null;
  deadlineJitterSeed?: number | null;
  deadlineEndOfMonth?: number | null;
  deadlineMonthsEarlier?: number | null;
  deadlineAllowLater?: boolean;
}

export interface LocalizeRequest {
  changes: ItemChangeRequest[];
  policy?: PolicyRequest | null;
}

export interface LocalizeResult {
  plan: EffectivePlan;
  warnings: string[];
}

export interface LookBack {
  bodyId: string;
  from: LookBackDay;
  to: LookBackDay;
  rows: LookBackRow[];
  coverage: number;
  name?: string | null;
  added?: number;
  dropped?: number;
  carried?: number;
  deadlineMoved?: number;
  unitsChanged?: number;
}

export interface LookBackDay {
  day: string;
  year: number;
  title?: string | null;
  docNumber?: string | null;
  items: number;
  closed: number;
  reported: number;
  pending: number;
  overdue: number;
  planRecordedLater?: boolean;
}

export interface LookBackDeadline {
  text: string;
  date?: string | null;
}

export interface LookBackItem {
  itemId: string;
  heading: string;
  deadlines: LookBackDeadline[];
  units: string[];
  status: ItemStatus;
  step: string;
  percent?: number | null;
  light: ProgressLight;
  overdueWorkingDays: number;
}

export type LookBackKind = "carried" | "added" | "dropped";

export interface LookBackRow {
  kind: LookBackKind;
  then?: LookBackItem | null;
  now?: LookBackItem | null;
  change: string;
  deadlineMoved: boolean;
  unitsChanged: boolean;
  alsoThen?: string[];
  merged?: boolean;
  split?: boolean;
}

export interface Offender {
  bodyId: string;
  overdueItems: number;
  overdueDaysSum: number;
  maxOverdueDays: number;
}

export interface PairCorrectionRequest {
  childItemId: string;
  parentItemId?: string | null;
}

export interface PasswordRequest {
  password?: string | null;
}

export interface PathStep {
  id: string;
  name: string;
}

export interface PendingCount {
  kind: PendingWork;
  count: number;
  keys: string[];
}

export type PendingWork = "delivery" | "milestoneNote" | "flush" | "push" | "forward";

export interface PlanConflict {
  itemId: string;
  field: string;
  message: string;
}

export interface PlanDiff {
  bodyId: string;
  parentId?: string | null;
  year: number;
  stamp: string;
  entries: DiffEntry[];
  conflicts: PlanConflict[];
}

export interface PlanItemData {
  id: string;
  heading: string;
  text: string;
  deadlines: DeadlineData[];
  units: string[];
  depth?: number;
  weight?: number;
}

export interface PlanItemRequest {
  id: string;
  heading: string;
  text: string;
  deadlines: DeadlineRequest[];
  units: string[];
  depth?: number;
  weight?: number;
}

export interface PlanToAdopt {
  year: number;
  parentId: string;
  title?: string | null;
  stamp: string;
  items: number;
}

export interface PlanWarning {
  code: string;
  message: string;
  line?: number | null;
  itemId?: string | null;
}

export interface PolicyRequest {
  deadlineWorkingDaysBefore?: number | null;
  unitMapping?: Record<string, string> | null;
}

export interface ProblemDetails {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  instance?: string | null;
}

export type ProgressLight = "green" | "yellow" | "red";

export interface ProgressOutcome {
  kind: ProgressOutcomeKind;
  item: ItemProgress;
  message?: string | null;
}

export type ProgressOutcomeKind = "applied" | "unchanged" | "duplicate" | "rejected";

export interface ProgressRequest {
  year: number;
  itemId: string;
  step: ProgressStep;
  percent?: number | null;
  note?: string | null;
  evidence?: string[] | null;
  requestId?: string | null;
}

export type ProgressStep = "acknowledged" | "inProgress" | "reported" | "accepted" | "returned";

export interface ProgressTable {
  bodyId: string;
  year: number;
  asOf: string;
  items: ItemStanding[];
  overdueItems: number;
}

export interface PublishDraftRequest {
  ifVersion?: number | null;
}

export interface PublishPlanRequest {
  year: number;
  items: PlanItemRequest[];
  title?: string | null;
  docNumber?: string | null;
  descendantPolicy?: PolicyRequest | null;
}

export interface PublishResponse {
  plan: EffectivePlan;
  warnings: PlanWarning[];
}

export interface RankedBody {
  rank: number;
  bodyId: string;
  score: AssessmentScore;
}

export interface Readiness {
  status: string;
  silo: string;
  activeSilos: number;
}

export interface ReplayStatus {
  scenario: string;
  file: string;
  state: string;
  virtualNow: string;
  virtualDate: string;
  speed: number;
  start: string;
  end: string;
  eventsDone: number;
  eventsTotal: number;
  bodiesIssued: number;
  bodiesTotal: number;
  failures: number;
  lastError?: string | null;
}

export interface ReportItem {
  id: string;
  heading: string;
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
  title?: string | null;
  issuer?: string | null;
  docNumber?: string | null;
  year: number;
  items: number;
}

export interface ReportShift {
  from?: string | null;
  to?: string | null;
  fromText?: string | null;
  toText?: string | null;
  direction: string;
  workingDaysEarlier?: number | null;
}

export interface ReportTemplate {
  title: string;
  sectionHeading: string;
  intro: string;
  rollUp: string;
  doneHeading: string;
  doneItem: string;
  openHeading: string;
  openItem: string;
  lateHeading: string;
  lateItem: string;
  noReason: string;
  closing: string;
}

export interface ReportToReview {
  bodyId: string;
  bodyName: string;
  itemId: string;
  heading?: string | null;
  note?: string | null;
  evidence: string[];
  reportedOn?: string | null;
  deadline?: string | null;
}

export interface ReturnedItem {
  itemId: string;
  heading?: string | null;
  reason: string;
}

export interface SampleDocument {
  number: string;
  file: string;
  issuer?: string | null;
  title?: string | null;
  docNumber?: string | null;
  issueDate?: string | null;
  year: number;
  items: number;
}

export interface SampleDocumentPair {
  parent: string;
  child: string;
  label: string;
}

export interface SampleList {
  documents: SampleDocument[];
  pairs: SampleDocumentPair[];
}

export interface ScoreExplanation {
  bodyId: string;
  year: number;
  hasPlan: boolean;
  score: number;
  raw: number;
  parts: ScorePart[];
  words: string;
  children?: ChildScore[];
  asOf?: string | null;
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

export interface SearchResult {
  query: string;
  count: number;
  results: Found[];
}

export interface SettledReport {
  settled: boolean;
  silo: string;
  changes: number;
  pending: PendingCount[];
}

export interface SetupRequest {
  code?: string | null;
  password?: string | null;
}

export type Stream = string;

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

export interface SubtreeSummary {
  bodyId: string;
  year: number;
  counts: SummaryCounts;
  extremes: SummaryExtremes;
  light?: ProgressLight;
  score?: AssessmentScore;
}

export interface SummaryCounts {
  bodies: number;
  bodiesReceived: number;
  bodiesLocalized: number;
  bodiesPublished: number;
  receiveDelayDaysSum: number;
  publishDelayDaysSum: number;
  bodiesWithOverdue: number;
  bodiesWithDueSoon: number;
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
  itemsDoneOnTime: number;
  itemsDoneLate: number;
  returns: number;
  weightTotal: number;
  weightDone: number;
  weightClosed: number;
  weightedPercentSum: number;
}

export interface SummaryExtremes {
  maxPublishDelayDays: number;
  maxOverdueDays: number;
  offenders: Offender[];
}

export type SummaryFigure = "bodies" | "bodiesReceived" | "bodiesLocalized" | "bodiesPublished" | "receiveDelayDaysSum" | "publishDelayDaysSum" | "bodiesWithOverdue" | "bodiesWithDueSoon" | "items" | "itemsPending" | "itemsAcknowledged" | "itemsInProgress" | "itemsReported" | "itemsClosed" | "itemsReturned" | "itemsOverdue" | "itemsDueSoon" | "overdueDaysSum" | "itemsDoneOnTime" | "itemsDoneLate" | "returns" | "weightTotal" | "weightDone" | "weightClosed" | "weightedPercentSum";

export interface SummaryView {
  summary: SubtreeSummary;
  light: ProgressLight;
  score: AssessmentScore;
  ranking: RankedBody[];
  epoch?: number;
  sequence?: number;
}

export interface TemplateRequest {
  title: string;
  sectionHeading: string;
  intro: string;
  rollUp: string;
  doneHeading: string;
  doneItem: string;
  openHeading: string;
  openItem: string;
  lateHeading: string;
  lateItem: string;
  noReason: string;
  closing: string;
}

export interface TemplateView {
  bodyId: string;
  custom: boolean;
  template: ReportTemplate;
  placeholders: string[];
}

export interface TokenResponse {
  accessToken: string;
  expiresIn: number;
  tokenType?: string;
}

export interface UrgeNote {
  id: string;
  fromBodyId: string;
  fromAccount?: string | null;
  message: string;
  at: string;
}

export interface UrgeRequest {
  bodyIds: string[];
  message: string;
}

export interface UrgeResponse {
  fromBodyId: string;
  bodyIds: string[];
  message: string;
}

export interface YearOverYear {
  bodyId: string;
  year: number;
  with: number;
  carriedOver: ComparedItem[];
  new: ComparedItem[];
  dropped: ComparedItem[];
  neverClosed: ComparedItem[];
  coverage: number;
}
