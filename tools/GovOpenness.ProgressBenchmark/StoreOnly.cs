using System.Diagnostics;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.ProgressBenchmark;

/// <summary>
/// The journal's SQLite store alone, without Orleans (<c>--store-only</c>): batches of
/// <paramref name="batchSize"/> conditional writes of <paramref name="payloadBytes"/>-long records on
/// random keys, committed one batch per transaction by one thread, as the journal's writer does;
/// beside it, raw single-row transactions on the same kind of file. What the writer costs per record.
/// </summary>
internal static class StoreOnly
{
    public static void Run(string folder, IReadOnlyList<string> keys, int payloadBytes, int batchSize, TimeSpan duration)
    {
        var path = Path.Combine(folder, "store.db");
        DatabaseSchema.ApplySqlite(path);
        using var store = new SqliteProgressJournalStore(path, "bench");
        var versions = new long[keys.Count];
        var payload = new string('x', payloadBytes);
        for (var i = 0; i < keys.Count; i += 512)
        {
            var first = Enumerable.Range(i, Math.Min(512, keys.Count - i)).Select(k => new JournalRecord(keys[k], payload, 0)).ToList();
            store.Commit(first, []);
            foreach (var k in Enumerable.Range(i, first.Count))
            {
                versions[k] = 1;
            }
        }

        var raw = RawSqliteBaseline.TransactionsPerSecond(Path.Combine(folder, "raw.db"), keys, payloadBytes: 1024, duration);
        var random = new Random(11);
        var records = 0;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (watch.Elapsed < duration)
        {
            var picked = new HashSet<int>();
            while (picked.Count < batchSize)
            {
                picked.Add(random.Next(keys.Count));
            }

            var batch = picked.Select(k => new JournalRecord(keys[k], payload, versions[k])).ToList();
            var stale = store.Commit(batch, []);
            if (stale.Count > 0)
            {
                throw new InvalidOperationException($"{stale.Count} stale writes in a single-writer run");
            }

            foreach (var k in picked)
            {
                versions[k]++;
            }

            records += batch.Count;
        }

        var elapsed = watch.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var rate = records / elapsed.TotalSeconds;
        Console.WriteLine($"machine load             {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"journal store alone      {records:N0} records of {payloadBytes:N0} chars in batches of {batchSize} over {keys.Count:N0} keys: {rate:N0} records/s, {elapsed.TotalMicroseconds / records:N1} µs wall, {cpu.TotalMicroseconds / records:N1} µs CPU per record");
        Console.WriteLine($"raw SQLite (baseline)    {raw:N0} single-row transactions/s (1 KB)");
        Console.WriteLine($"ratio                    {100 * rate / raw:N1} % of raw SQLite");
    }
}
