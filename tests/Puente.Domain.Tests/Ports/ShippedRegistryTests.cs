using Puente.Domain.Ports;

namespace Puente.Domain.Tests.Ports;

/// <summary>The ports.json that Puente.Web embeds, linked into this project's output.</summary>
public sealed class ShippedRegistryTests
{
    private static readonly Lazy<PortsRegistry> Shipped = new(() =>
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "ports.json"));
        var result = PortsRegistryJson.Parse(json);
        Assert.True(result.IsSuccess, string.Join(Environment.NewLine, result.Errors));
        return result.Registry;
    });

    private static Port PortWithCode(string code) => Assert.Single(Shipped.Value.Ports, p => p.Code == code);

    [Fact]
    public void The_shipped_registry_parses_and_validates_with_no_problems()
    {
        Assert.Empty(PortsRegistryValidator.Validate(Shipped.Value));
    }

    [Fact]
    public void The_shipped_registry_says_when_it_takes_effect_and_where_it_comes_from()
    {
        Assert.Equal(new DateOnly(2026, 1, 1), Shipped.Value.EffectiveFrom);
        Assert.False(string.IsNullOrWhiteSpace(Shipped.Value.Source));
    }

    [Fact]
    public void The_shipped_registry_has_all_28_land_ports_each_with_a_crossing()
    {
        Assert.Equal(28, Shipped.Value.Ports.Count);
        Assert.All(Shipped.Value.Ports, p => Assert.NotEmpty(p.Crossings));
        Assert.Equal(53, Shipped.Value.Ports.Sum(p => p.Crossings.Count));
    }

    [Fact]
    public void San_Ysidro_includes_the_PedWest_crossing()
    {
        var pedWest = Assert.Single(PortWithCode("2504").Crossings, c => c.Number == "250407");
        Assert.Equal([LaneType.Pedestrian], pedWest.Lanes);
    }

    [Fact]
    public void Fort_Hancock_is_stored_as_240403_with_the_feeds_lowercase_L_number_as_an_alias()
    {
        var fortHancock = Assert.Single(PortWithCode("2404").Crossings, c => c.Number == "240403");
        Assert.Equal(["l24501"], fortHancock.Aliases);
        Assert.Contains("l24501", fortHancock.Notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2301")]
    [InlineData("2303")]
    [InlineData("2304")]
    [InlineData("2402")]
    [InlineData("2506")]
    [InlineData("2507")]
    [InlineData("2604")]
    public void Ports_where_BTS_counts_trains_have_a_rail_lane(string code)
    {
        Assert.Contains(PortWithCode(code).Crossings, c => c.Lanes.Contains(LaneType.Rail));
    }

    // Texas is split: El Paso and Hudspeth counties keep Mountain time, the rest Central.
    private static readonly Dictionary<string, string[]> ZonesByState = new(StringComparer.Ordinal)
    {
        ["CA"] = ["America/Los_Angeles"],
        ["AZ"] = ["America/Phoenix"],
        ["NM"] = ["America/Denver"],
        ["TX"] = ["America/Denver", "America/Chicago"],
    };

    [Fact]
    public void Each_ports_time_zone_fits_its_state()
    {
        Assert.All(Shipped.Value.Ports, p => Assert.Contains(p.TimeZone, ZonesByState[p.State]));
    }

    [Theory]
    [InlineData("2401", "America/Denver")] // Ysleta, El Paso County
    [InlineData("2402", "America/Denver")] // El Paso
    [InlineData("2404", "America/Denver")] // Tornillo, El Paso County; Fort Hancock, Hudspeth County
    [InlineData("2403", "America/Chicago")] // Presidio County
    [InlineData("2410", "America/Chicago")] // Boquillas, Brewster County
    public void West_Texas_ports_follow_their_countys_time_zone(string code, string zone)
    {
        Assert.Equal(zone, PortWithCode(code).TimeZone);
    }

    [Fact]
    public void Entries_that_depart_from_the_public_sources_say_why()
    {
        // Numbers Puente made up (not CBP's) end in 01 for ports missing from the feed or 91 for rail.
        string[] assigned = ["241001", "260601", "230191", "230391", "230491", "240291", "250691", "250791", "260491"];
        var crossings = Shipped.Value.Ports.SelectMany(p => p.Crossings).ToDictionary(c => c.Number);
        Assert.All(assigned, n => Assert.False(string.IsNullOrWhiteSpace(crossings[n].Notes), n));
        Assert.False(string.IsNullOrWhiteSpace(PortWithCode("2503").Notes));
    }
}
