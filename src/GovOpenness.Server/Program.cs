using GovOpenness.Server.Apis;
using GovOpenness.Server.Desk;
using GovOpenness.Server.Hosting;
using GovOpenness.Server.Replay;
using GovOpenness.Server.Live;

var builder = WebApplication.CreateBuilder(args);
builder.AddGovOpennessReplay(); // before the silo: its own data folder and the virtual clock
builder.AddGovOpennessSilo();
builder.AddGovOpennessApi();
builder.AddGovOpennessDesk();
builder.AddGovOpennessLive();
builder.AddGovOpennessDashboard();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles(); // the viewer: wwwroot/index.html and the compiled ClientApp in wwwroot/dist
app.MapHealthApi();
app.MapSettledApi();
app.MapBodiesApi();
app.MapSearchApi();
app.MapSubtreeApi();
app.MapLedgerApi();
app.MapReportApi();
app.MapPlansApi();
app.MapAlignApi();
app.MapImportApi();
app.MapReplayApi();
app.MapGovOpennessLive();
app.MapGovOpennessDashboard();
app.Run();

/// <summary>The entry point, public so that tests can host it (WebApplicationFactory).</summary>
public partial class Program;
