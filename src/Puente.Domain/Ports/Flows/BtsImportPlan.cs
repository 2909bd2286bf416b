namespace Puente.Domain.Ports.Flows;

/// <summary>A count as stored: one value of one key. A key with two stored values is a conflict kept for people to settle.</summary>
public readonly record struct BtsCount(string PortCode, DateOnly Month, BtsMeasure Measure, long Value)
{
    public BtsKey Key => new(PortCode, Month, Measure);
}

/// <summary>A key with more than one value, in the file or between the file and what was stored.</summary>
public sealed record BtsConflict(BtsKey Key, IReadOnlyList<long> Values);

/// <summary>
/// What importing a file changes, decided before anything is written: the counts, and the stored shape (see
/// <see cref="BtsSeries"/>) of every port that gains some, whole: its series and, apart, every value of a month
/// in conflict. A port that gains nothing is not in <see cref="Series"/> nor <see cref="Conflicting"/>.
/// </summary>
public sealed record BtsImportPlan(
    int Added,
    IReadOnlyList<BtsRow> ExactDuplicates,
    int AlreadyStored,
    IReadOnlyList<BtsConflict> Conflicts,
    IReadOnlyDictionary<string, int> UnknownPorts,
    IReadOnlyList<string> ChangedPorts,
    IReadOnlyList<BtsSeries> Series,
    IReadOnlyList<BtsCount> Conflicting)
{
    /// <summary>
    /// Exact repeats collapse into one count; a second value for a key is added beside the first, never
    /// instead of it, and the key is reported as a conflict. Rows already stored change nothing, so
    /// importing the same file twice adds nothing the second time. Rows of a port not in
    /// <paramref name="knownPorts"/> (when given) are skipped and counted by port.
    /// </summary>
    /// <param name="storedSeries">What is stored for the ports of the file (more does no harm).</param>
    /// <param name="storedConflicts">Every stored value of a month in conflict, for the same ports.</param>
    public static BtsImportPlan Make(IEnumerable<BtsRow> rows, IReadOnlySet<string>? knownPorts,
        IEnumerable<BtsSeries> storedSeries, IEnumerable<BtsCount> storedConflicts)
    {
        var planner = new BtsPlanner();
        foreach (var row in rows)
        {
            planner.Add(row);
        }
        planner.AddStored(storedSeries, storedConflicts);
        return planner.Plan(knownPorts);
    }
}
