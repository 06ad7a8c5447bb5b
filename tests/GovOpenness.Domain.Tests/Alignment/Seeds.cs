using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>The five real documents in samples/documents, read once per test run.</summary>
internal static class Seeds
{
    public static string Text(string prefix)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples", "documents")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("samples/documents not found above the test directory");
        }

        var file = Directory.GetFiles(Path.Combine(dir.FullName, "samples", "documents"), prefix + "_*.txt").Single();
        return File.ReadAllText(file);
    }

    /// <summary>The seed read by the project's parser (the year comes from the document).</summary>
    public static PlanDocument Plan(string prefix, int year)
    {
        var plan = PlanParser.Parse(Text(prefix));
        Assert.Equal(year, plan.Year);
        return plan;
    }

    public static PlanDocument Province2022 => Plan("001", 2022);

    public static PlanDocument Province2021 => Plan("003", 2021);

    public static PlanDocument EnvironmentDepartment => Plan("000", 2022);

    public static PlanDocument Xiaoyi => Plan("002", 2022);

    public static PlanDocument JiangsuEnvironment => Plan("004", 2022);
}
