namespace Puente.Domain.Pathways.Requests;

/// <summary>A request names 1 to 3 distinct ports, in order of preference.</summary>
public static class PortPreferences
{
    public const int Max = 3;

    public static bool IsAllowedCount(int count) => count is >= 1 and <= Max;

    /// <summary>The positions of ports already named earlier in the list (a missing one repeats nothing).</summary>
    public static IReadOnlySet<int> Repeats(IReadOnlyList<string?> ports)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeats = new HashSet<int>();
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is { } code && !seen.Add(code))
            {
                repeats.Add(i);
            }
        }
        return repeats;
    }

    /// <summary>The whole rule for a request as an applicant submits it: a blank choice names no port.</summary>
    public static bool AreValid(IReadOnlyList<string?>? ports) =>
        ports is not null && IsAllowedCount(ports.Count) && !ports.Any(string.IsNullOrWhiteSpace) && Repeats(ports).Count == 0;
}
