using System.Collections.Immutable;
using GovOpenness.Domain.Parsing;

namespace GovOpenness.Domain.Localization.Samples;

/// <summary>
/// The real documents embedded in this assembly (samples/documents), listed for people who want to try
/// the alignment on them: number, file, and what the parser reads from each (issuer, title, document
/// number, issue date, year, item count), plus the parent → child pairs known among them.
/// </summary>
public static class SampleDocumentCatalog
{
    private const string Prefix = "samples/documents/";

    /// <summary>Pairs whose relation the documents state (samples/documents/README.md), the first the
    /// viewer's default: 孝义市 002 carries out 山西省 001 (via 吕梁市).</summary>
    public static ImmutableArray<SampleDocumentPair> KnownPairs { get; } =
    [
        new("001", "002", "山西省 2022 → 孝义市 2022"),
        new("001", "000", "山西省 2022 → 山西省生态环境厅 2022"),
        new("003", "001", "山西省 2021 → 山西省 2022（上年延续事项）"),
    ];

    private static readonly Lazy<ImmutableArray<SampleDocument>> All = new(Load);

    /// <summary>Every embedded document, by number ("000", "001", …); parsed once per process.</summary>
    public static ImmutableArray<SampleDocument> Documents => All.Value;

    /// <summary>The full text of the document with this number, or null when there is none.</summary>
    public static string? TextOf(string number)
    {
        var document = Documents.FirstOrDefault(d => d.Number == number);
        return document is null ? null : Read(document.File);
    }

    private static ImmutableArray<SampleDocument> Load()
    {
        var names = typeof(SampleDocumentCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal);
        return [.. names.Select(Describe)];
    }

    private static SampleDocument Describe(string file)
    {
        var plan = PlanParser.Parse(Read(file));
        // Files are named "<number>_<hash>.txt"; the number is how the project refers to them.
        var number = file.Split('_')[0];
        return new SampleDocument(number, file, plan.Issuer, plan.Title, plan.DocNumber, plan.IssueDate, plan.Year, plan.Items.Count);
    }

    private static string Read(string file)
    {
        using var stream = typeof(SampleDocumentCatalog).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidDataException($"程序集中没有内嵌的样例文档 {file}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>One embedded real document as the catalog lists it.</summary>
public sealed record SampleDocument(string Number, string File, string? Issuer, string? Title, string? DocNumber, DateOnly? IssueDate, int Year, int Items);

/// <summary>A parent → child pair among the sample documents, with a Chinese label.</summary>
public sealed record SampleDocumentPair(string Parent, string Child, string Label);
