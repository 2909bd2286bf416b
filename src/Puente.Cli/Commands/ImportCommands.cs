using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Binational.Encounters;
using Puente.Web.Ports.Flows;
using Puente.Web.Ports.WaitTimes;

namespace Puente.Cli.Commands;

/// <summary>Loads public data files. Exit codes: 0 imported, 2 the file is missing or not of the format.</summary>
internal static class ImportCommands
{
    private const int BadInput = 2;

    // Enough to find the rows in the file; the totals above them are the report.
    private const int ListedAtMost = 20;

    public static Command Create() => new("import", "Load public data: BTS monthly crossings, CBP wait times, CBP encounters.")
    {
        Bts(),
        Bwt(),
        Encounters(),
    };

    private static Command Encounters()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CBP's southwest land border encounters CSV (Fiscal Year, Month Grouping, Month (abbv), ..., Encounter Count)." };
        var command = new Command("encounters", "Import CBP's monthly southwest land border encounters; importing the same file again adds nothing.") { file };
        command.SetAction((parse, ct) => WithFile(parse.GetValue(file)!, async (services, path) =>
        {
            using var reader = new StreamReader(path);
            switch (await services.GetRequiredService<ImportEncounters>().Handle(reader, ct))
            {
                case ImportEncounters.Imported r:
                    Console.WriteLine($"CBP encounters: {r.RowsRead} rows read, {r.Added} added, {r.AlreadyStored} already stored, {r.Conflicts} cells with a second count (kept beside the first), {r.Rejected.Count} unreadable lines.");
                    foreach (var line in r.Rejected.Take(ListedAtMost))
                    {
                        Console.WriteLine($"  unreadable line {line.Line} ({line.Reason}): {line.Text}");
                    }
                    return 0;
                case ImportEncounters.NotEncounters n:
                    await Console.Error.WriteLineAsync(n.Reason);
                    return BadInput;
                default:
                    throw new InvalidOperationException("Unexpected outcome.");
            }
        }));
        return command;
    }

    private static Command Bts()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A BTS Border Crossing Entry Data CSV, current (10 columns) or legacy (7 columns)." };
        var command = new Command("bts", "Import BTS monthly inbound crossings; importing the same file again adds nothing.") { file };
        command.SetAction((parse, ct) => WithFile(parse.GetValue(file)!, async (services, path) =>
        {
            var watch = Stopwatch.StartNew();
            using var reader = ImportBtsFlows.OpenFile(path);
            var outcome = await services.GetRequiredService<ImportBtsFlows>().Handle(reader, ct);
            if (outcome is not ImportBtsFlows.Imported imported)
            {
                await Console.Error.WriteLineAsync(((ImportBtsFlows.NotBts)outcome).Reason);
                return BadInput;
            }
            Print(imported, watch.Elapsed);
            return 0;
        }));
        return command;
    }

    private static void Print(ImportBtsFlows.Imported r, TimeSpan elapsed)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BTS {r.Layout.ToString().ToLowerInvariant()} layout: {r.RowsRead} rows read, {r.Added} added, {r.AlreadyStored} already stored, {r.ExactDuplicates.Count} exact duplicates, {r.Conflicts.Count} conflicts, {r.OtherBorderRows} other-border rows skipped, {r.UnknownPorts.Values.Sum()} rows of unknown ports, {r.Rejected.Count} unreadable lines ({elapsed.TotalSeconds:0.0} s)."));
        foreach (var d in r.ExactDuplicates.Take(ListedAtMost))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  duplicate  line {d.Line}: {d.PortCode} {d.PortName} {d.Month:yyyy-MM} {d.Measure} {d.Value}"));
        }
        foreach (var c in r.Conflicts.Take(ListedAtMost))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  conflict   {c.Key.PortCode} {c.Key.Month:yyyy-MM} {c.Key.Measure}: values {string.Join(" and ", c.Values)}, all kept"));
        }
        foreach (var (code, rows) in r.UnknownPorts)
        {
            Console.WriteLine($"  unknown port {code}: {rows} rows skipped; the ports registry has no such BTS code");
        }
        foreach (var line in r.Rejected.Take(ListedAtMost))
        {
            Console.WriteLine($"  unreadable line {line.Line} ({line.Reason}): {line.Text}");
        }
        var more = Math.Max(0, r.ExactDuplicates.Count - ListedAtMost) + Math.Max(0, r.Conflicts.Count - ListedAtMost) + Math.Max(0, r.Rejected.Count - ListedAtMost);
        if (more > 0)
        {
            Console.WriteLine($"  … and {more} more not listed");
        }
    }

    private static Command Bwt()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A saved response of CBP's Border Wait Times feed, bwt.xml or the bwtnew JSON." };
        var command = new Command("bwt", "Archive and record one response of CBP's wait-time feed.") { file };
        command.SetAction((parse, ct) => WithFile(parse.GetValue(file)!, async (services, path) =>
        {
            var body = await File.ReadAllTextAsync(path, ct);
            switch (await services.GetRequiredService<ImportWaitTimes>().Handle(body, Path.GetFileName(path), ct))
            {
                case ImportWaitTimes.Imported r:
                    Console.WriteLine($"Poll {r.PollId} archived: {r.MexicanCrossings} Mexican-border crossings recorded ({r.Observations} lane readings), {r.CanadianSkipped} Canadian-border crossings skipped, {r.UnknownPortNumbers.Count} unknown port numbers.");
                    foreach (var number in r.UnknownPortNumbers)
                    {
                        Console.WriteLine($"  unknown port number {number}: recorded without a crossing; add it to the ports registry (as a crossing or an alias)");
                    }
                    foreach (var problem in r.Problems)
                    {
                        Console.WriteLine($"  problem: {problem}");
                    }
                    return 0;
                case ImportWaitTimes.Unreadable u:
                    await Console.Error.WriteLineAsync($"Poll {u.PollId} archived, but nothing could be read: {string.Join("; ", u.Problems)}");
                    return BadInput;
                default:
                    throw new InvalidOperationException("Unexpected outcome.");
            }
        }));
        return command;
    }

    private static async Task<int> WithFile(FileInfo file, Func<IServiceProvider, string, Task<int>> import)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"There is no file {file.FullName}.");
            return BadInput;
        }
        using var host = CliHost.Build();
        await using var scope = host.Services.CreateAsyncScope();
        return await import(scope.ServiceProvider, file.FullName);
    }
}
