namespace GovOpenness.Domain.Plans;

/// <summary>How a deadline phrase in a work plan is meant.</summary>
public enum DeadlineKind
{
    /// <summary>Done by a date: "11月底前", "年底前", "2022年8月底前".</summary>
    By,

    /// <summary>Every year by a month and day: "每年3月底前".</summary>
    Recurring,

    /// <summary>In force from a date on: "从10月起".</summary>
    From,

    /// <summary>Within N working days of a trigger: "3个工作日内".</summary>
    WorkingDays,

    /// <summary>A multi-year target: "到2025年".</summary>
    Target,

    /// <summary>No end date: "持续推进", "长期坚持".</summary>
    Ongoing,

    /// <summary>Within N calendar days of a trigger: "5日内", "10天内".</summary>
    CalendarDays,

    /// <summary>A time limit written in words the parser does not know, kept verbatim (with a <c>deadline-unparsed</c> warning).</summary>
    Unparsed,
}
