using Puente.Domain.Ports.Flows;

namespace Puente.Domain.Tests.Ports.Flows;

public sealed class BtsImportPlanTests
{
    private static readonly DateOnly Feb2021 = new(2021, 2, 1);
    private static readonly Dictionary<BtsKey, IReadOnlyList<long>> Nothing = [];

    private static BtsRow Row(int line, long value, string port = "2606", BtsMeasure measure = BtsMeasure.BusPassengers) =>
        new(line, port, "Sasabe", Feb2021, measure, value);

    [Fact]
    public void An_exact_repeat_collapses_into_one_count_and_is_reported()
    {
        var plan = BtsImportPlan.Make([Row(2, 10), Row(3, 10)], Nothing);

        Assert.Single(plan.ToAdd);
        Assert.Equal(3, Assert.Single(plan.ExactDuplicates).Line);
        Assert.Empty(plan.Conflicts);
    }

    [Fact]
    public void Two_values_for_one_key_are_both_kept_and_reported_as_a_conflict()
    {
        var plan = BtsImportPlan.Make([Row(2, 0), Row(3, 2175)], Nothing);

        Assert.Equal([0L, 2175L], plan.ToAdd.Select(c => c.Value));
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(new BtsKey("2606", Feb2021, BtsMeasure.BusPassengers), conflict.Key);
        Assert.Equal([0L, 2175L], conflict.Values);
    }

    [Fact]
    public void Rows_already_stored_add_nothing()
    {
        var stored = new Dictionary<BtsKey, IReadOnlyList<long>> { [Row(0, 10).Key] = [10] };

        var plan = BtsImportPlan.Make([Row(2, 10)], stored);

        Assert.Empty(plan.ToAdd);
        Assert.Equal(1, plan.AlreadyStored);
        Assert.Empty(plan.Conflicts);
    }

    [Fact]
    public void A_new_value_for_a_stored_key_is_added_beside_it_and_reported_with_both_values()
    {
        var stored = new Dictionary<BtsKey, IReadOnlyList<long>> { [Row(0, 10).Key] = [10] };

        var plan = BtsImportPlan.Make([Row(2, 12)], stored);

        Assert.Equal(12, Assert.Single(plan.ToAdd).Value);
        Assert.Equal([10L, 12L], Assert.Single(plan.Conflicts).Values);
    }

    [Fact]
    public void Different_measures_or_ports_in_the_same_month_do_not_conflict()
    {
        var plan = BtsImportPlan.Make([Row(2, 1), Row(3, 2, measure: BtsMeasure.Buses), Row(4, 3, port: "2602")], Nothing);

        Assert.Equal(3, plan.ToAdd.Count);
        Assert.Empty(plan.Conflicts);
        Assert.Empty(plan.ExactDuplicates);
    }
}
