using Puente.Domain.Ports.Flows;

namespace Puente.Domain.Tests.Ports.Flows;

public sealed class BtsSeriesTests
{
    private static BtsRow Row(int month, long value, BtsMeasure measure = BtsMeasure.Buses) => new(month, "2606", "Sasabe", new DateOnly(2024, month, 1), measure, value);

    private static BtsCount Count(int month, long value, BtsMeasure measure = BtsMeasure.Buses) => new("2606", new DateOnly(2024, month, 1), measure, value);

    private static BtsImportPlan Plan(params BtsRow[] rows) => BtsImportPlan.Make(rows, null, [], []);

    [Fact]
    public void Each_port_and_measure_is_one_series_with_a_gap_where_a_month_has_no_row()
    {
        var plan = Plan(Row(3, 7), Row(1, 5), Row(2, 9, BtsMeasure.Trucks));

        var buses = Assert.Single(plan.Series, s => s.Measure == BtsMeasure.Buses);
        Assert.Equal(new DateOnly(2024, 1, 1), buses.FirstMonth);
        Assert.Equal([5L, null, 7L], buses.Values);
        Assert.Equal([Count(1, 5), Count(3, 7)], buses.Counts());
        Assert.Empty(plan.Conflicting);
    }

    [Fact]
    public void A_month_with_two_values_has_none_in_the_series_and_keeps_both_apart()
    {
        var plan = Plan(Row(1, 5), Row(2, 2175), Row(2, 0));

        Assert.Equal([5L, null], Assert.Single(plan.Series).Values);
        Assert.Equal([Count(2, 0), Count(2, 2175)], plan.Conflicting);
    }

    [Fact]
    public void Counts_can_be_read_for_a_range_of_months()
    {
        var series = Assert.Single(Plan(Row(1, 5), Row(2, 6), Row(3, 7)).Series);

        Assert.Equal([6L], series.Counts(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 1)).Select(c => c.Value));
    }

    [Fact]
    public void Months_far_apart_in_any_order_make_one_series()
    {
        var rows = new[] { new DateOnly(2024, 6, 1), new DateOnly(1996, 1, 1), new DateOnly(2060, 12, 1), new DateOnly(1950, 3, 1) }
            .Select((m, i) => new BtsRow(i, "2606", "Sasabe", m, BtsMeasure.Buses, i + 1)).ToArray();

        var series = Assert.Single(Plan(rows).Series);

        Assert.Equal(new DateOnly(1950, 3, 1), series.FirstMonth);
        Assert.Equal([4L, 2L, 1L, 3L], series.Counts().Select(c => c.Value));
        Assert.Equal((2060 - 1950) * 12 + 12 - 3 + 1, series.Values.Count);
    }
}
