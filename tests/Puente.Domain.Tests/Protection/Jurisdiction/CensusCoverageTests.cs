using Puente.Domain.Protection.Jurisdiction;
using Puente.Tests;

namespace Puente.Domain.Tests.Protection.Jurisdiction;

/// <summary>
/// Every county of the Census Bureau's 2010 list (the shared real-data folder, PUENTE_REAL_DATA)
/// maps to exactly one consulate on every date the districts changed, or is one the data reports unmapped.
/// </summary>
public sealed class CensusCoverageTests
{
    private const string FileName = "census_national_county_2010.txt";

    [Fact]
    public void Every_census_county_has_exactly_one_consulate_on_every_version_date_or_is_reported_unmapped()
    {
        var network = ShippedNetworkTests.Shipped.Value;
        var counties = ReadCounties();
        Assert.True(counties.Count > 3000, $"only {counties.Count} counties read");
        var dates = network.Versions.SelectMany(v => new[] { v.EffectiveFrom, v.EffectiveFrom.AddDays(-1) })
            .Where(d => d >= network.CoverageFrom).Append(new DateOnly(2026, 11, 29)).Distinct().ToList();
        var problems = new List<string>();
        var unmapped = new HashSet<string>();
        foreach (var (state, fips, name) in counties)
        {
            foreach (var date in dates)
            {
                switch (Districts.Resolve(network, fips, date))
                {
                    case Assigned assigned when network.Find(assigned.Consulate.Code) is null:
                        problems.Add($"{fips} {name} ({state}) on {date:yyyy-MM-dd}: unknown consulate {assigned.Consulate.Code}");
                        break;
                    case Assigned:
                        break;
                    case Unmapped { Reason: UnmappedReason.OutsideNetwork } when network.UnmappedStates.Contains(state):
                        unmapped.Add(state);
                        break;
                    case var other:
                        problems.Add($"{fips} {name} ({state}) on {date:yyyy-MM-dd}: {other}");
                        break;
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(50)));
        Assert.Equal(["AS", "GU", "MP"], unmapped.Order());
    }

    [Fact]
    public void Every_county_the_data_names_exists_in_the_census_list_under_that_code_and_name()
    {
        var census = ReadCounties().ToDictionary(c => c.Fips, c => c.Name);
        var problems = ShippedNetworkTests.Shipped.Value.Versions
            .SelectMany(v => v.Counties).SelectMany(a => a.Counties)
            .Where(c => !census.TryGetValue(c.Fips, out var name) || !name.StartsWith(c.Name, StringComparison.Ordinal))
            .Select(c => $"{c.Fips} {c.Name}: census has {census.GetValueOrDefault(c.Fips) ?? "no such county"}")
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static List<(string State, string Fips, string Name)> ReadCounties()
    {
        var directory = Environment.GetEnvironmentVariable("PUENTE_REAL_DATA") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepoRoot(), "..", "shared", "data");
        var path = Path.GetFullPath(Path.Combine(directory, FileName));
        if (!File.Exists(path))
        {
            Prerequisite.Missing($"Real data file {path} is not present; set PUENTE_REAL_DATA to the folder holding {FileName}.");
        }
        // STATE,STATEFP,COUNTYFP,COUNTYNAME,CLASSFP; names have no commas, the file is Latin-1.
        return [.. File.ReadAllLines(path, System.Text.Encoding.Latin1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(f => (f[0], f[1] + f[2], f[3]))];
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Puente.slnx")))
            {
                return dir.FullName;
            }
        }
        Prerequisite.Missing($"No Puente.slnx above {AppContext.BaseDirectory}; set PUENTE_REAL_DATA.");
        return "";
    }
}
