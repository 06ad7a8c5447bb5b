using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization.Samples;
using GovOpenness.Domain.Parsing;
using GovOpenness.Server.Hosting;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Seeding;

/// <summary>
/// On the first start (山西省 has no plan yet) loads the sample cascade from the real documents:
/// departments, the plans published from documents, then the lower bodies' localizations. Runs after
/// the silo has started and before the server takes requests.
/// </summary>
internal sealed class SampleSeeder(IGrainFactory grains, IOptions<ServerOptions> options, TimeProvider time, ILogger<SampleSeeder> logger) : IHostedService
{
    private const string Probe = "14";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedSamples)
        {
            return;
        }

        var probe = await grains.GetGrain<IBodyGrain>(Probe).GetViewAsync(0, 1);
        if (probe.Value is { PublishedYears.Count: > 0 })
        {
            return;
        }

        var samples = SampleCascade.LoadEmbedded();
        foreach (var department in samples.Departments)
        {
            var result = await grains.GetGrain<IBodyGrain>(department.Id)
                .RegisterDepartmentAsync(new DepartmentRegistration(department.Id, department.Name, department.ParentId));
            Log(result.Error, $"部门 {department.Id}");
        }

        foreach (var plan in samples.Plans)
        {
            var document = PlanParser.Parse(plan.Text);
            var command = PublishPlanCommand.From(document) with { Year = plan.Year };
            var result = await grains.GetGrain<IBodyGrain>(plan.BodyId).PublishPlanAsync(command);
            Log(result.Error, $"{plan.BodyId} {plan.Year}年计划（{plan.Document}）");
        }

        var today = ChinaTime.Today(time);
        foreach (var sample in samples.Localizations)
        {
            // The domain's recorded changes, one for one: every tightening keeps its deadline index,
            // rewordings their heading, added items their anchor.
            var changes = sample.Localization.Changes.Select(ItemChange.From).ToList();
            var result = await grains.GetGrain<IBodyGrain>(sample.BodyId).LocalizeAsync(new LocalizeCommand(sample.Year, changes, null, today));
            Log(result.Error, $"{sample.BodyId} {sample.Year}年本地化（{changes.Count}项调整）");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Log(string? error, string what)
    {
        if (error is null)
        {
            logger.LogInformation("样例已载入：{What}", what);
        }
        else
        {
            logger.LogWarning("样例载入失败：{What}：{Error}", what, error);
        }
    }
}
