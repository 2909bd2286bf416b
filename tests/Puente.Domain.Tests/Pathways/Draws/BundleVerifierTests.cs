using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class BundleVerifierTests
{
    [Fact]
    public void The_test_vector_bundle_verifies_clean()
    {
        Assert.Empty(DrawBundleVerifier.Verify(DrawTestVector.Bundle));
    }

    [Fact]
    public void A_changed_group_size_is_reported_as_an_entries_digest_difference()
    {
        var bundle = WithEntry(0, e => e with { Size = 3 });

        Assert.Contains(DrawBundleVerifier.Verify(bundle), d => d.StartsWith("entriesDigest: bundle says " + DrawTestVector.EntriesDigest, StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_registration_date_is_reported_as_an_entries_digest_difference()
    {
        var bundle = WithEntry(1, e => e with { RegisteredOn = e.RegisteredOn.AddDays(-1) });

        Assert.Contains(DrawBundleVerifier.Verify(bundle), d => d.StartsWith("entriesDigest:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_port_preference_is_reported_as_an_entries_digest_difference()
    {
        var bundle = WithEntry(2, e => e with { Ports = ["2506"] });

        var differences = DrawBundleVerifier.Verify(bundle);

        Assert.Contains(differences, d => d.StartsWith("entriesDigest:", StringComparison.Ordinal));
        // The seed binds the entries, so a changed entry also changes the seed the bundle should carry.
        Assert.Contains(differences, d => d.StartsWith("seed:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_result_is_reported_by_ticket_with_both_versions()
    {
        var results = DrawTestVector.Results.Select(r => r.Ticket == "F6" ? r with { Slot = "08:00" } : r).ToList();
        var bundle = DrawTestVector.Bundle with { Results = results };

        var differences = DrawBundleVerifier.Verify(bundle);

        Assert.Equal("results: ticket F6 bundle says 2504 08:00 phase 2, recomputed 2504 09:00 phase 2", Assert.Single(differences));
    }

    [Fact]
    public void An_added_result_is_reported_as_not_selected_on_recompute()
    {
        var bundle = DrawTestVector.Bundle with { Results = [.. DrawTestVector.Results, new DrawResult("C3", "2504", "09:00", 2)] };

        Assert.Contains("results: ticket C3 bundle says 2504 09:00 phase 2, recomputed not selected", DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void A_dropped_result_is_reported_as_selected_on_recompute()
    {
        var bundle = DrawTestVector.Bundle with { Results = [.. DrawTestVector.Results.Where(r => r.Ticket != "B2")] };

        Assert.Contains("results: ticket B2 bundle says not selected, recomputed 2506 08:00 phase 1", DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void A_wrong_results_digest_is_reported()
    {
        var bundle = DrawTestVector.Bundle with { ResultsDigest = new string('0', 64) };

        Assert.StartsWith("resultsDigest: bundle says 000", Assert.Single(DrawBundleVerifier.Verify(bundle)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_that_does_not_match_the_commitment_is_reported()
    {
        var bundle = DrawTestVector.Bundle with { Reveal = new DrawReveal(new string('1', 64), "") };

        Assert.Contains(DrawBundleVerifier.Verify(bundle), d => d.StartsWith("commitment does not match SHA-256(secret)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_seed_is_reported()
    {
        var bundle = DrawTestVector.Bundle with { Seed = new string('f', 64) };

        Assert.StartsWith("seed: bundle says fff", Assert.Single(DrawBundleVerifier.Verify(bundle)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_beacon_changes_the_seed()
    {
        var bundle = DrawTestVector.Bundle with { Reveal = new DrawReveal(DrawTestVector.SecretHex, "drand-1234") };

        Assert.Contains(DrawBundleVerifier.Verify(bundle), d => d.StartsWith("seed:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repeated_ticket_is_reported()
    {
        var bundle = DrawTestVector.Bundle with { Entries = [.. DrawTestVector.Entries, DrawTestVector.Entry("B2", "2026-01-01", 1, "2504")] };

        Assert.Contains("entries: ticket B2 appears more than once", DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void A_bundle_without_a_reveal_says_the_draw_cannot_be_checked()
    {
        var bundle = DrawTestVector.Bundle with { Reveal = null, Seed = null, Results = null, ResultsDigest = null };

        Assert.StartsWith("reveal: missing", Assert.Single(DrawBundleVerifier.Verify(bundle)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20")]
    public void A_secret_that_is_not_64_lowercase_hex_characters_is_reported(string secret)
    {
        var bundle = DrawTestVector.Bundle with { Reveal = new DrawReveal(secret, "") };

        Assert.Equal(["reveal: secret must be 64 lowercase hex characters (32 bytes)"], DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void A_bundle_without_seed_results_or_results_digest_names_each_missing_part()
    {
        var bundle = DrawTestVector.Bundle with { Seed = null, Results = null, ResultsDigest = null };

        Assert.Equal(
        [
            $"seed: bundle says nothing, recomputed {DrawTestVector.Seed} from the secret, service date, recomputed entriesDigest and beacon",
            "results: missing",
            .. DrawTestVector.Results.Select(r => $"results: ticket {r.Ticket} bundle says not selected, recomputed {r.Port} {r.Slot} phase {r.Phase}"),
            $"resultsDigest: bundle says nothing, recomputed {DrawTestVector.ResultsDigest} from the recomputed results",
        ], DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void A_ticket_listed_twice_in_the_results_is_reported()
    {
        var bundle = DrawTestVector.Bundle with { Results = [.. DrawTestVector.Results, DrawTestVector.Results[4]] };

        Assert.Equal(["results: ticket F6 appears more than once"], DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void Results_are_not_recomputed_from_invalid_inputs_and_the_digest_is_checked_against_the_bundle_s_own_results()
    {
        var bundle = DrawTestVector.Bundle with
        {
            Entries = [.. DrawTestVector.Entries, DrawTestVector.Entry("B2", "2026-01-01", 1, "2504")],
            ResultsDigest = new string('0', 64),
        };

        var differences = DrawBundleVerifier.Verify(bundle);

        Assert.Contains("results: not recomputed because the inputs are invalid (see above)", differences);
        Assert.Contains($"resultsDigest: bundle says {new string('0', 64)}, recomputed {DrawTestVector.ResultsDigest} from the bundle's own results", differences);
    }

    [Theory]
    [InlineData(100, 0)]
    [InlineData(101, 1)]
    [InlineData(150, 50)]
    public void The_first_hundred_result_differences_are_listed_by_ticket_and_the_rest_counted(int differing, int summarised)
    {
        var entries = Enumerable.Range(0, differing).Select(i => DrawTestVector.Entry($"T{i:000}", "2026-09-01", 1, "2504")).ToList();
        var drawn = Drawn(DrawTestVector.Announcement with { PriorityPercent = 0, Ports = [new DrawPort("2504", [new DrawSlot("08:00", 1000)])] }, entries);
        Assert.Empty(DrawBundleVerifier.Verify(drawn));

        var differences = DrawBundleVerifier.Verify(drawn with { Results = [] });

        string[] summary = summarised > 0 ? [$"results: {summarised} more tickets differ"] : [];
        Assert.Equal(
        [
            .. entries.Take(100).Select(e => $"results: ticket {e.Ticket} bundle says not selected, recomputed 2504 08:00 phase 2"),
            .. summary,
        ], differences);
    }

    [Fact]
    public void A_null_bundle_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => DrawBundleVerifier.Verify(null!));
    }

    /// <summary>A bundle run honestly from these inputs with the test vector's secret.</summary>
    private static DrawBundle Drawn(DrawAnnouncement announcement, IReadOnlyList<DrawEntry> entries)
    {
        var secret = DrawTestVector.Secret;
        var entriesDigest = DrawDigests.EntriesDigest(entries);
        var seed = DrawDigests.Seed(secret, announcement.ServiceDate, entriesDigest, "");
        var results = DrawAllocator.Allocate(announcement, entries, seed);
        return new DrawBundle(
            announcement with { Commitment = DrawDigests.Commitment(secret) }, entries, entriesDigest,
            new DrawReveal(DrawTestVector.SecretHex, ""), Convert.ToHexStringLower(seed), results, DrawDigests.ResultsDigest(results));
    }

    private static DrawBundle WithEntry(int index, Func<DrawEntry, DrawEntry> change) =>
        DrawTestVector.Bundle with { Entries = [.. DrawTestVector.Entries.Select((e, i) => i == index ? change(e) : e)] };
}
