// Benchmarks are added per capability; see tools/GovOpenness.Benchmarks/README.md.
Console.Error.WriteLine("用法：dotnet run -c Release --project tools/GovOpenness.Benchmarks -- <benchmark>");
return 2;
