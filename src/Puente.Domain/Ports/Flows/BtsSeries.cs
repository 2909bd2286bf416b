namespace Puente.Domain.Ports.Flows;

/// <summary>
/// One port's monthly counts of one measure as they are stored and read: a value per month from
/// <see cref="FirstMonth"/> on, null where BTS gave no single value (no row, or a conflict, whose values
/// are kept apart as <see cref="BtsCount"/>s).
/// </summary>
public sealed record BtsSeries(string PortCode, BtsMeasure Measure, DateOnly FirstMonth, IReadOnlyList<long?> Values)
{
    /// <summary>The months that hold a single value, as counts.</summary>
    public IEnumerable<BtsCount> Counts(DateOnly? from = null, DateOnly? to = null)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            var month = FirstMonth.AddMonths(i);
            if (Values[i] is { } value && (from is null || month >= from) && (to is null || month <= to))
            {
                yield return new BtsCount(PortCode, month, Measure, value);
            }
        }
    }
}
