using Puente.Domain.Ports;

namespace Puente.Web.Ports;

/// <summary>The ports registry edition compiled into this build (ReferenceData/ports.json).</summary>
internal static class ShippedPortsRegistry
{
    private const string ResourceName = "Puente.ReferenceData.ports.json";

    public static PortsRegistry Load()
    {
        using var stream = typeof(ShippedPortsRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build has no embedded {ResourceName}.");
        using var reader = new StreamReader(stream);
        var parsed = PortsRegistryJson.Parse(reader.ReadToEnd());
        var problems = parsed.Registry is { } registry
            ? PortsRegistryValidator.Validate(registry).Select(p => $"{p.Where}: {p.Message}").ToList()
            : parsed.Errors;
        if (parsed.Registry is null || problems.Count > 0)
        {
            throw new InvalidOperationException($"The shipped ports registry is invalid: {string.Join("; ", problems)}");
        }
        return parsed.Registry;
    }
}
