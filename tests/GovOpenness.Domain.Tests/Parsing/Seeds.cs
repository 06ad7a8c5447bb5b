using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>The five real documents (copied next to the tests from samples/documents) and the parser's test documents.</summary>
internal static class Seeds
{
    /// <summary>The seed whose file name starts with <paramref name="prefix"/> ("000" … "004").</summary>
    public static string Text(string prefix)
        => File.ReadAllText(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), $"{prefix}_*.txt").Single());

    public static PlanDocument Parse(string prefix) => PlanParser.Parse(Text(prefix));

    public static IEnumerable<string> All => ["000", "001", "002", "003", "004"];

    /// <summary>A test document of this folder's Documents directory.</summary>
    public static string Document(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "Documents", name));
}
