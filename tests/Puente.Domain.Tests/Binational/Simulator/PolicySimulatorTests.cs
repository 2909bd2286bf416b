using System.Text.Json;
using Puente.Domain.Binational.Simulator;
using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Binational.Simulator;

public sealed class PolicySimulatorTests
{
    private static readonly DateOnly Start = new(2026, 12, 1);

    // Four ports, 240 places a day against 600 new requests: demand well above capacity, as at the border.
    private static readonly IReadOnlyList<DrawPort> Ports =
    [
        Port("2304", 40), Port("2402", 60), Port("2504", 100), Port("2604", 40),
    ];

    private static DrawPort Port(string code, int persons) =>
        new(code, [.. Enumerable.Range(0, 4).Select(h => new DrawSlot($"{8 + h:00}:00", persons / 4))]);

    private static DemandProfile Demand(double reentry = 0.9) => new(
        [600],
        [new(1, 50), new(2, 30), new(4, 20)],
        [new("2304", 20), new("2402", 25), new("2504", 40), new("2604", 15)],
        90,
        reentry);

    private static SimulationInputs Inputs(DrawPolicy scenario, int seed = 7, int days = 45) =>
        new(Start, days, seed, Demand(), new DrawPolicy(Ports, 50, []), scenario);

    [Fact]
    public void The_same_seed_and_inputs_give_the_same_report_byte_for_byte()
    {
        var scenario = new DrawPolicy(PolicyChanges.Scaled(Ports, 1.5), 70, []);

        var first = JsonSerializer.Serialize(PolicySimulator.Run(Inputs(scenario)));
        var second = JsonSerializer.Serialize(PolicySimulator.Run(Inputs(scenario)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_a_different_population()
    {
        var scenario = new DrawPolicy(Ports, 50, []);

        var first = PolicySimulator.Run(Inputs(scenario, seed: 7));
        var second = PolicySimulator.Run(Inputs(scenario, seed: 8));

        Assert.NotEqual(JsonSerializer.Serialize(first.Cohorts), JsonSerializer.Serialize(second.Cohorts));
    }

    [Fact]
    public void The_baseline_and_an_unchanged_scenario_agree_on_every_cohort()
    {
        var report = PolicySimulator.Run(Inputs(new DrawPolicy(Ports, 50, [])));

        Assert.All(report.Cohorts, c => Assert.Equal(c.Baseline, c.Scenario));
        Assert.Equal(report.Baseline, report.Scenario);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(2026)]
    public void Doubling_capacity_never_raises_a_cohorts_median_wait(int seed)
    {
        var report = PolicySimulator.Run(Inputs(new DrawPolicy(PolicyChanges.Scaled(Ports, 2), 50, []), seed));

        Assert.True(report.Scenario.SelectedPersons > report.Baseline.SelectedPersons);
        Assert.All(report.Cohorts, c =>
            Assert.True(Days(c.Scenario.MedianDays) <= Days(c.Baseline.MedianDays),
                $"{c.RegistrationMonth}/{c.GroupSize}/{c.PreferredPort}: {c.Scenario.MedianDays} > {c.Baseline.MedianDays}"));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void With_every_place_given_by_waiting_time_the_oldest_registrations_wait_least(int seed)
    {
        var report = PolicySimulator.Run(Inputs(new DrawPolicy(Ports, 100, []), seed));

        var oldestMonth = report.Cohorts.Select(c => c.RegistrationMonth).Order(StringComparer.Ordinal).First();
        var oldest = report.Cohorts.Where(c => c.RegistrationMonth == oldestMonth).ToList();
        var others = report.Cohorts.Where(c => c.RegistrationMonth != oldestMonth).ToList();
        Assert.NotEmpty(others);
        Assert.All(oldest, o => Assert.All(others, c => Assert.True(
            Days(o.Scenario.MedianDays) <= Days(c.Scenario.MedianDays),
            $"{o.RegistrationMonth}/{o.GroupSize}/{o.PreferredPort} ({o.Scenario.MedianDays}) waits longer than {c.RegistrationMonth}/{c.GroupSize}/{c.PreferredPort} ({c.Scenario.MedianDays})")));
    }

    [Fact]
    public void A_port_closed_for_the_whole_run_selects_no_one_there()
    {
        var closed = new DrawPolicy(Ports, 50, [new SimulatedClosure("2604", Start, Start.AddDays(60))]);

        var report = PolicySimulator.Run(Inputs(closed));

        Assert.True(report.Scenario.PlacesOffered < report.Baseline.PlacesOffered);
        Assert.Equal(45 * 200, report.Scenario.PlacesOffered);
    }

    [Fact]
    public void Requests_that_never_enter_again_are_selected_on_their_first_day_or_never()
    {
        var inputs = Inputs(new DrawPolicy(Ports, 50, [])) with { Demand = Demand(reentry: 0) };

        var report = PolicySimulator.Run(inputs);

        Assert.All(report.Cohorts, c => Assert.True(c.Baseline.MedianDays is null or 0));
        Assert.Equal(report.Baseline.Entries, report.Requests);
    }

    [Fact]
    public void A_port_capacity_is_spread_over_the_ports_slots_and_sums_to_the_figure()
    {
        var ports = PolicyChanges.WithPortCapacity(Ports, "2504", 333);
        var added = PolicyChanges.WithPortCapacity(Ports, "2301", 30);

        Assert.Equal(333, ports.Single(p => p.Code == "2504").Slots.Sum(s => s.Capacity));
        Assert.Equal(Ports.Count, ports.Count);
        Assert.Equal(30, added.Single(p => p.Code == "2301").Slots.Sum(s => s.Capacity));
        Assert.Equal(["2301", "2304", "2402", "2504", "2604"], added.Select(p => p.Code));
    }

    private static int Days(int? median) => median ?? int.MaxValue;
}
