using Puente.Domain.Ports.Flows;

namespace Puente.Domain.Tests.Ports.Flows;

public sealed class BtsSeriesTests
{
    private static BtsCount Count(int month, long value, BtsMeasure measure = BtsMeasure.Buses) => new("2606", new DateOnly(2024, month, 1), measure, value);

    [Fact]
    public void Each_port_and_measure_is_one_series_with_a_gap_where_a_month_has_no_row()
    {
        var (series, conflicting) = BtsSeries.Of([Count(3, 7), Count(1, 5), Count(2, 9, BtsMeasure.Trucks)]);

        var buses = Assert.Single(series, s => s.Measure == BtsMeasure.Buses);
        Assert.Equal(new DateOnly(2024, 1, 1), buses.FirstMonth);
        Assert.Equal([5L, null, 7L], buses.Values);
        Assert.Equal([Count(1, 5), Count(3, 7)], buses.Counts());
        Assert.Empty(conflicting);
    }

    [Fact]
    public void A_month_with_two_values_has_none_in_the_series_and_keeps_both_apart()
    {
        var (series, conflicting) = BtsSeries.Of([Count(1, 5), Count(2, 0), Count(2, 2175)]);

        Assert.Equal([5L, null], Assert.Single(series).Values);
        Assert.Equal([Count(2, 0), Count(2, 2175)], conflicting);
    }

    [Fact]
    public void Counts_can_be_read_for_a_range_of_months()
    {
        var (series, _) = BtsSeries.Of([Count(1, 5), Count(2, 6), Count(3, 7)]);

        Assert.Equal([6L], Assert.Single(series).Counts(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 1)).Select(c => c.Value));
    }
}
