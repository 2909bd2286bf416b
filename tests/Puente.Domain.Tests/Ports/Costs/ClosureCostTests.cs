using Puente.Domain.Ports;
using Puente.Domain.Ports.Costs;
using Puente.Domain.Ports.Flows;

namespace Puente.Domain.Tests.Ports.Costs;

public sealed class ClosureCostTests
{
    private static readonly UnitValues Values = new(LoadedTruckContainer: 50_000, LoadedRailContainer: 60_000, Person: 50);
    private static readonly DateOnly December4 = new(2023, 12, 4);
    private static readonly DateOnly January4 = new(2024, 1, 4);

    /// <summary>The same count every month from Dec 2022 to Nov 2023 (the baseline of a closure starting in Dec 2023).</summary>
    private static IEnumerable<BtsCount> Monthly(string port, BtsMeasure measure, long value) =>
        Enumerable.Range(0, 12).Select(i => new BtsCount(port, new DateOnly(2022, 12, 1).AddMonths(i), measure, value));

    private static CostPort Port(string code, double latitude, double longitude, LaneType[] lanes, params IEnumerable<BtsCount>[] counts) =>
        new(code, code, latitude, longitude, lanes.ToHashSet(), [.. counts.SelectMany(c => c)]);

    [Fact]
    public void The_baseline_is_the_daily_rate_over_the_twelve_months_before_the_closure_month()
    {
        // 365 days from Dec 2022 to Nov 2023; 36,500 a month is 1,200 a day.
        var (perDay, months, conflicts, from, to) = ClosureCost.Baseline([.. Monthly("2602", BtsMeasure.Pedestrians, 36_500)], BtsMeasure.Pedestrians, December4);

        Assert.Equal(36_500.0 * 12 / 365, perDay);
        Assert.Equal(12, months);
        Assert.Empty(conflicts);
        Assert.Equal((new DateOnly(2022, 12, 1), new DateOnly(2023, 11, 1)), (from, to));
    }

    [Fact]
    public void Counts_outside_the_twelve_months_do_not_count()
    {
        BtsCount[] counts = [new("2602", new DateOnly(2023, 12, 1), BtsMeasure.Trucks, 9_999), new("2602", new DateOnly(2022, 11, 1), BtsMeasure.Trucks, 9_999),
            new("2602", new DateOnly(2023, 11, 1), BtsMeasure.Trucks, 300)];

        var (perDay, months, _, _, _) = ClosureCost.Baseline(counts, BtsMeasure.Trucks, December4);

        Assert.Equal(10.0, perDay);
        Assert.Equal(1, months);
    }

    [Fact]
    public void A_month_in_conflict_is_left_out_and_named_never_settled()
    {
        BtsCount[] counts = [new("2606", new DateOnly(2021, 2, 1), BtsMeasure.BusPassengers, 0), new("2606", new DateOnly(2021, 2, 1), BtsMeasure.BusPassengers, 2175),
            new("2606", new DateOnly(2021, 1, 1), BtsMeasure.BusPassengers, 310)];

        var (perDay, months, conflicts, _, _) = ClosureCost.Baseline(counts, BtsMeasure.BusPassengers, new DateOnly(2021, 3, 10));

        Assert.Equal(10.0, perDay);
        Assert.Equal(1, months);
        Assert.Equal([new DateOnly(2021, 2, 1)], conflicts);
    }

    [Fact]
    public void No_counts_means_no_baseline_rather_than_zero()
    {
        var (perDay, months, _, _, _) = ClosureCost.Baseline([], BtsMeasure.Trucks, December4);

        Assert.Null(perDay);
        Assert.Equal(0, months);
    }

    [Fact]
    public void A_closure_stops_its_lanes_daily_flows_for_every_day_and_prices_containers_and_people()
    {
        var closed = Port("2602", 31.88, -112.817, [LaneType.Commercial, LaneType.PassengerVehicle],
            Monthly("2602", BtsMeasure.Trucks, 3_650), Monthly("2602", BtsMeasure.TruckContainersLoaded, 365), Monthly("2602", BtsMeasure.PersonalVehiclePassengers, 73_000));

        var estimate = ClosureCost.Estimate(closed, [LaneType.Commercial, LaneType.PassengerVehicle], December4, January4, [], Values, 3);

        Assert.Equal(32, estimate.Days);
        var trucks = estimate.Flows.Single(f => f.Measure == BtsMeasure.Trucks);
        Assert.Equal(120.0, trucks.PerDay!.Value, 9);
        Assert.Null(trucks.ValuePerDay);
        var containers = estimate.Flows.Single(f => f.Measure == BtsMeasure.TruckContainersLoaded);
        Assert.Equal(12.0 * 50_000, (double)containers.ValuePerDay!.Value, 6);
        var people = estimate.Flows.Single(f => f.Measure == BtsMeasure.PersonalVehiclePassengers);
        Assert.Equal(2_400.0 * 32, people.Total!.Value, 6);
        Assert.Equal((12.0 * 50_000) + (2_400.0 * 50), (double)estimate.ValuePerDay, 6);
        Assert.Equal((double)estimate.ValuePerDay * 32, (double)estimate.ValueTotal, 6);
        // A measure with no counts at all is shown without a rate, not as zero.
        Assert.Null(estimate.Flows.Single(f => f.Measure == BtsMeasure.Buses).PerDay);
    }

    [Fact]
    public void Traffic_goes_to_the_nearest_ports_with_the_same_lane_in_inverse_proportion_to_distance()
    {
        var closed = Port("A", 31.0, -112.0, [LaneType.Pedestrian], Monthly("A", BtsMeasure.Pedestrians, 36_500));
        var near = Port("N", 31.0, -111.0, [LaneType.Pedestrian], Monthly("N", BtsMeasure.Pedestrians, 36_500));
        var far = Port("F", 31.0, -110.0, [LaneType.Pedestrian]);
        var noLane = Port("X", 31.0, -112.1, [LaneType.Commercial]);
        var farthest = Port("Z", 31.0, -105.0, [LaneType.Pedestrian]);

        var estimate = ClosureCost.Estimate(closed, [LaneType.Pedestrian], December4, January4, [closed, near, far, noLane, farthest], Values, 2);

        Assert.Equal(["N", "F"], estimate.Diversions.Select(d => d.PortCode));
        var (toNear, toFar) = (estimate.Diversions[0], estimate.Diversions[1]);
        Assert.Equal(2.0 / 3, toNear.Share, 3);
        Assert.Equal(1.0 / 3, toFar.Share, 3);
        Assert.InRange(toNear.DistanceKm, 94, 96);
        var load = Assert.Single(toNear.Loads);
        Assert.Equal(1_200.0 * 2 / 3, load.AddedPerDay, 1);
        Assert.Equal(2.0 / 3 * 100, load.IncreasePercent!.Value, 1);
        // The far port has no counts of its own, so the increase cannot be given as a share.
        Assert.Null(Assert.Single(toFar.Loads).IncreasePercent);
    }

    [Theory]
    [InlineData(32.5425, -117.0288, 32.5503, -116.9385, 8.5)]   // San Ysidro to Otay Mesa
    [InlineData(31.8802, -112.8171, 31.483, -111.5444, 128.3)]  // Lukeville to Sasabe
    [InlineData(32.0, -110.0, 32.0, -110.0, 0)]
    public void Great_circle_distances_match_known_ones(double lat1, double lon1, double lat2, double lon2, double km) =>
        Assert.Equal(km, GreatCircle.Kilometres(lat1, lon1, lat2, lon2), 0.5);
}
