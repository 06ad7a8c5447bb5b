using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Progress;

/// <summary>Small builders shared by the progress tests.</summary>
internal static class ProgressTestData
{
    public const int Year = 2022;

    public static DateOnly Day(int month, int day) => new(Year, month, day);

    public static ProgressContext AsBody(DateOnly today) => new("141181", "1411", "141181", today);

    public static ProgressContext AsParent(DateOnly today) => new("141181", "1411", "1411", today);

    public static ProgressUpdate Step(ProgressStep step, string itemId = "2.3", int? percent = null, string? note = null,
        string[]? evidence = null, string? requestId = null) =>
        new(Year, itemId, step, percent, note, evidence is null ? [] : [.. evidence], requestId);

    /// <summary>Applies steps in order as the right actor for each, failing the test on any rejection.</summary>
    public static ItemProgress Through(DateOnly today, params ProgressStep[] steps)
    {
        var item = new ItemProgress("2.3");
        foreach (var step in steps)
        {
            var update = Step(step, note: step == ProgressStep.Returned ? "材料不全" : null, evidence: step == ProgressStep.Reported ? ["https://example.gov.cn/a"] : null);
            var outcome = item.Apply(update, update.IsReview ? AsParent(today) : AsBody(today));
            Assert.True(outcome.IsApplied, outcome.Message);
            item = outcome.Item;
        }

        return item;
    }
}
