using BenchmarkDotNet.Running;

// The web host's Program is visible too (the ports benchmarks reference it): name this assembly's own type.
// `surge-prepare` readies the database of bench/surge/run; everything else is BenchmarkDotNet.
if (args is ["surge-prepare", .. var rest])
{
    return await Puente.Benchmarks.SurgePreparation.Run(rest);
}
BenchmarkSwitcher.FromAssembly(typeof(Puente.Benchmarks.DrawBenchmarks).Assembly).Run(args);
return 0;
