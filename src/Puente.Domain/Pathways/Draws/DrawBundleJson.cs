using System.Text.Json;
using System.Text.Json.Serialization;

namespace Puente.Domain.Pathways.Draws;

/// <summary>Reads and writes bundles in the JSON shape of the spec (camelCase, dates as <c>YYYY-MM-DD</c>).</summary>
public static class DrawBundleJson
{
    private static readonly DrawJsonContext Indented = new(new JsonSerializerOptions(DrawJsonContext.Default.Options)
    {
        WriteIndented = true,
    });

    /// <summary>The bundle as JSON; absent parts (before the draw runs) are left out rather than written as null.</summary>
    public static string Serialize(DrawBundle bundle, bool indented = false) =>
        JsonSerializer.Serialize(bundle, (indented ? Indented : DrawJsonContext.Default).DrawBundle);

    /// <summary>The announcement alone, as published when the request window opens.</summary>
    public static string SerializeAnnouncement(DrawAnnouncement announcement) =>
        JsonSerializer.Serialize(announcement, DrawJsonContext.Default.DrawAnnouncement);

    /// <summary>Reads an announcement this library wrote; null when the JSON is not one.</summary>
    public static DrawAnnouncement? ParseAnnouncement(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DrawJsonContext.Default.DrawAnnouncement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses a bundle. Malformed or incomplete JSON gives a failure with a message, never an exception.</summary>
    public static DrawBundleParseResult Parse(string? json)
    {
        if (json is null)
        {
            return DrawBundleParseResult.Failure("no JSON given");
        }
        try
        {
            var bundle = JsonSerializer.Deserialize(json, DrawJsonContext.Default.DrawBundle);
            if (bundle is null)
            {
                return DrawBundleParseResult.Failure("the JSON is null, not a bundle");
            }
            var missing = FirstMissingElement(bundle);
            return missing is null ? DrawBundleParseResult.Success(bundle) : DrawBundleParseResult.Failure($"{missing} is null");
        }
        catch (JsonException e)
        {
            return DrawBundleParseResult.Failure($"not a valid bundle: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            return DrawBundleParseResult.Failure($"not a valid bundle: {e.Message}");
        }
    }

    // Nullable annotations are enforced on properties but not on list elements, so those are checked here.
    private static string? FirstMissingElement(DrawBundle bundle)
    {
        for (var p = 0; p < bundle.Announcement.Ports.Count; p++)
        {
            var port = bundle.Announcement.Ports[p];
            if (port is null)
            {
                return $"announcement.ports[{p}]";
            }
            for (var s = 0; s < port.Slots.Count; s++)
            {
                if (port.Slots[s] is null)
                {
                    return $"announcement.ports[{p}].slots[{s}]";
                }
            }
        }
        for (var e = 0; e < bundle.Entries.Count; e++)
        {
            var entry = bundle.Entries[e];
            if (entry is null)
            {
                return $"entries[{e}]";
            }
            for (var p = 0; p < entry.Ports.Count; p++)
            {
                if (entry.Ports[p] is null)
                {
                    return $"entries[{e}].ports[{p}]";
                }
            }
        }
        var results = bundle.Results ?? [];
        for (var r = 0; r < results.Count; r++)
        {
            if (results[r] is null)
            {
                return $"results[{r}]";
            }
        }
        return null;
    }
}

/// <summary>The outcome of <see cref="DrawBundleJson.Parse"/>: a bundle, or the reason there is none.</summary>
public sealed record DrawBundleParseResult(DrawBundle? Bundle, string? Error)
{
    /// <summary>True when <see cref="Bundle"/> is set.</summary>
    public bool Succeeded => Bundle is not null;

    internal static DrawBundleParseResult Success(DrawBundle bundle) => new(bundle, null);

    internal static DrawBundleParseResult Failure(string error) => new(null, error);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(DrawBundle))]
[JsonSerializable(typeof(DrawAnnouncement))]
internal sealed partial class DrawJsonContext : JsonSerializerContext;
