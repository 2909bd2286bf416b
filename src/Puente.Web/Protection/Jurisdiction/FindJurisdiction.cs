using Puente.Domain.Protection.Jurisdiction;

namespace Puente.Web.Protection.Jurisdiction;

/// <summary>Which consulate has jurisdiction over a county on a date, by FIPS code or by state and county name.</summary>
internal sealed class FindJurisdiction
{
    private readonly ConsularNetwork network = ShippedConsularNetwork.Load();

    public sealed record ConsulateItem(string Code, string City, string State, string? Address, string? Phone, string TimeZone, DateOnly? OpenedOn);

    public sealed record Network(string Edition, string Source, DateOnly CoverageFrom, DateOnly RecheckBy, IReadOnlyList<ConsulateItem> Consulates);

    public sealed record Query(string? County, string? State, string? Name, DateOnly Date);

    public abstract record Outcome;

    /// <param name="County">The FIPS code asked for or found by name; null when a name was asked for and the state's default answered.</param>
    public sealed record Found(ConsulateItem Consulate, DateOnly Since, DateOnly Date, string? County, string? CountyName, bool Approximate) : Outcome;

    public sealed record NotCovered(UnmappedReason Reason, DateOnly CoverageFrom) : Outcome;

    public Network List()
    {
        return new Network(network.Edition, network.Source, network.CoverageFrom, network.RecheckBy, [.. network.Consulates.Select(Item)]);
    }

    public Outcome Handle(Query query)
    {
        var (answer, fips) = query.County is { } county
            ? (Districts.Resolve(network, county.Trim(), query.Date), (string?)county.Trim())
            : Districts.ResolveByName(network, query.State ?? "", query.Name ?? "", query.Date);
        return answer switch
        {
            Assigned found => new Found(Item(found.Consulate), found.Since, query.Date, fips, found.CountyName, found.Approximate),
            Unmapped unmapped => new NotCovered(unmapped.Reason, network.CoverageFrom),
            _ => throw new InvalidOperationException($"Unexpected answer {answer}."),
        };
    }

    public bool Exists(string code) => network.Find(code) is not null;

    /// <summary>The consulate's zone, in which its staff read times; UTC (named as such) when the consulate is not known.</summary>
    public string TimeZoneOf(string? code) => code is not null && network.Find(code) is { } consulate ? consulate.TimeZone : "UTC";

    private static ConsulateItem Item(Consulate c) => new(c.Code, c.City, c.State, c.Address, c.Phone, c.TimeZone, c.OpenedOn);
}
