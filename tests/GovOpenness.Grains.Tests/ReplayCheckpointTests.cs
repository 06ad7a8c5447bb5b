using GovOpenness.Grains.Hosting;

namespace GovOpenness.Grains.Tests;

/// <summary>A replay resumes only from its own scenario's checkpoint, and says why when it starts over.</summary>
public sealed class ReplayCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("govopenness-checkpoint").FullName;

    [Fact]
    public void A_saved_checkpoint_reads_back_for_the_same_scenario()
    {
        new ReplayCheckpointFile(_folder, "AAA").Save(7, new DateOnly(2022, 5, 31));

        var found = new ReplayCheckpointFile(_folder, "AAA").Found;

        Assert.Equal(new ReplayCheckpoint("AAA", 7, new DateOnly(2022, 5, 31)), found.Checkpoint);
        Assert.Null(found.IgnoredBecause);
    }

    [Fact]
    public void An_empty_folder_starts_over_without_a_reason_to_report()
    {
        var found = ReplayCheckpoint.Read(_folder, "AAA");

        Assert.Equal(new ReplayCheckpointReading(null, null), found);
    }

    [Fact]
    public void Another_scenarios_checkpoint_is_ignored_and_says_so()
    {
        new ReplayCheckpointFile(_folder, "AAA").Save(7, new DateOnly(2022, 5, 31));

        var found = ReplayCheckpoint.Read(_folder, "BBB");

        Assert.Null(found.Checkpoint);
        Assert.Contains("另一个", found.IgnoredBecause);
    }

    [Fact]
    public void An_unreadable_checkpoint_is_ignored_and_names_the_file()
    {
        File.WriteAllText(Path.Combine(_folder, ReplayCheckpoint.FileName), "{ not json");

        var found = ReplayCheckpoint.Read(_folder, "AAA");

        Assert.Null(found.Checkpoint);
        Assert.Contains(ReplayCheckpoint.FileName, found.IgnoredBecause);
        Assert.Contains("无法读取", found.IgnoredBecause);
    }

    [Fact]
    public void The_first_reading_is_kept_although_later_batches_replace_the_file()
    {
        var file = new ReplayCheckpointFile(_folder, "AAA");
        file.Save(2, new DateOnly(2022, 5, 1));
        var resumeFrom = file.Found.Checkpoint;

        file.Save(3, new DateOnly(2022, 5, 2));

        Assert.Equal(2, file.Found.Checkpoint!.BatchesDone);
        Assert.Same(resumeFrom, file.Found.Checkpoint);
        Assert.Equal(3, ReplayCheckpoint.Read(_folder, "AAA").Checkpoint!.BatchesDone);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
