using System.Text.Json;
using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class BundleJsonTests
{
    [Fact]
    public void A_bundle_survives_a_round_trip_through_json()
    {
        var parsed = DrawBundleJson.Parse(DrawBundleJson.Serialize(DrawTestVector.Bundle, indented: true));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Empty(DrawBundleVerifier.Verify(parsed.Bundle!));
        Assert.Equal(DrawTestVector.Results, parsed.Bundle!.Results);
        Assert.Equal(DrawTestVector.Entries, parsed.Bundle.Entries, (a, b) =>
            a.Ticket == b.Ticket && a.RegisteredOn == b.RegisteredOn && a.Size == b.Size && a.Ports.SequenceEqual(b.Ports));
    }

    [Fact]
    public void Json_uses_the_property_names_and_date_format_of_the_spec()
    {
        using var document = JsonDocument.Parse(DrawBundleJson.Serialize(DrawTestVector.Bundle));
        var root = document.RootElement;

        Assert.Equal(["announcement", "entries", "entriesDigest", "reveal", "seed", "results", "resultsDigest"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["protocol", "serviceDate", "commitment", "priorityPercent", "ports"], root.GetProperty("announcement").EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-12-01", root.GetProperty("announcement").GetProperty("serviceDate").GetString());
        Assert.Equal(["code", "slots"], root.GetProperty("announcement").GetProperty("ports")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["start", "capacity"], root.GetProperty("announcement").GetProperty("ports")[0].GetProperty("slots")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["ticket", "registeredOn", "size", "ports"], root.GetProperty("entries")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-09-01", root.GetProperty("entries")[0].GetProperty("registeredOn").GetString());
        Assert.Equal(["secret", "beacon"], root.GetProperty("reveal").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["ticket", "port", "slot", "phase"], root.GetProperty("results")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_bundle_before_the_draw_leaves_out_the_reveal_rather_than_writing_null()
    {
        var json = DrawBundleJson.Serialize(DrawTestVector.Bundle with { Reveal = null, Seed = null, Results = null, ResultsDigest = null });

        Assert.DoesNotContain("reveal", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.True(DrawBundleJson.Parse(json).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"announcement\": 5}")]
    [InlineData("{\"announcement\": null, \"entries\": [], \"entriesDigest\": \"x\"}")]
    [InlineData("{\"announcement\": {\"protocol\": \"puente-draw/1\", \"serviceDate\": \"2026-13-45\", \"commitment\": \"x\", \"priorityPercent\": 1, \"ports\": []}, \"entries\": [], \"entriesDigest\": \"x\"}")]
    [InlineData("{\"announcement\": {\"protocol\": \"puente-draw/1\", \"serviceDate\": \"2026-12-01\", \"commitment\": \"x\", \"priorityPercent\": \"50\", \"ports\": []}, \"entries\": [], \"entriesDigest\": \"x\"}")]
    [InlineData("{\"announcement\": {\"protocol\": \"puente-draw/1\", \"serviceDate\": \"2026-12-01\", \"commitment\": \"x\", \"priorityPercent\": 50, \"ports\": []}, \"entries\": [null], \"entriesDigest\": \"x\"}")]
    [InlineData("{\"announcement\": {\"protocol\": \"puente-draw/1\", \"serviceDate\": \"2026-12-01\", \"commitment\": \"x\", \"priorityPercent\": 50, \"ports\": []}, \"entries\": [{\"ticket\": \"A\", \"registeredOn\": \"2026-01-01\", \"size\": 1}], \"entriesDigest\": \"x\"}")]
    [InlineData("{\"announcement\": {\"protocol\": \"puente-draw/1\", \"serviceDate\": \"2026-12-01\", \"commitment\": \"x\", \"priorityPercent\": 50, \"ports\": []}, \"entries\": [], \"entriesDigest\": \"x\", \"entriesDigest\": \"y\"}")]
    [InlineData("{\"announcement\": {\"protocol\": \"puente-draw/1\", \"serviceDate\": \"2026-12-01\", \"commitment\": \"x\", \"priorityPercent\": 5000000000, \"ports\": []}, \"entries\": [], \"entriesDigest\": \"x\"}")]
    public void Malformed_json_returns_a_failure_with_a_message_instead_of_throwing(string? json)
    {
        var parsed = DrawBundleJson.Parse(json);

        Assert.False(parsed.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Error));
    }

    [Theory]
    [InlineData("[null]", "[]", "", "announcement.ports[0] is null")]
    [InlineData("[{\"code\": \"2504\", \"slots\": [{\"start\": \"08:00\", \"capacity\": 1}, null]}]", "[]", "", "announcement.ports[0].slots[1] is null")]
    [InlineData("[]", "[{\"ticket\": \"A\", \"registeredOn\": \"2026-01-01\", \"size\": 1, \"ports\": []}, null]", "", "entries[1] is null")]
    [InlineData("[]", "[{\"ticket\": \"A\", \"registeredOn\": \"2026-01-01\", \"size\": 1, \"ports\": [\"2504\", null]}]", "", "entries[0].ports[1] is null")]
    [InlineData("[]", "[]", ", \"results\": [null]", "results[0] is null")]
    public void A_null_inside_a_list_is_a_failure_that_says_where(string ports, string entries, string results, string error)
    {
        var json = $$"""
            {"announcement": {"protocol": "puente-draw/1", "serviceDate": "2026-12-01", "commitment": "x", "priorityPercent": 50, "ports": {{ports}}},
             "entries": {{entries}}, "entriesDigest": "x"{{results}}}
            """;

        Assert.Equal(error, DrawBundleJson.Parse(json).Error);
    }

    [Fact]
    public void Indented_json_spreads_over_lines_and_compact_json_does_not()
    {
        Assert.Contains('\n', DrawBundleJson.Serialize(DrawTestVector.Bundle, indented: true));
        Assert.DoesNotContain('\n', DrawBundleJson.Serialize(DrawTestVector.Bundle));
    }

    [Fact]
    public void An_announcement_survives_a_round_trip_and_anything_else_reads_as_null()
    {
        var json = DrawBundleJson.SerializeAnnouncement(DrawTestVector.Announcement);

        Assert.Equal(json, DrawBundleJson.SerializeAnnouncement(DrawBundleJson.ParseAnnouncement(json)!));
        Assert.Null(DrawBundleJson.ParseAnnouncement("not json"));
        Assert.Null(DrawBundleJson.ParseAnnouncement("null"));
    }

    [Fact]
    public void Truncating_a_valid_bundle_anywhere_never_throws()
    {
        var json = DrawBundleJson.Serialize(DrawTestVector.Bundle);

        for (var length = 0; length < json.Length; length++)
        {
            Assert.False(DrawBundleJson.Parse(json[..length]).Succeeded);
        }
    }

    [Fact]
    public void Unknown_properties_such_as_the_vector_keys_are_ignored()
    {
        var json = DrawBundleJson.Serialize(DrawTestVector.Bundle).Insert(1, "\"keys\": {\"A1\": \"1\"}, ");

        Assert.True(DrawBundleJson.Parse(json).Succeeded);
    }
}
