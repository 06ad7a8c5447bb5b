namespace GovOpenness.Domain.Parsing.Recall;

/// <summary>
/// What a person reads in one real document of the genre, written down by reading it: the deadline
/// phrases (once per row or item that states them), the unit names (once per row or item), the issue date.
/// </summary>
/// <param name="File">The fixture's file name, beside the manifest.</param>
/// <param name="Source">The public address the text was taken from.</param>
/// <param name="AssumeYear">The year to resolve dates against when the copy names none (dates are not scored).</param>
/// <param name="IssueDate">The issue date printed on the document, when the copy carries one.</param>
/// <param name="Deadlines">Deadline phrases as written.</param>
/// <param name="Units">Unit names as written.</param>
public sealed record GenreExpectation(
    string File,
    string Source,
    int? AssumeYear,
    DateOnly? IssueDate,
    IReadOnlyList<string> Deadlines,
    IReadOnlyList<string> Units);

/// <summary>The manifest (<c>expectations.json</c>) listing the documents of a recall run.</summary>
public sealed record GenreManifest(IReadOnlyList<GenreExpectation> Documents);
