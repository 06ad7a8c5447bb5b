using System.Diagnostics;

namespace GovOpenness.Benchmarks;

/// <summary>Peak memory of this process, as the operating system counts it.</summary>
public static class PeakMemory
{
    public static long Bytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return process.PeakWorkingSet64;
        }
    }

    public static string Describe() => $"{Bytes / (1024.0 * 1024.0):F0} MB";
}
