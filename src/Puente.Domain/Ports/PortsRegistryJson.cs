using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Puente.Domain.Ports;

/// <summary>Either a ports registry or the reasons its JSON could not be read.</summary>
public sealed record PortsRegistryParseResult
{
    private PortsRegistryParseResult(PortsRegistry? registry, IReadOnlyList<string> errors)
    {
        Registry = registry;
        Errors = errors;
    }

    /// <summary>The registry, when the JSON had the expected shape.</summary>
    public PortsRegistry? Registry { get; }

    /// <summary>What was wrong with the JSON; empty on success.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>True when <see cref="Registry"/> is set and <see cref="Errors"/> is empty.</summary>
    [MemberNotNullWhen(true, nameof(Registry))]
    public bool IsSuccess => Registry is not null;

    internal static PortsRegistryParseResult Success(PortsRegistry registry) => new(registry, []);

    internal static PortsRegistryParseResult Failure(IReadOnlyList<string> errors) => new(null, errors);
}

/// <summary>
/// Reads the ports reference data (<c>ports.json</c>) into a <see cref="PortsRegistry"/>. Checks shape
/// only; invariants such as unique codes are <see cref="PortsRegistryValidator"/>'s job.
/// </summary>
public static class PortsRegistryJson
{
    // Strict on purpose: the file is written by hand, so a misspelt property, a duplicate key or a
    // missing field is far more likely to be a typo than an intended default.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>Parses the registry; malformed input gives errors, never an exception.</summary>
    public static PortsRegistryParseResult Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return PortsRegistryParseResult.Failure(["The document is empty."]);
        }

        PortsRegistry? registry;
        try
        {
            registry = JsonSerializer.Deserialize<PortsRegistry>(json, Options);
        }
        catch (JsonException ex)
        {
            return PortsRegistryParseResult.Failure([ex.Message]);
        }

        if (registry is null)
        {
            return PortsRegistryParseResult.Failure(["The document is null, not an object."]);
        }

        var errors = FindNullElements(registry);
        return errors.Count == 0 ? PortsRegistryParseResult.Success(registry) : PortsRegistryParseResult.Failure(errors);
    }

    // The serializer enforces nullability on properties but not on collection elements, so
    // `"ports": [null]` would otherwise reach the validator as a null port.
    private static List<string> FindNullElements(PortsRegistry registry)
    {
        var errors = new List<string>();
        for (var p = 0; p < registry.Ports.Count; p++)
        {
            var port = registry.Ports[p];
            if (port is null)
            {
                errors.Add($"$.ports[{p}] is null.");
                continue;
            }

            for (var c = 0; c < port.Crossings.Count; c++)
            {
                var crossing = port.Crossings[c];
                if (crossing is null)
                {
                    errors.Add($"$.ports[{p}].crossings[{c}] is null.");
                    continue;
                }

                for (var a = 0; a < crossing.Aliases.Count; a++)
                {
                    if (crossing.Aliases[a] is null)
                    {
                        errors.Add($"$.ports[{p}].crossings[{c}].aliases[{a}] is null.");
                    }
                }
            }
        }

        return errors;
    }
}
