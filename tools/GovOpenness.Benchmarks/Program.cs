using System.Text;
using GovOpenness.Benchmarks;

// Dispatches to the IBenchmark named on the command line; each lives in its own file.
Console.OutputEncoding = Encoding.UTF8;
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToDictionary(b => b.Name, StringComparer.Ordinal);

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var chosen))
{
    Console.Error.WriteLine("用法：dotnet run -c Release --project tools/GovOpenness.Benchmarks -- <名称> [参数]");
    foreach (var b in benchmarks.Values)
    {
        Console.Error.WriteLine($"  {b.Name,-12} {b.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

return chosen.Run(args[1..]);
