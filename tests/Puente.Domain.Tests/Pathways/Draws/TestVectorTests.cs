using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class TestVectorTests
{
    [Fact]
    public void Test_vector_commitment_is_the_sha256_of_the_secret()
    {
        Assert.Equal(DrawTestVector.Commitment, DrawDigests.Commitment(DrawTestVector.Secret));
    }

    [Fact]
    public void Test_vector_entries_digest_matches_the_spec()
    {
        Assert.Equal(DrawTestVector.EntriesDigest, DrawDigests.EntriesDigest(DrawTestVector.Entries));
    }

    [Fact]
    public void Entries_digest_does_not_depend_on_the_order_entries_are_given()
    {
        var reversed = DrawTestVector.Entries.Reverse().ToList();

        Assert.Equal(DrawTestVector.EntriesDigest, DrawDigests.EntriesDigest(reversed));
    }

    [Fact]
    public void Test_vector_seed_matches_the_spec()
    {
        var seed = DrawDigests.Seed(DrawTestVector.Secret, DrawTestVector.ServiceDate, DrawTestVector.EntriesDigest, "");

        Assert.Equal(DrawTestVector.Seed, Convert.ToHexStringLower(seed));
    }

    [Fact]
    public void Test_vector_keys_match_the_spec_for_every_ticket()
    {
        foreach (var (ticket, key) in DrawTestVector.Keys)
        {
            Assert.Equal(key, DrawDigests.Key(DrawTestVector.SeedBytes, ticket));
        }
    }

    [Fact]
    public void Test_vector_allocation_gives_exactly_the_spec_results()
    {
        var results = DrawAllocator.Allocate(DrawTestVector.Announcement, DrawTestVector.Entries, DrawTestVector.SeedBytes);

        Assert.Equal(DrawTestVector.Results, results);
    }

    [Fact]
    public void Test_vector_results_digest_matches_the_spec()
    {
        Assert.Equal(DrawTestVector.ResultsDigest, DrawDigests.ResultsDigest(DrawTestVector.Results));
    }

    [Fact]
    public void Test_vector_inputs_are_valid()
    {
        Assert.Empty(DrawInputValidator.Validate(DrawTestVector.Announcement, DrawTestVector.Entries));
    }
}
