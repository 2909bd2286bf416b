using System.Text.Json;
using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class VectorFileTests
{
    [Fact]
    public void Published_vector_file_is_reproduced_exactly()
    {
        var path = VectorPath();
        var json = File.ReadAllText(path);
        var parsed = DrawBundleJson.Parse(json);
        Assert.True(parsed.Succeeded, parsed.Error);
        var bundle = parsed.Bundle!;

        var secret = Convert.FromHexString(bundle.Reveal!.Secret);
        var entriesDigest = DrawDigests.EntriesDigest(bundle.Entries);
        var seed = DrawDigests.Seed(secret, bundle.Announcement.ServiceDate, entriesDigest, bundle.Reveal.Beacon);
        var results = DrawAllocator.Allocate(bundle.Announcement, bundle.Entries, seed);

        Assert.Equal(bundle.Announcement.Commitment, DrawDigests.Commitment(secret));
        Assert.Equal(bundle.EntriesDigest, entriesDigest);
        Assert.Equal(bundle.Seed, Convert.ToHexStringLower(seed));
        Assert.Equal(bundle.Results, results);
        Assert.Equal(bundle.ResultsDigest, DrawDigests.ResultsDigest(results));
        Assert.Empty(DrawBundleVerifier.Verify(bundle));
    }

    [Fact]
    public void Published_vector_file_keys_are_reproduced_exactly()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(VectorPath()));
        var seed = Convert.FromHexString(document.RootElement.GetProperty("seed").GetString()!);

        var keys = document.RootElement.GetProperty("keys").EnumerateObject().ToList();

        Assert.Equal(7, keys.Count);
        foreach (var key in keys)
        {
            Assert.Equal(ulong.Parse(key.Value.GetString()!), DrawDigests.Key(seed, key.Name));
        }
    }

    [Fact]
    public void Published_vector_file_agrees_with_the_values_typed_from_the_spec()
    {
        var bundle = DrawBundleJson.Parse(File.ReadAllText(VectorPath())).Bundle!;

        Assert.Equal(DrawTestVector.EntriesDigest, bundle.EntriesDigest);
        Assert.Equal(DrawTestVector.Seed, bundle.Seed);
        Assert.Equal(DrawTestVector.ResultsDigest, bundle.ResultsDigest);
        Assert.Equal(DrawTestVector.Results, bundle.Results);
    }

    private static string VectorPath()
    {
        var shared = SharedFiles.SharedFolder();
        var path = shared is null ? null : Path.Combine(shared, "specs", "draw-protocol-v1.vector.json");
        if (path is null || !File.Exists(path))
        {
            Prerequisite.Missing($"draw-protocol-v1.vector.json not found (looked in {path ?? "no shared folder"}); set PUENTE_SHARED to the folder holding specs/");
        }
        return path;
    }
}
