namespace GovOpenness.Domain.Tests.Localization;

/// <summary>Finds the repository's samples folder from the test's output folder.</summary>
internal static class SamplesFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "cascade")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/cascade not found above " + AppContext.BaseDirectory);
    }
}
