using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class DrandBeaconTests
{
    [Fact]
    public void A_true_unchained_round_reads_and_is_well_formed()
    {
        var beacon = DrandBeacon.Parse(DrandRounds.QuicknetRoundJson);

        Assert.NotNull(beacon);
        Assert.Equal(657413, beacon.Round);
        Assert.Null(beacon.PreviousSignature);
        Assert.Empty(beacon.Problems(657413));
    }

    [Fact]
    public void A_true_chained_round_reads_with_its_previous_signature_and_is_well_formed()
    {
        var beacon = DrandBeacon.Parse(DrandRounds.DefaultRoundJson);

        Assert.NotNull(beacon);
        Assert.StartsWith("8ed588f2", beacon.PreviousSignature, StringComparison.Ordinal);
        Assert.Empty(beacon.Problems(3311596));
    }

    [Fact]
    public void Another_round_than_the_one_asked_for_is_refused()
    {
        Assert.Equal(["round is 657413, expected 657414"], DrandRounds.QuicknetRound.Problems(657414));
    }

    [Fact]
    public void Randomness_that_is_not_the_hash_of_the_signature_is_refused()
    {
        var beacon = DrandRounds.QuicknetRound with { Randomness = new string('0', 64) };

        Assert.Equal(["randomness is not SHA-256(signature)"], beacon.Problems(657413));
    }

    [Fact]
    public void A_corrupted_signature_is_refused()
    {
        var signature = DrandRounds.QuicknetRound.Signature;
        var beacon = DrandRounds.QuicknetRound with { Signature = string.Concat(signature.AsSpan(0, 10), signature[10] == 'a' ? "b" : "a", signature.AsSpan(11)) };

        Assert.Equal(["randomness is not SHA-256(signature)"], beacon.Problems(657413));
    }

    [Theory]
    [InlineData("FC1873A13F3545AEADE8401532EF5519920652EEE6B0D2B19CA12643B87B3587")]
    [InlineData("fc1873a1")]
    [InlineData("")]
    public void Randomness_that_is_not_64_lowercase_hex_characters_is_refused(string randomness)
    {
        var beacon = DrandRounds.QuicknetRound with { Randomness = randomness };

        Assert.Contains("randomness must be 64 lowercase hex characters", beacon.Problems(657413));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"round\": 657413, \"signature\": \"b7\"}")]
    [InlineData("{\"round\": \"657413\", \"randomness\": \"fc\", \"signature\": \"b7\"}")]
    [InlineData("{\"round\": 657413, \"randomness\": null, \"signature\": \"b7\"}")]
    public void An_answer_that_is_not_a_round_reads_as_nothing(string json)
    {
        Assert.Null(DrandBeacon.Parse(json));
    }
}
