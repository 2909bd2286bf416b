namespace Puente.Domain.Protection.Jurisdiction;

/// <summary>A Mexican consulate in the United States.</summary>
/// <param name="Code">Stable slug, e.g. <c>los-angeles</c>: what cases and caseworkers refer to.</param>
/// <param name="OpenedOn">When it started taking cases, if after the data's coverage began.</param>
public sealed record Consulate(
    string Code,
    string City,
    string State,
    string? Address,
    string? Phone,
    string TimeZone,
    DateOnly? OpenedOn = null,
    string? Notes = null);

/// <summary>Counties named by FIPS code (and their name, for people and for lookups by name) given to one consulate.</summary>
public sealed record CountyAssignment(string Consulate, IReadOnlyList<County> Counties, bool Approximate = false, string? Notes = null);

public sealed record County(string Fips, string Name);

/// <summary>
/// One redistricting: from <see cref="EffectiveFrom"/>, the state defaults and county assignments it
/// states replace what earlier versions said about those states and counties. Everything it does not
/// mention stays as it was: a version is the change the foreign ministry announced, not a copy.
/// </summary>
public sealed record DistrictVersion(
    DateOnly EffectiveFrom,
    string Source,
    IReadOnlyDictionary<string, string> States,
    IReadOnlyList<CountyAssignment> Counties,
    IReadOnlyList<string> ApproximateStates,
    string? Notes = null);

/// <summary>The consular network and its districts over time (ReferenceData/consulates.json).</summary>
public sealed record ConsularNetwork(
    string Edition,
    string Source,
    DateOnly RecheckBy,
    IReadOnlyList<string> UnmappedStates,
    IReadOnlyList<Consulate> Consulates,
    IReadOnlyList<DistrictVersion> Versions)
{
    /// <summary>The first date the districts are known for.</summary>
    public DateOnly CoverageFrom => Versions[0].EffectiveFrom;

    public Consulate? Find(string code) => Consulates.FirstOrDefault(c => c.Code == code);
}
