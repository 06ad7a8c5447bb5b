using GovOpenness.Server.Accounts;
using GovOpenness.Server.Apis;
using GovOpenness.Server.Desk;
using GovOpenness.Server.Audit;
using GovOpenness.Server.Hosting;
using GovOpenness.Server.Replay;
using GovOpenness.Server.Live;
using GovOpenness.Server.Operations;
using GovOpenness.Server.Workspace;

var builder = WebApplication.CreateBuilder(args);
builder.AddGovOpennessReplay(); // before the silo: its own data folder and the virtual clock
builder.AddGovOpennessSilo();
builder.AddGovOpennessApi();
builder.AddGovOpennessWorkspace();
builder.AddGovOpennessDesk();
builder.AddGovOpennessAuth();
builder.AddGovOpennessHttpProtection();
builder.AddGovOpennessLive();
builder.AddGovOpennessDashboard();
builder.AddGovOpennessOperations(); // 503 + Retry-After for transient cluster failures, metrics, traces

var app = builder.Build();
app.UseExceptionHandler();
app.UseRetryAfterOn503();
app.UseStatusCodePages();
app.UseAuthentication(); // who is asking, before the limits: they count per signed-in account
app.UseGovOpennessHttpProtection();
app.UseDefaultFiles();
app.UseStaticFiles(); // the viewer: wwwroot/index.html and the compiled ClientApp in wwwroot/dist
app.UseGovOpennessAuth();
app.MapHealthApi();
app.MapAuthApi();
app.MapAccountsApi();
app.MapHistoryApi();
app.MapOpenApi(); // GET /openapi/v1.json: every request and answer below, the source of the viewer's types
app.MapSettledApi();
app.MapGovOpennessReadiness();
app.MapGovOpennessMetrics();
app.MapBodiesApi();
app.MapSearchApi();
app.MapSubtreeApi();
app.MapLedgerApi();
app.MapReportApi();
app.MapLookBackApi();
app.MapPlansApi();
app.MapProgressApi();
app.MapProgressViewApi();
app.MapAlignApi();
app.MapSamplesApi();
app.MapImportApi();
app.MapDivisionImportApi();
app.MapReplayApi();
app.MapWorkspaceApi();
app.MapEvidenceApi();
app.MapImportPairsApi();
app.MapGovOpennessLive();
app.MapGovOpennessDashboard();
// Noted on its own, beside the host's handling of the signal, so that a start abandoned because of it is
// told apart from a start that failed.
var stopRequested = false;
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => stopRequested = true);
try
{
    app.Run();
}
catch (Exception e) when (stopRequested && e is OperationCanceledException or Orleans.Runtime.OrleansLifecycleCanceledException)
{
    // SIGTERM while the silo was still starting (its restart after a crash, say): the start is abandoned
    // and the silo stops, as asked. That is a clean stop (exit 0), not a crash a supervisor should report.
    app.Logger.LogInformation("启动期间收到停止请求，服务已停止");
}

/// <summary>The entry point, public so that tests can host it (WebApplicationFactory).</summary>
public partial class Program;
