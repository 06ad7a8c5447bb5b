using System.CommandLine;
using System.Globalization;
using GovOpenness.DeskBenchmark;
using GovOpenness.Grains.Hosting;
using GovOpenness.Server.Desk;
using GovOpenness.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// The supervisor's desk looking back (see README.md): GET /api/bodies/cn/summary?asOf= (the country recounted
// on a past day from the journal) against the same recount of 山西省 (14), cold and warm, beside the live
// summary of cn, over real HTTP as a signed-in national supervisor, on the embedded default with the sample cascade.
var repeats = new Option<int>("--repeats") { Description = "warm reads of each figure after the cold one", DefaultValueFactory = _ => 3 };
var steps = new Option<int>("--steps") { Description = "progress steps put into 山西省's subtree before measuring", DefaultValueFactory = _ => 3000 };
var coldRounds = new Option<int>("--cold-rounds") { Description = "cold reads of each figure, each after deactivating every idle grain", DefaultValueFactory = _ => 3 };
var asOf = new Option<DateOnly>("--as-of") { Description = "the past day recounted", DefaultValueFactory = _ => new DateOnly(2022, 12, 31) };
var keep = new Option<bool>("--keep-activations")
{
    Description = "cold reads without deactivating the grains first (14 read first, so the country's cold read finds 山西省 active)",
};
var root = new RootCommand("The supervisor's desk: a past day's recount of the country against 山西省's, cold and warm") { repeats, coldRounds, steps, asOf, keep };
root.SetAction((parse, _) => DeskRun.RunAsync(parse.GetValue(repeats), parse.GetValue(coldRounds), parse.GetValue(steps), parse.GetValue(asOf), !parse.GetValue(keep)));
return await root.Parse(args).InvokeAsync();

namespace GovOpenness.DeskBenchmark
{
    internal static class DeskRun
    {
        private const int Year = 2022;

        public static async Task<int> RunAsync(int repeats, int coldRounds, int steps, DateOnly asOf, bool deactivate)
        {
            if (repeats < 1 || coldRounds < 1 || steps < 0)
            {
                Console.Error.WriteLine("--repeats and --cold-rounds must be at least 1, --steps at least 0");
                return 2;
            }

            Console.WriteLine($"machine load      {Load()} (1-minute load average, {Environment.ProcessorCount} cores)");
            await using var memory = MemoryPeaks.Start(TimeSpan.FromMilliseconds(20));

            // Seeded on 2022-07-01 (the plans received then), steps on the 15th of each month from July 2022 to June 2023.
            var clock = new ProgressDays();
            clock.MoveTo(new DateOnly(Year, 7, 1));
            var days = Enumerable.Range(0, 12).Select(m => new DateOnly(Year, 7, 15).AddMonths(m)).ToList();
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using var server = new BenchServer("deskbench",
                new Dictionary<string, string> { ["GovOpenness:SeedSamples"] = "true" },
                services => services.AddSingleton(new ProgressClock(clock)));
            var http = new DeskClient(server.BaseAddress, await server.AccountTokenAsync("bench-supervisor", "cn", "reviewer"));
            var settled = await http.SettledAsync();
            Console.WriteLine($"server            SQLite in a temp folder, one silo, the sample cascade (山西省 2021 and 2022, 江苏省生态环境厅 2022); settled after {started.Elapsed.TotalSeconds:F1} s ({settled})");

            started.Restart();
            var recorded = await new DatedSteps(server.Grains, clock, Year).RecordAsync("14", steps, days);
            clock.Reset();
            settled = await http.SettledAsync();
            Console.WriteLine($"progress          {recorded.Stored:N0} steps acknowledged over {recorded.Bodies:N0} bodies of 14 ({recorded.Refused:N0} refused{(recorded.FirstRefusal is null ? "" : ", first: " + recorded.FirstRefusal)}), " +
                $"dated {days[0]:yyyy-MM-dd} … {days[^1]:yyyy-MM-dd}, in {started.Elapsed.TotalSeconds:F1} s; settled ({settled})");
            Console.WriteLine($"process before    peak RSS {MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}, managed heap {MemoryPeaks.Mb(GC.GetTotalMemory(false))}");
            Console.WriteLine();

            var past = $"year={Year}&asOf={asOf:yyyy-MM-dd}";
            var figures = new Figures(http, memory);

            // Cold: every idle grain deactivated first (the read loads each record from SQLite, as after a silo restart),
            // unless --keep-activations: then the baseline goes first and the country's cold read finds 山西省 active.
            var cold = new ColdStart(server.Grains, http, deactivate);
            var none = (Ms: 0.0, Counts: new SummaryFigures(0, 0, 0, 0)); // each replaced in the first round (at least one)
            var (baselineCold, countryCold, liveCold, jiangsuCold) = (none, none, none, none);
            var notCold = new List<string>();
            async Task<(double Ms, SummaryFigures Counts)> ColdReadAsync(string name, string url)
            {
                var (isCold, left) = await cold.PrepareAsync();
                var counted = isCold || !deactivate ? name : name + " (not cold)";
                if (deactivate && !isCold)
                {
                    notCold.Add($"{name}: {left:N0} activations left");
                }

                return await figures.ReadAsync(counted, url);
            }

            for (var round = 0; round < (deactivate ? coldRounds : 1); round++)
            {
                baselineCold = await ColdReadAsync("14 asOf, cold (baseline)", $"/api/bodies/14/summary?{past}");
                countryCold = await ColdReadAsync("cn asOf, cold", $"/api/bodies/cn/summary?{past}");
                liveCold = await ColdReadAsync("cn current, first", $"/api/bodies/cn/summary?year={Year}");

                // 江苏省 (32): one department with a plan (江苏省生态环境厅), so the country's recount reads its whole subtree too.
                jiangsuCold = await ColdReadAsync("32 asOf, cold", $"/api/bodies/32/summary?{past}");
            }

            var jiangsu = jiangsuCold.Counts;
            for (var i = 0; i < repeats; i++)
            {
                await figures.ReadAsync("14 asOf, warm (baseline)", $"/api/bodies/14/summary?{past}");
                await figures.ReadAsync("cn asOf, warm", $"/api/bodies/cn/summary?{past}");
                await figures.ReadAsync("cn current", $"/api/bodies/cn/summary?year={Year}");
                await figures.ReadAsync("32 asOf, warm", $"/api/bodies/32/summary?{past}");
            }

            // Where the country's time goes beyond 山西省 and 江苏省: counting the untouched provinces' bodies, warm then cold.
            var untouched = new UntouchedCount(server.Services.GetRequiredService<SubtreeReader>(), server.Services.GetRequiredService<IOptions<DeskOptions>>().Value);
            var provinces = await UntouchedCount.ProvincesAsync(server.Grains, Year);
            var countWarm = await untouched.TimeAsync(provinces);
            var countColdness = await cold.PrepareAsync();
            var countCold = await untouched.TimeAsync(provinces);

            // The other figure of the issue: 山西省's 台账 exported over HTTP, against writing the same rows raw.
            var ledger = await new LedgerExport(http, cold).MeasureAsync("14", Year);

            var baselineWarm = figures.Median("14 asOf, warm (baseline)");
            var baselineColdMs = figures.Median("14 asOf, cold (baseline)");
            figures.Print([
                ("14 asOf, cold (baseline)", baselineColdMs, baselineColdMs),
                ("cn asOf, cold", figures.Median("cn asOf, cold"), baselineColdMs),
                ("14 asOf, warm (baseline)", baselineWarm, baselineWarm),
                ("cn asOf, warm", figures.Median("cn asOf, warm"), baselineWarm),
                ("cn current, first", figures.Median("cn current, first"), baselineWarm),
                ("cn current", figures.Median("cn current"), baselineWarm),
                ("32 asOf, cold", figures.Median("32 asOf, cold"), baselineColdMs),
                ("32 asOf, warm", figures.Median("32 asOf, warm"), baselineWarm),
            ], deactivate ? coldRounds : 1, repeats);

            if (notCold.Count > 0)
            {
                Console.WriteLine($"not cold          {string.Join("; ", notCold)} (a collection right after a read can leave that read's activations: those reads are left out of the cold medians)");
            }

            Console.WriteLine($"of which          counting the {countWarm.Bodies:N0} bodies of the {provinces.Count} provinces without a plan (SubtreeReader.CountAsync, in-process, 2 at a time): " +
                $"{countCold.Ms:N0} ms cold{(!deactivate ? " (not deactivated: warm)" : countColdness.Cold ? "" : $" (not cold: {countColdness.Left:N0} activations left)")} = {100 * countCold.Ms / figures.Median("cn asOf, cold"):F0} % of cn's cold recount; {countWarm.Ms:N0} ms warm = {100 * countWarm.Ms / figures.Median("cn asOf, warm"):F0} % of its warm one");

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"台账 of 14        {ledger.Rows:N0} rows, baseline: writing the same cells raw {ledger.RawMs:F0} ms"));
            Console.WriteLine($"  .xlsx cold{(deactivate ? "" : " (not deactivated)")}   {ledger.XlsxCold.Describe(ledger.RawMs)}");
            Console.WriteLine($"  .xlsx warm      {ledger.XlsxWarm.Describe(ledger.RawMs)}");
            Console.WriteLine($"  CSV warm        {ledger.Csv.Describe(ledger.RawMs)}");

