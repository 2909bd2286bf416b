using Puente.Domain.Ports;

namespace Puente.Domain.Tests.Ports;

public sealed class PortsRegistryValidatorTests
{
    // Small builders: each test starts from a valid registry and breaks exactly one thing.
    private static Crossing Crossing(string number = "250401", params LaneType[] lanes) =>
        new(number, "San Ysidro", lanes.Length == 0 ? [LaneType.PassengerVehicle, LaneType.Pedestrian] : lanes);

    private static Port Port(string code = "2504", params Crossing[] crossings) =>
        new(code, "San Ysidro", "CA", 32.5425, -117.0288, "America/Los_Angeles", "Tijuana", "Baja California",
            crossings.Length == 0 ? [Crossing(code + "01")] : crossings);

    private static PortsRegistry Registry(params Port[] ports) => new(new DateOnly(2026, 1, 1), ports);

    private static IReadOnlyList<PortsRegistryProblemKind> KindsOf(PortsRegistry registry) =>
        [.. PortsRegistryValidator.Validate(registry).Select(p => p.Kind)];

    [Fact]
    public void A_registry_built_from_valid_parts_has_no_problems()
    {
        var registry = Registry(
            Port("2504", Crossing("250401"), Crossing("250407", LaneType.Pedestrian) with { Aliases = ["09250407"] }),
            Port("2506"));

        Assert.Empty(PortsRegistryValidator.Validate(registry));
    }

    [Fact]
    public void A_registry_without_ports_is_reported()
    {
        Assert.Equal([PortsRegistryProblemKind.NoPorts], KindsOf(Registry()));
    }

    [Fact]
    public void The_same_port_code_twice_is_reported()
    {
        var registry = Registry(Port("2504", Crossing("250401")), Port("2504", Crossing("250407")));

        Assert.Equal([PortsRegistryProblemKind.DuplicatePortCode], KindsOf(registry));
    }

    [Theory]
    [InlineData("250")]
    [InlineData("25044")]
    [InlineData("25a4")]
    [InlineData("")]
    [InlineData("٢٥٠٤")] // Arabic-Indic digits pass char.IsDigit but are not a BTS code.
    public void A_port_code_that_is_not_four_ascii_digits_is_reported(string code)
    {
        var registry = Registry(Port("2504") with { Code = code });

        Assert.Equal([PortsRegistryProblemKind.InvalidPortCode], KindsOf(registry));
    }

    [Fact]
    public void The_same_crossing_number_in_two_ports_is_reported()
    {
        var registry = Registry(Port("2504", Crossing("250401")), Port("2506", Crossing("250401")));

        Assert.Equal([PortsRegistryProblemKind.DuplicateCrossingNumber], KindsOf(registry));
    }

    [Theory]
    [InlineData("l24501")] // As Fort Hancock appears in CBP's feed, with a lowercase L.
    [InlineData("25040")]
    [InlineData("2504011")]
    [InlineData("")]
    public void A_crossing_number_that_is_not_six_digits_is_reported(string number)
    {
        var registry = Registry(Port("2504", Crossing(number)));

        Assert.Equal([PortsRegistryProblemKind.InvalidCrossingNumber], KindsOf(registry));
    }

    [Fact]
    public void An_alias_that_is_another_crossings_number_is_reported()
    {
        var registry = Registry(Port("2504", Crossing("250401"), Crossing("250407") with { Aliases = ["250401"] }));

        Assert.Equal([PortsRegistryProblemKind.DuplicateCrossingNumber], KindsOf(registry));
    }

    [Fact]
    public void An_empty_alias_is_reported()
    {
        var registry = Registry(Port("2504", Crossing("250401") with { Aliases = [" "] }));

        Assert.Equal([PortsRegistryProblemKind.InvalidAlias], KindsOf(registry));
    }

    [Fact]
    public void A_port_without_crossings_is_reported()
    {
        var registry = Registry(Port("2504") with { Crossings = [] });

        Assert.Equal([PortsRegistryProblemKind.NoCrossings], KindsOf(registry));
    }

    [Fact]
    public void A_crossing_without_lanes_is_reported()
    {
        var registry = Registry(Port("2504", Crossing("250401") with { Lanes = [] }));

        Assert.Equal([PortsRegistryProblemKind.NoLanes], KindsOf(registry));
    }

