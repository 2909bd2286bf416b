using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class BeaconVerifierTests
{
    [Fact]
    public void A_draw_that_used_the_announced_round_verifies_clean_and_its_seed_depends_on_the_round()
    {
        var bundle = DrandRounds.BundleUsingTheBeacon();

        Assert.Empty(DrawBundleVerifier.Verify(bundle));
        Assert.Equal(DrandRounds.QuicknetRound.Randomness, bundle.Reveal!.Beacon);
        Assert.NotEqual(DrawTestVector.Seed, bundle.Seed);
    }

    [Fact]
    public void A_draw_whose_announced_round_was_unavailable_verifies_clean_with_the_spec_seed()
    {
        var bundle = DrandRounds.BundleWithTheBeaconUnavailable();

        Assert.Empty(DrawBundleVerifier.Verify(bundle));
        Assert.Equal(DrawTestVector.Seed, bundle.Seed);
    }

    [Fact]
    public void A_bundle_that_says_no_beacon_was_configured_verifies_clean()
    {
        var bundle = DrawTestVector.Bundle with { Beacon = DrawBeaconReport.NotConfigured };

        Assert.Empty(DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void A_beacon_value_other_than_the_rounds_randomness_is_reported_even_with_a_seed_that_matches_it()
    {
        // An operator who picks its own "beacon" and recomputes everything from it is still caught.
        var used = DrandRounds.BundleUsingTheBeacon();
        var chosen = DrandRounds.Recomputed(used.Announcement, used.Beacon!);
        var seed = DrawDigests.Seed(DrawTestVector.Secret, chosen.Announcement.ServiceDate, DrawTestVector.EntriesDigest, "chosen");
        var results = DrawAllocator.Allocate(chosen.Announcement, chosen.Entries, seed);
        var bundle = chosen with
        {
            Reveal = chosen.Reveal! with { Beacon = "chosen" },
            Seed = Convert.ToHexStringLower(seed),
            Results = results,
            ResultsDigest = DrawDigests.ResultsDigest(results),
        };

        Assert.Equal([$"beacon: reveal.beacon is \"chosen\", but the round's randomness is {DrandRounds.QuicknetRound.Randomness}"],
            DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void A_round_other_than_the_announced_one_is_reported()
    {
        var used = DrandRounds.BundleUsingTheBeacon();
        var bundle = used with { Beacon = used.Beacon! with { Round = 657414 } };

        Assert.Contains(DrawBundleVerifier.Verify(bundle), d => d.StartsWith("beacon: the bundle reports round 657414", StringComparison.Ordinal));
    }

    [Fact]
    public void Randomness_that_is_not_the_hash_of_the_published_signature_is_reported()
    {
        var used = DrandRounds.BundleUsingTheBeacon();
        var forged = new string('7', 64);
        var bundle = DrandRounds.Recomputed(used.Announcement, used.Beacon! with { Randomness = forged });

        Assert.Equal(["beacon: randomness is not SHA-256(signature)"], DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void An_announced_round_the_bundle_is_silent_about_is_reported()
    {
        var bundle = DrandRounds.BundleUsingTheBeacon() with { Beacon = null };

        Assert.Contains(DrawBundleVerifier.Verify(bundle), d => d.Contains("does not say what became of it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_round_marked_unavailable_whose_value_was_used_anyway_is_reported()
    {
        var unavailable = DrandRounds.BundleWithTheBeaconUnavailable();
        var used = DrandRounds.BundleUsingTheBeacon();
        var bundle = used with { Beacon = unavailable.Beacon };

        Assert.Contains("beacon: marked unavailable, but reveal.beacon is not empty", DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void A_beacon_reported_as_used_without_an_announced_round_is_reported()
    {
        var used = DrandRounds.BundleUsingTheBeacon();
        var bundle = DrandRounds.Recomputed(DrawTestVector.Announcement, used.Beacon!);

        Assert.Contains(DrawBundleVerifier.Verify(bundle), d => d.Contains("the announcement named no beacon round", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("52DB9BA70E0CC0F6EAF7803DD07447A1F5477735FD3F661792BA94600C84E971", 657413)]
    [InlineData("52db9ba7", 657413)]
    [InlineData(DrandRounds.QuicknetHash, 0)]
    public void An_announced_round_must_name_a_chain_hash_and_a_positive_round(string chainHash, long round)
    {
        var announcement = DrawTestVector.Announcement with { Beacon = new DrawBeaconRound(chainHash, round) };

        Assert.Contains(DrawInputValidator.Validate(announcement, DrawTestVector.Entries), p => p.StartsWith("announcement: beacon", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bundle_with_a_beacon_survives_a_round_trip_through_json_and_keeps_the_spec_fields()
    {
        var bundle = DrandRounds.BundleUsingTheBeacon();

        var json = DrawBundleJson.Serialize(bundle);
        var parsed = DrawBundleJson.Parse(json);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(bundle.Beacon, parsed.Bundle!.Beacon);
        Assert.Equal(bundle.Announcement.Beacon, parsed.Bundle.Announcement.Beacon);
        Assert.Contains("\"beacon\":{\"chainHash\":\"" + DrandRounds.QuicknetHash + "\",\"round\":657413}", json, StringComparison.Ordinal);
        Assert.Contains("\"reveal\":{\"secret\":\"" + DrawTestVector.SecretHex + "\",\"beacon\":\"fc1873a1", json, StringComparison.Ordinal);
        Assert.Empty(DrawBundleVerifier.Verify(parsed.Bundle));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(["status", "chainHash", "round", "randomness", "signature"], document.RootElement.GetProperty("beacon").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["status"], System.Text.Json.JsonDocument.Parse(DrawBundleJson.Serialize(DrawTestVector.Bundle with { Beacon = DrawBeaconReport.NotConfigured }))
            .RootElement.GetProperty("beacon").EnumerateObject().Select(p => p.Name));
    }
}
