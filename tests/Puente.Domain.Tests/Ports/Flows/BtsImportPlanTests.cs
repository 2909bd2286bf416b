using Puente.Domain.Ports.Flows;

namespace Puente.Domain.Tests.Ports.Flows;

public sealed class BtsImportPlanTests
{
    private static readonly DateOnly Feb2021 = new(2021, 2, 1);

    private static BtsRow Row(int line, long value, string port = "2606", BtsMeasure measure = BtsMeasure.BusPassengers, DateOnly? month = null) =>
        new(line, port, "Sasabe", month ?? Feb2021, measure, value);

    private static BtsImportPlan Plan(IEnumerable<BtsRow> rows, IEnumerable<BtsSeries>? stored = null, IEnumerable<BtsCount>? conflicts = null,
        IReadOnlySet<string>? known = null) =>
        BtsImportPlan.Make(rows, known, stored ?? [], conflicts ?? []);

    private static BtsSeries Stored(long? value) => new("2606", BtsMeasure.BusPassengers, Feb2021, [value]);

    [Fact]
    public void An_exact_repeat_collapses_into_one_count_and_is_reported()
    {
        var plan = Plan([Row(2, 10), Row(3, 10)]);

        Assert.Equal(1, plan.Added);
        Assert.Equal(3, Assert.Single(plan.ExactDuplicates).Line);
        Assert.Empty(plan.Conflicts);
        Assert.Equal([10L], Assert.Single(plan.Series).Values);
    }

    [Fact]
    public void Two_values_for_one_key_are_both_kept_and_reported_as_a_conflict()
    {
        var plan = Plan([Row(2, 0), Row(3, 2175)]);

        Assert.Equal(2, plan.Added);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(new BtsKey("2606", Feb2021, BtsMeasure.BusPassengers), conflict.Key);
        Assert.Equal([0L, 2175L], conflict.Values);
        Assert.Equal([0L, 2175L], plan.Conflicting.Select(c => c.Value));
        Assert.Equal([null], Assert.Single(plan.Series).Values);
    }

    [Fact]
    public void Rows_already_stored_add_nothing_and_write_nothing()
    {
        var plan = Plan([Row(2, 10)], [Stored(10)]);

        Assert.Equal(0, plan.Added);
        Assert.Equal(1, plan.AlreadyStored);
        Assert.Empty(plan.Conflicts);
        Assert.Empty(plan.ChangedPorts);
        Assert.Empty(plan.Series);
    }

    [Fact]
    public void A_new_value_for_a_stored_key_is_added_beside_it_and_reported_with_both_values()
    {
        var plan = Plan([Row(2, 12)], [Stored(10)]);

        Assert.Equal(1, plan.Added);
        Assert.Equal([10L, 12L], Assert.Single(plan.Conflicts).Values);
        Assert.Equal([10L, 12L], plan.Conflicting.Select(c => c.Value));
    }

    [Fact]
    public void A_stored_conflict_is_still_one_when_the_file_gives_one_of_its_values_again()
    {
        var stored = new[] { new BtsCount("2606", Feb2021, BtsMeasure.BusPassengers, 0), new BtsCount("2606", Feb2021, BtsMeasure.BusPassengers, 2175) };

        var plan = Plan([Row(2, 2175)], [Stored(null)], stored);

        Assert.Equal((0, 1), (plan.Added, plan.AlreadyStored));
        Assert.Equal([0L, 2175L], Assert.Single(plan.Conflicts).Values);
    }

    [Fact]
    public void Different_measures_or_ports_in_the_same_month_do_not_conflict()
    {
        var plan = Plan([Row(2, 1), Row(3, 2, measure: BtsMeasure.Buses), Row(4, 3, port: "2602")]);

        Assert.Equal(3, plan.Added);
        Assert.Empty(plan.Conflicts);
        Assert.Empty(plan.ExactDuplicates);
        Assert.Equal(["2602", "2606"], plan.ChangedPorts);
    }

    [Fact]
    public void Rows_of_ports_the_registry_does_not_know_are_counted_by_port_and_not_written()
    {
        var plan = Plan([Row(2, 1), Row(3, 2, port: "9999"), Row(4, 3, port: "9999", measure: BtsMeasure.Buses)], known: new HashSet<string> { "2606" });

        Assert.Equal(1, plan.Added);
        Assert.Equal(new Dictionary<string, int> { ["9999"] = 2 }, plan.UnknownPorts);
        Assert.All(plan.Series, s => Assert.Equal("2606", s.PortCode));
    }

    [Fact]
    public void A_port_that_gains_a_month_has_all_its_series_written_again_stored_months_included()
    {
        var stored = new BtsSeries("2606", BtsMeasure.Buses, new DateOnly(2020, 11, 1), [7L, null, 9L]);

        var plan = Plan([Row(2, 5, measure: BtsMeasure.Buses, month: new DateOnly(2021, 3, 1)), Row(3, 4)], [stored]);

        var buses = Assert.Single(plan.Series, s => s.Measure == BtsMeasure.Buses);
        Assert.Equal(new DateOnly(2020, 11, 1), buses.FirstMonth);
        Assert.Equal([7L, null, 9L, null, 5L], buses.Values);
        Assert.Equal([4L], Assert.Single(plan.Series, s => s.Measure == BtsMeasure.BusPassengers).Values);
    }

    [Fact]
    public void The_stored_values_may_be_given_before_or_after_the_rows_with_the_same_plan()
    {
        BtsRow[] rows = [Row(2, 10), Row(3, 10), Row(4, 12, month: new DateOnly(2021, 3, 1)), Row(5, 7, measure: BtsMeasure.Buses), Row(6, 8, port: "9999")];
        BtsSeries[] stored = [new("2606", BtsMeasure.BusPassengers, Feb2021, [10L, 11L])];
        var known = new HashSet<string> { "2606" };
        var storedFirst = new BtsPlanner();
        storedFirst.AddStored(stored, []);
        foreach (var row in rows)
        {
            storedFirst.Add(row);
        }
        var rowsFirst = new BtsPlanner();
        foreach (var row in rows)
        {
            rowsFirst.Add(row);
        }
        rowsFirst.AddStored(stored, []);

        var (a, b) = (storedFirst.Plan(known), rowsFirst.Plan(known));

        Assert.Equal((2, 1), (a.Added, a.AlreadyStored));
        Assert.Equal((a.Added, a.AlreadyStored), (b.Added, b.AlreadyStored));
        Assert.Equal([3], a.ExactDuplicates.Select(d => d.Line));
        Assert.Equal(a.ExactDuplicates, b.ExactDuplicates);
        Assert.Equal([11L, 12L], Assert.Single(a.Conflicts).Values);
        Assert.Equal(a.Conflicts.Select(c => (c.Key, string.Join(",", c.Values))), b.Conflicts.Select(c => (c.Key, string.Join(",", c.Values))));
        Assert.Equal(a.Series.Select(s => (s.PortCode, s.Measure, s.FirstMonth, string.Join(",", s.Values))),
            b.Series.Select(s => (s.PortCode, s.Measure, s.FirstMonth, string.Join(",", s.Values))));
        Assert.Equal(new Dictionary<string, int> { ["9999"] = 1 }, b.UnknownPorts);
    }
}