    [Fact]
    public void A_lane_type_listed_twice_is_reported()
    {
        var registry = Registry(Port("2504", Crossing("250401", LaneType.Pedestrian, LaneType.Pedestrian)));

        Assert.Equal([PortsRegistryProblemKind.DuplicateLane], KindsOf(registry));
    }

    [Theory]
    [InlineData(-117.0288, 32.5425)] // latitude and longitude swapped
    [InlineData(32.5425, 117.0288)] // longitude sign lost
    [InlineData(45.0, -117.0288)] // the Canadian border
    [InlineData(24.9, -97.5)] // south of Brownsville
    [InlineData(32.5, -96.9)] // east of Brownsville
    [InlineData(double.NaN, -117.0288)]
    public void Coordinates_outside_the_border_region_are_reported(double latitude, double longitude)
    {
        var registry = Registry(Port("2504") with { Latitude = latitude, Longitude = longitude });

        Assert.Equal([PortsRegistryProblemKind.OutsideBorderRegion], KindsOf(registry));
    }

    [Theory]
    [InlineData("America/Tijuana")] // the Mexican side; the registry holds the US side's zone
    [InlineData("America/New_York")]
    [InlineData("Pacific Standard Time")]
    [InlineData("america/los_angeles")]
    [InlineData("")]
    public void A_time_zone_outside_the_us_border_zones_is_reported(string zone)
    {
        var registry = Registry(Port("2504") with { TimeZone = zone });

        Assert.Equal([PortsRegistryProblemKind.UnknownTimeZone], KindsOf(registry));
    }

    [Theory]
    [InlineData("California")]
    [InlineData("ca")]
    [InlineData("NY")]
    [InlineData("")]
    public void A_state_other_than_the_four_border_state_codes_is_reported(string state)
    {
        var registry = Registry(Port("2504") with { State = state });

        Assert.Equal([PortsRegistryProblemKind.UnknownState], KindsOf(registry));
    }

    [Fact]
    public void Every_empty_name_is_reported()
    {
        var registry = Registry(
            Port("2504", Crossing("250401") with { Name = "" }) with { Name = " ", MexicanCity = "", MexicanState = "" });

        Assert.Equal(
            [PortsRegistryProblemKind.MissingName, PortsRegistryProblemKind.MissingName,
             PortsRegistryProblemKind.MissingName, PortsRegistryProblemKind.MissingName],
            KindsOf(registry));
    }

    [Fact]
    public void Every_problem_names_the_port_and_crossing_where_it_was_found()
    {
        var registry = Registry(Port("2504", Crossing("250407") with { Lanes = [] }));

        var problem = Assert.Single(PortsRegistryValidator.Validate(registry));
        Assert.Equal("port 2504, crossing 250407", problem.Where);
    }

    [Fact]
    public void Several_problems_in_one_registry_are_all_reported()
    {
        var registry = Registry(
            Port("2504") with { TimeZone = "America/Tijuana", State = "BC" },
            Port("2504") with { Crossings = [] });

        Assert.Equivalent(
            new[]
            {
                PortsRegistryProblemKind.UnknownTimeZone, PortsRegistryProblemKind.UnknownState,
                PortsRegistryProblemKind.DuplicatePortCode, PortsRegistryProblemKind.NoCrossings,
            },
            KindsOf(registry));
    }

    [Fact]
    public void Appointments_must_be_processed_at_a_lane_the_port_has()
    {
        var good = Port() with { Appointments = new AppointmentLane("250401", LaneType.Pedestrian) };
        var otherCrossing = Port() with { Appointments = new AppointmentLane("250499", LaneType.Pedestrian) };
        var missingLane = Port() with { Appointments = new AppointmentLane("250401", LaneType.Rail) };

        Assert.Empty(KindsOf(Registry(good)));
        Assert.Equal([PortsRegistryProblemKind.InvalidAppointmentLane], KindsOf(Registry(otherCrossing)));
        Assert.Equal([PortsRegistryProblemKind.InvalidAppointmentLane], KindsOf(Registry(missingLane)));
    }
}
