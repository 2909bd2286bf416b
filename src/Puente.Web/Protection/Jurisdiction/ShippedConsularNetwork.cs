using Puente.Domain.Protection.Jurisdiction;

namespace Puente.Web.Protection.Jurisdiction;

/// <summary>The consular network compiled into this build (ReferenceData/consulates.json), read once.</summary>
internal static class ShippedConsularNetwork
{
    private const string ResourceName = "Puente.ReferenceData.consulates.json";

    private static readonly Lazy<ConsularNetwork> Shipped = new(Read);

    public static ConsularNetwork Load() => Shipped.Value;

    private static ConsularNetwork Read()
    {
        using var stream = typeof(ShippedConsularNetwork).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build has no embedded {ResourceName}.");
        using var reader = new StreamReader(stream);
        var (network, problems) = ConsularNetworkJson.Parse(reader.ReadToEnd());
        return network ?? throw new InvalidOperationException($"The shipped consular network is invalid: {string.Join("; ", problems)}");
    }
}
