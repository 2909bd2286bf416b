using System.Text.Json;
using System.Text.Json.Serialization;

namespace Puente.Domain.Protection.Jurisdiction;

/// <summary>
/// Reads and checks <c>consulates.json</c>. Strict like the ports registry: the file is written by
/// hand, so an unknown property or a missing field is a typo, and every consulate a district names
/// must exist, every state must have a consulate from the first version on, and versions must go forward.
/// </summary>
public static class ConsularNetworkJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>The network, or the problems that make it unusable (never an exception for bad input).</summary>
    public static (ConsularNetwork? Network, IReadOnlyList<string> Problems) Parse(string json)
    {
        ConsularNetwork? network;
        try
        {
            network = JsonSerializer.Deserialize<ConsularNetwork>(json, Options);
        }
        catch (JsonException ex)
        {
            return (null, [ex.Message]);
        }
        if (network is null)
        {
            return (null, ["The document is null, not an object."]);
        }
        var problems = Validate(network);
        return (problems.Count == 0 ? network : null, problems);
    }

    public static List<string> Validate(ConsularNetwork network)
    {
        var problems = new List<string>();
        var codes = network.Consulates.Select(c => c.Code).ToList();
        problems.AddRange(codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => $"Consulate {g.Key} is listed twice."));
        if (network.Versions.Count == 0)
        {
            problems.Add("There is no district version.");
            return problems;
        }
        for (var i = 1; i < network.Versions.Count; i++)
        {
            if (network.Versions[i].EffectiveFrom <= network.Versions[i - 1].EffectiveFrom)
            {
                problems.Add($"Version {i} ({network.Versions[i].EffectiveFrom:yyyy-MM-dd}) does not come after the one before it.");
            }
        }
        var first = network.Versions[0];
        problems.AddRange(UsStates.All.Except(network.UnmappedStates).Where(s => !first.States.ContainsKey(s))
            .Select(s => $"State {s} has no consulate in the first version."));
        foreach (var version in network.Versions)
        {
            var at = version.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            problems.AddRange(version.States.Where(s => UsStates.FipsOf(s.Key) is null).Select(s => $"{at}: {s.Key} is not a state."));
            problems.AddRange(version.States.Values.Concat(version.Counties.Select(c => c.Consulate)).Distinct()
                .Where(c => !codes.Contains(c)).Select(c => $"{at}: consulate {c} is not listed."));
            var counties = version.Counties.SelectMany(a => a.Counties).ToList();
            problems.AddRange(counties.Where(c => c.Fips.Length != 5 || !c.Fips.All(char.IsAsciiDigit) || UsStates.ByFips(c.Fips[..2]) is null)
                .Select(c => $"{at}: {c.Fips} ({c.Name}) is not a county FIPS code."));
            problems.AddRange(counties.GroupBy(c => c.Fips).Where(g => g.Count() > 1).Select(g => $"{at}: county {g.Key} is assigned twice."));
            foreach (var consulate in version.States.Values.Concat(version.Counties.Select(c => c.Consulate)).Distinct())
            {
                if (network.Find(consulate) is { OpenedOn: { } opened } && opened > version.EffectiveFrom)
                {
                    problems.Add($"{at}: consulate {consulate} opens only on {opened:yyyy-MM-dd}.");
                }
            }
        }
        return problems;
    }
}
