using System.Diagnostics;
using System.Text.Json.Nodes;
using Puente.Api.Tests.Infrastructure;

using Puente.Api.Tests.Pathways.Requests;

namespace Puente.Api.Tests.Pathways.Draws;

public sealed class SimulatedDayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_simulated_day_of_1500_applicants_publishes_a_bundle_that_verifies_and_any_alteration_is_named()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);

        var simulate = await PuenteCli.Invoke(database, "demo", "simulate", "--date", "2026-12-01", "--applicants", "1500", "--seed", "7");
        Assert.True(simulate.ExitCode == 0, simulate.Error + simulate.Output);
        Assert.Contains("Simulated 2026-12-01: 1500 requests", simulate.Output, StringComparison.Ordinal);

        var bundle = await app.CreateClient().GetStringAsync("/api/draws/2026-12-01/bundle", Ct);
        var folder = Directory.CreateTempSubdirectory("puente-bundle-");
        try
        {
            var original = Path.Combine(folder.FullName, "bundle.json");
            await File.WriteAllTextAsync(original, bundle, Ct);
            var verified = await PuenteCli.Invoke(database, "draw", "verify", original);
            Assert.True(verified.ExitCode == 0, verified.Output);

            var entryAltered = JsonNode.Parse(bundle)!;
            entryAltered["entries"]![0]!["size"] = entryAltered["entries"]![0]!["size"]!.GetValue<int>() + 1;
            var entryFile = Path.Combine(folder.FullName, "entry.json");
            await File.WriteAllTextAsync(entryFile, entryAltered.ToJsonString(), Ct);
            var entryCheck = await PuenteCli.Invoke(database, "draw", "verify", entryFile);
            Assert.Equal(1, entryCheck.ExitCode);
            Assert.Contains("entriesDigest", entryCheck.Output, StringComparison.Ordinal);

            var resultAltered = JsonNode.Parse(bundle)!;
            var result = resultAltered["results"]![0]!;
            var ticket = result["ticket"]!.GetValue<string>();
            result["phase"] = 3 - result["phase"]!.GetValue<int>();
            var resultFile = Path.Combine(folder.FullName, "result.json");
            await File.WriteAllTextAsync(resultFile, resultAltered.ToJsonString(), Ct);
            var resultCheck = await PuenteCli.Invoke(database, "draw", "verify", resultFile);
            Assert.Equal(1, resultCheck.ExitCode);
            Assert.Contains($"ticket {ticket}", resultCheck.Output, StringComparison.Ordinal);

            // The independent verifier, written in another language from the spec alone, must agree.
            var python = Prerequisite.Program("python3", "the independent Python verifier cannot check the published bundle");
            var verifier = Path.Combine(RepositoryPaths.Root, "tools", "verify-draw-bundle.py");
            Assert.Equal(0, await Run(python, verifier, original));
            Assert.Equal(1, await Run(python, verifier, entryFile));
            Assert.Equal(1, await Run(python, verifier, resultFile));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }


    private static async Task<int> Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return process.ExitCode;
    }
}
