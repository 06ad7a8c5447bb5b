namespace GovOpenness.Domain.Localization;

/// <summary>One entry of <see cref="RenameUnits"/>: the parent's unit and the body's unit that takes its place.</summary>
public sealed record UnitRename(string From, string To);
