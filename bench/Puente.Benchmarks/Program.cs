using BenchmarkDotNet.Running;

// The web host's Program is visible too (the ports benchmarks reference it): name this assembly's own type.
// `surge-prepare` readies the database of bench/surge/run and `surge-drive` offers its overload;
// everything else is BenchmarkDotNet.
if (args is ["surge-prepare", .. var rest])
{
    return await Puente.Benchmarks.SurgePreparation.Run(rest);
}
if (args is ["surge-drive", .. var driven])
{
    return await Puente.Benchmarks.SurgeDriver.Run(driven);
}
BenchmarkSwitcher.FromAssembly(typeof(Puente.Benchmarks.DrawBenchmarks).Assembly).Run(args);
return 0;
