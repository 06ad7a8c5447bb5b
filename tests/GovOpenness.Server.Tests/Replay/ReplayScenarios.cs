namespace GovOpenness.Server.Tests.Replay;

/// <summary>A small scenario for replays: 吕梁市 down to its 155 townships (168 bodies), three items.</summary>
internal static class ReplayScenarios
{
    /// <summary>
    /// Rules of every kind the engine knows: working days before with jitter (counties), months
    /// earlier (townships), and an override with its own issue date and end-of-month rule (孝义市).
    /// Item B (7月15日) leaves late townships with a passed deadline: the grains warn, never refuse.
    /// </summary>
    public const string Lvliang = """
        name: 回放测试：吕梁市到乡镇
        seed: 20220520
        start: 2022-05-20
        scope: { root: "1411", depth: township }
        rootPlan:
          title: 吕梁市2022年政务公开工作要点（测试）
          items:
            - { id: "A", heading: 行政许可事项清单编制公布, deadline: 2022-11-30 }
            - { id: "B", heading: 政府信息主动公开目录, deadline: 2022-07-15 }
            - { id: "C", heading: 所属单位预决算公开, deadline: 2022-12-31 }
        levels:
          county:
            issueDelay: { kind: triangular, min: 5, mode: 20, max: 50 }
            deadlineRule: { kind: workingDaysBefore, days: 5, jitter: 5 }
            completion: { kind: lognormal, mean: 40, sigma: 0.5 }
            lateShare: 0.2
            lateExtraDelay: { kind: uniform, min: 10, max: 30 }
          township:
            issueDelay: { kind: uniform, min: 3, max: 25 }
            deadlineRule: { kind: monthsEarlier, months: 1 }
            completion: { kind: lognormal, mean: 30, sigma: 0.4 }
        overrides:
          - body: "141181"
            issueDate: 2022-07-14
            deadlineRule: { kind: endOfMonth, month: 10 }
        """;

    /// <summary>Writes a scenario into a fresh temp folder and returns the file.</summary>
    public static string Write(string text, string folder)
    {
        var file = Path.Combine(folder, "scenario.yaml");
        File.WriteAllText(file, text);
        return file;
    }
}
