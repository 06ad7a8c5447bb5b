namespace GovOpenness.Server.Tests;

/// <summary>The real documents in samples/documents, found from the test's output folder upward.</summary>
internal static class SampleDocuments
{
    public static string Read(string number)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var documents = Path.Combine(folder.FullName, "samples", "documents");
            if (Directory.Exists(documents))
            {
                return File.ReadAllText(Directory.GetFiles(documents, $"{number}_*.txt").Single());
            }
        }

        throw new DirectoryNotFoundException($"samples/documents not found above {AppContext.BaseDirectory}");
    }
}
