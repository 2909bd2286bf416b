namespace Puente.Domain.Protection.Jurisdiction;

/// <summary>Which consulate has jurisdiction over a county on a date.</summary>
public abstract record JurisdictionAnswer;

/// <param name="Since">Since when this consulate has had the county without a break (at most the data's coverage start).</param>
/// <param name="CountyName">The county's name when the data names it (counties assigned one by one), else null.</param>
/// <param name="Approximate">The data marks this assignment as compiled from secondary sources.</param>
public sealed record Assigned(Consulate Consulate, DateOnly Since, string? CountyName, bool Approximate) : JurisdictionAnswer;

/// <summary>No consulate in the network covers it (a territory, an unknown state), or the date is before the data.</summary>
public sealed record Unmapped(UnmappedReason Reason) : JurisdictionAnswer;

public enum UnmappedReason
{
    BeforeCoverage,
    OutsideNetwork,
    UnknownState,
}

/// <summary>
/// The mapping rule: for a county on a date, the latest version up to that date that says anything
/// about the county (by FIPS) or its state decides; within one version a county outranks its state.
/// </summary>
public static class Districts
{
    public static JurisdictionAnswer Resolve(ConsularNetwork network, string fips, DateOnly date)
    {
        if (fips.Length != 5 || !fips.All(char.IsAsciiDigit) || UsStates.ByFips(fips[..2]) is not { } state)
        {
            return new Unmapped(UnmappedReason.UnknownState);
        }
        if (network.UnmappedStates.Contains(state))
        {
            return new Unmapped(UnmappedReason.OutsideNetwork);
        }
        if (date < network.CoverageFrom)
        {
            return new Unmapped(UnmappedReason.BeforeCoverage);
        }
        var applicable = network.Versions.Where(v => v.EffectiveFrom <= date).ToList();
        var (code, approximate) = At(applicable, state, fips);
        if (code is null || network.Find(code) is not { } consulate)
        {
            return new Unmapped(UnmappedReason.OutsideNetwork);
        }
        var since = applicable[0].EffectiveFrom;
        for (var i = applicable.Count - 1; i > 0; i--)
        {
            if (At(applicable[..i], state, fips).Code != code)
            {
                since = applicable[i].EffectiveFrom;
                break;
            }
        }
        return new Assigned(consulate, since, CountyName(network, fips), approximate);
    }

    /// <summary>By state and county name: a county the data names is found by name, any other gets its state's default.</summary>
    public static (JurisdictionAnswer Answer, string? Fips) ResolveByName(ConsularNetwork network, string state, string countyName, DateOnly date)
    {
        var folded = Fold(countyName);
        var stateFips = UsStates.FipsOf(state.Trim().ToUpperInvariant());
        if (stateFips is null)
        {
            return (new Unmapped(UnmappedReason.UnknownState), null);
        }
        var named = network.Versions.SelectMany(v => v.Counties).SelectMany(a => a.Counties)
            .FirstOrDefault(c => c.Fips.StartsWith(stateFips, StringComparison.Ordinal) && Fold(c.Name) == folded);
        // A county no version names one by one follows its state; "000" stands for "any other county".
        var fips = named?.Fips ?? stateFips + "000";
        return (Resolve(network, fips, date), named?.Fips);
    }

    private static (string? Code, bool Approximate) At(List<DistrictVersion> versions, string state, string fips)
    {
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            var version = versions[i];
            if (version.Counties.FirstOrDefault(a => a.Counties.Any(c => c.Fips == fips)) is { } county)
            {
                return (county.Consulate, county.Approximate);
            }
            if (version.States.TryGetValue(state, out var code))
            {
                return (code, version.ApproximateStates.Contains(state));
            }
        }
        return (null, false);
    }

    private static string? CountyName(ConsularNetwork network, string fips) =>
        network.Versions.SelectMany(v => v.Counties).SelectMany(a => a.Counties).FirstOrDefault(c => c.Fips == fips)?.Name;

    private static string Fold(string name)
    {
        var folded = Pathways.Registration.PersonName.Fold(name);
        foreach (var suffix in new[] { " COUNTY", " PARISH", " BOROUGH", " CENSUS AREA", " MUNICIPALITY", " CITY AND BOROUGH" })
        {
            if (folded.EndsWith(suffix, StringComparison.Ordinal))
            {
                return folded[..^suffix.Length];
            }
        }
        return folded;
    }
}
