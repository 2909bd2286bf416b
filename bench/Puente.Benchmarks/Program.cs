using BenchmarkDotNet.Running;

// The web host's Program is visible too (the ports benchmarks reference it): name this assembly's own type.
BenchmarkSwitcher.FromAssembly(typeof(Puente.Benchmarks.DrawBenchmarks).Assembly).Run(args);