            // What was recounted: the past day must differ from today (the journal's dates were read), and the country holds 山西省.
            var (country, shanxi, live) = (countryCold.Counts, baselineCold.Counts, liveCold.Counts);
            Console.WriteLine();
            Console.WriteLine($"recounted         cn on {asOf:yyyy-MM-dd}: {country.Bodies:N0} bodies, {country.Items:N0} items, {country.Reported:N0} reported, {country.Overdue:N0} overdue; " +
                $"14: {shanxi.Bodies:N0} bodies, {shanxi.Items:N0} items, {shanxi.Reported:N0} reported; cn today: {live.Reported:N0} reported");
            var expected = (OnTheDay: recorded.ReportedBy(asOf), Today: recorded.ReportedBy(DateOnly.MaxValue));
            var sane = shanxi.Reported == expected.OnTheDay && live.Reported == expected.Today && expected.OnTheDay > 0 && expected.OnTheDay < expected.Today
                && ledger.Rows == shanxi.Items
                && country.Reported == shanxi.Reported + jiangsu.Reported && country.Items == shanxi.Items + jiangsu.Items && country.Overdue == shanxi.Overdue + jiangsu.Overdue;
            Console.WriteLine($"check             {(sane ? "ok" : "FAILED")}: 14's reported on the day = the steps reported by then ({expected.OnTheDay:N0}), cn's today = all reported ({expected.Today:N0}); " +
                $"cn on the day = 14 + 32 (江苏省: {jiangsu.Items:N0} items, {jiangsu.Reported:N0} reported, {jiangsu.Overdue:N0} overdue) in items, reported and overdue; the 台账's rows = 14's items");
            Console.WriteLine($"peak memory       process peak RSS {MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)} (server, silo and client in one process); managed peak during the reads {MemoryPeaks.Mb(figures.ManagedPeak)}");
            Console.WriteLine($"machine load      {Load()} at the end");
            return sane && ledger.AllAnswered ? 0 : 1;
        }

        private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
    }
}
