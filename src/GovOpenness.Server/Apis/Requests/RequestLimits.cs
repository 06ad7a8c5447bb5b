namespace GovOpenness.Server.Apis.Requests;

/// <summary>Sizes every request is held to, so no single request can cost much or store much.</summary>
public static class RequestLimits
{
    public const int IdLength = 64;
    public const int NameLength = 200;
    public const int HeadingLength = 1_000;
    public const int TextLength = 20_000;
    public const int DeadlineTextLength = 200;
    public const int UnitLength = 200;
    public const int Units = 100;
    public const int Deadlines = 20;
    public const int Items = 2_000;
    public const int Changes = 4_000;
    public const int UnitMappings = 500;
    public const int NoteLength = 2_000;
    public const int Evidence = 20;
    public const int EvidenceLength = 2_000;
    public const int RequestIdLength = 128;
    public const int MaxDepth = 10;
    public const int MaxWorkingDaysBefore = 60;
    /// <summary>The one valid-year rule (<see cref="Domain.Calendar.PlanYears"/>).</summary>
    public const int FirstYear = Domain.Calendar.PlanYears.First;
    public const int LastYear = Domain.Calendar.PlanYears.Last;

    /// <summary>Body ids as the hierarchy writes them: division codes, "cn", departments such as "14.sthj".</summary>
    public static bool IsBodyId(string? id) =>
        id is { Length: > 0 and <= IdLength } && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
