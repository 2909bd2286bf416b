using System.Diagnostics;
using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

/// <summary>Runs the auditors' independent Python verifier against bundles this library produces.</summary>
public sealed class PythonVerifierTests
{
    [Fact]
    public void Python_verifier_accepts_the_test_vector_bundle()
    {
        var (exitCode, output) = RunVerifier(DrawTestVector.Bundle);

        Assert.True(exitCode == 0, output);
        Assert.Equal("OK", output.Trim());
    }

    [Fact]
    public void Python_verifier_rejects_an_altered_bundle_and_names_the_difference()
    {
        var results = DrawTestVector.Results.Select(r => r.Ticket == "B2" ? r with { Port = "2504" } : r).ToList();

        var (exitCode, output) = RunVerifier(DrawTestVector.Bundle with { Results = results });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ticket B2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_verifier_rejects_malformed_json_without_a_traceback()
    {
        var (exitCode, output) = RunVerifier("{\"announcement\": ");

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("Traceback", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_verifier_agrees_with_this_library_on_random_draws()
    {
        for (var caseSeed = 1; caseSeed <= 20; caseSeed++)
        {
            var draw = RandomDraw.Create(caseSeed, maxEntries: 200);
            var secret = new byte[32];
            new Random(caseSeed).NextBytes(secret);
            var announcement = draw.Announcement with { Commitment = DrawDigests.Commitment(secret) };
            var entriesDigest = DrawDigests.EntriesDigest(draw.Entries);
            var beacon = caseSeed % 2 == 0 ? "" : $"round-{caseSeed}";
            var seed = DrawDigests.Seed(secret, announcement.ServiceDate, entriesDigest, beacon);
            var results = DrawAllocator.Allocate(announcement, draw.Entries, seed);
            var bundle = new DrawBundle(announcement, draw.Entries, entriesDigest,
                new DrawReveal(Convert.ToHexStringLower(secret), beacon), Convert.ToHexStringLower(seed),
                results, DrawDigests.ResultsDigest(results));

            var (exitCode, output) = RunVerifier(bundle);

            Assert.True(exitCode == 0, $"case {caseSeed}: {output}");
        }
    }

    [Fact]
    public void Python_verifier_accepts_a_draw_that_used_its_announced_beacon_round_and_says_where_to_compare_it()
    {
        var (exitCode, output) = RunVerifier(DrandRounds.BundleUsingTheBeacon());

        Assert.True(exitCode == 0, output);
        Assert.StartsWith("OK", output, StringComparison.Ordinal);
        Assert.Contains($"https://api.drand.sh/{DrandRounds.QuicknetHash}/public/657413", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_verifier_accepts_a_draw_whose_beacon_was_unavailable_and_says_so()
    {
        var (exitCode, output) = RunVerifier(DrandRounds.BundleWithTheBeaconUnavailable());

        Assert.True(exitCode == 0, output);
        Assert.Contains("was NOT used (unreachable)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_verifier_rejects_a_beacon_value_that_is_not_the_announced_rounds_randomness()
    {
        var used = DrandRounds.BundleUsingTheBeacon();
        var bundle = DrandRounds.Recomputed(used.Announcement, used.Beacon! with { Randomness = new string('7', 64) });

        var (exitCode, output) = RunVerifier(bundle);

        Assert.Equal(1, exitCode);
        Assert.Contains("beacon: randomness is not SHA-256(signature)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_verifier_rejects_a_round_other_than_the_announced_one()
    {
        var used = DrandRounds.BundleUsingTheBeacon();

        var (exitCode, output) = RunVerifier(used with { Beacon = used.Beacon! with { Round = 657414 } });

        Assert.Equal(1, exitCode);
        Assert.Contains("beacon: the bundle reports round 657414", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) RunVerifier(DrawBundle bundle) => RunVerifier(DrawBundleJson.Serialize(bundle));

    private static (int ExitCode, string Output) RunVerifier(string json)
    {
        var python = Prerequisite.Program("python3", "the independent Python verifier cannot be run without it");
        var root = SharedFiles.RepositoryRoot();
        var script = root is null ? null : Path.Combine(root, "tools", "verify-draw-bundle.py");
        if (script is null || !File.Exists(script))
        {
            Prerequisite.Missing("tools/verify-draw-bundle.py not found above the test's base directory");
        }

        var file = Path.Combine(Path.GetTempPath(), $"puente-draw-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, json);
            var start = new ProcessStartInfo(python)
            {
                ArgumentList = { script, file },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }

}
