using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;
using Puente.Domain.Ports.Flows;
using Puente.Web.Ports.Flows;

namespace Puente.Benchmarks;

/// <summary>
/// `puente import bts` of the whole BTS file (94,234 rows) into an empty database (SQLite, and PostgreSQL
/// when PUENTE_BENCH_POSTGRES names a server), against a plain
/// parse of the same file with Sep (every field read, the count parsed as a number): what any reader pays.
/// The file is the shared real-data one (PUENTE_REAL_DATA, else ../shared/data beside the repository).
/// </summary>
[MemoryDiagnoser]
public class BtsImportBenchmarks
{
    public const string FileName = "bts_border_crossing_entry_data_us_mexico_1996-2025.csv";

    private PuenteHost host = null!;
    private string path = "";

    [ParamsSource(typeof(PuenteHost), nameof(PuenteHost.Databases))]
    public string Database { get; set; } = "SQLite";

    [GlobalSetup]
    public async Task Setup()
    {
        path = RealData.File(FileName);
        host = await PuenteHost.Start(postgres: Database == "PostgreSQL");
        host.Snapshot();
        await WarmUp();
    }

    /// <summary>
    /// The import's steps in memory (the file read, the plan), called as often as the runtime needs to optimise them
    /// fully: <see cref="PlainParse"/> is measured after many calls of its own, while <see cref="Import"/>, one call
    /// per iteration, would be measured from its second call, in code not yet optimised: the database whose jobs run
    /// first was measured with cold code, the other with code the first one's jobs had warmed (docs/benchmarks/ports.md).
    /// </summary>
    private async Task WarmUp()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var known = (await scope.ServiceProvider.GetRequiredService<Puente.Web.Database.PuenteDb>().Ports
            .Select(p => p.Code).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            using var file = ImportBtsFlows.OpenFile(path);
            var planner = new BtsPlanner();
            _ = BtsCsv.Read(file, planner.Add).File ?? throw new InvalidOperationException($"{path} is not a BTS file");
            planner.Plan(known);
        }
        // The optimised code is compiled in the background after the thirtieth call.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    [GlobalCleanup]
    public void Cleanup() => host.Dispose();

    [Benchmark(Baseline = true)]
    public long PlainParse()
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        long total = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                total += row[i].Span.Length;
            }
            total += long.TryParse(row[6].Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
        }
        return total;
    }

    /// <summary>The import's first step alone: every line read, checked and made a row, each row counted (no database).</summary>
    [Benchmark]
    public int ParseAndValidate()
    {
        using var file = ImportBtsFlows.OpenFile(path);
        var rows = 0;
        _ = BtsCsv.Read(file, _ => rows++).File ?? throw new InvalidOperationException($"{path} is not a BTS file");
        return rows;
    }

    /// <summary>An empty database, with one connection opened and closed as a running server's pool would hold.</summary>
    [IterationSetup(Target = nameof(Import))]
    public void EmptyDatabase()
    {
        host.Restore();
        host.Connect();
    }

    [Benchmark]
    public async Task<int> Import()
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var file = ImportBtsFlows.OpenFile(path);
        var outcome = await scope.ServiceProvider.GetRequiredService<ImportBtsFlows>().Handle(file);
        return outcome is ImportBtsFlows.Imported imported ? imported.Added : throw new InvalidOperationException($"{path} did not import: {outcome}");
    }
}

/// <summary>Where the shared real-data files are, or a clear message that they are not.</summary>
internal static class RealData
{
    public static string File(string name)
    {
        var directory = Environment.GetEnvironmentVariable("PUENTE_REAL_DATA") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), "..", "shared", "data");
        var path = Path.GetFullPath(Path.Combine(directory, name));
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"Skipped: the real-data file {path} is not present. Set PUENTE_REAL_DATA to the folder holding the shared BTS files to run this benchmark.", path);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Puente.slnx")))
            {
                return directory.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
