using Puente.Domain.Ports;
using Puente.Domain.Ports.WaitTimes;

namespace Puente.Domain.Tests.Ports.WaitTimes;

public sealed class BwtFeedTests
{
    private static WaitFeed Xml() => BwtXml.Parse(File.ReadAllText(TestFiles.Fixture("Ports/bwt.xml")));

    private static WaitFeed Json() => BwtJson.Parse(File.ReadAllText(TestFiles.Fixture("Ports/bwtnew.json")));

    [Fact]
    public void The_xml_feed_gives_every_crossing_with_its_numbers_verbatim()
    {
        var feed = Xml();

        Assert.Empty(feed.Problems);
        Assert.Equal(["250401", "250407", "230401", "l24501", "269999", "300401"], feed.Crossings.Select(c => c.PortNumber));
        Assert.Equal(5, feed.Crossings.Count(c => c.IsMexicanBorder));
    }

    [Fact]
    public void Xml_lane_values_are_kept_as_written_and_missing_numbers_stay_missing()
    {
        var sanYsidro = Xml().Crossings[0];

        var cars = sanYsidro.Lanes.Single(l => l is { Type: LaneType.PassengerVehicle, Kind: LaneKind.Standard });
        Assert.Equal((55, 6, 25), (cars.Delay, cars.Open, cars.Maximum));
        Assert.Equal("At 11:00 am PST", cars.UpdateTime);
        var ready = sanYsidro.Lanes.Single(l => l is { Type: LaneType.PassengerVehicle, Kind: LaneKind.Ready });
        Assert.Equal("Update Pending", ready.OperationalStatus);
        Assert.Null(ready.Delay);
        Assert.False(ready.IsBlank);
        var trucks = sanYsidro.Lanes.Single(l => l is { Type: LaneType.Commercial, Kind: LaneKind.Standard });
        Assert.True(trucks.IsBlank);
        Assert.Null(trucks.Maximum);
    }

    [Fact]
    public void Lanes_closed_has_no_delay_rather_than_a_zero_delay()
    {
        var pedWest = Xml().Crossings.Single(c => c.PortNumber == "250407").Lanes.Single();

        Assert.Equal("Lanes Closed", pedWest.OperationalStatus);
        Assert.Null(pedWest.Delay);
        Assert.Null(pedWest.Open);
    }

    [Fact]
    public void The_json_feed_gives_the_same_shape_with_the_crossing_time()
    {
        var feed = Json();

        Assert.Empty(feed.Problems);
        Assert.Equal(5, feed.Crossings.Count);
        var laredo = feed.Crossings.Single(c => c.PortNumber == "230401");
        Assert.Equal(("7/4/2023", "12:25:16", "Bridge I"), (laredo.Date, laredo.Time, laredo.CrossingName));
        Assert.Equal(7, laredo.Lanes.Count);
        Assert.Equal("Update Pending", laredo.Lanes.Single(l => l is { Type: LaneType.Pedestrian, Kind: LaneKind.Standard }).OperationalStatus);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"port_number\": \"250401\"}")]
    public void Json_that_is_not_a_list_of_crossings_is_unreadable(string json)
    {
        var feed = BwtJson.Parse(json);

        Assert.Empty(feed.Crossings);
        Assert.Single(feed.Problems);
    }

    [Fact]
    public void A_json_item_without_a_port_number_is_reported_and_the_others_are_read()
    {
        var feed = BwtJson.Parse("""[{"border":"Mexican Border"}, 5, {"port_number":"250401","border":"Mexican Border","date":"7/4/2023","time":"10:25:16","delay_minutes":12}]""");

        Assert.Equal("250401", Assert.Single(feed.Crossings).PortNumber);
        Assert.Equal(["Item 0 has no port_number.", "Item 1 is not an object."], feed.Problems);
    }

    [Theory]
    [InlineData("<html><body>Service unavailable</body></html>")]
    [InlineData("<border_wait_time><port>")]
    [InlineData("<!DOCTYPE border_wait_time [<!ENTITY a \"aaaa\">]><border_wait_time>&a;</border_wait_time>")]
    public void Xml_that_is_not_the_feed_is_unreadable(string xml)
    {
        var feed = BwtXml.Parse(xml);

        Assert.Empty(feed.Crossings);
        Assert.Single(feed.Problems);
    }

    [Fact]
    public void Real_bwtnew_sample_has_46_mexican_border_crossings_and_every_one_is_read()
    {
        var feed = BwtJson.Parse(File.ReadAllText(TestFiles.RealData("cbp_bwt_bwtnew_sample_2022-06-29.json")));

        Assert.Empty(feed.Problems);
        Assert.Equal(76, feed.Crossings.Count);
        Assert.Equal(46, feed.Crossings.Count(c => c.IsMexicanBorder));
        Assert.Contains(feed.Crossings, c => c.PortNumber == "l24501");
        Assert.All(feed.Crossings.Where(c => c.IsMexicanBorder), c => Assert.Equal(7, c.Lanes.Count));
    }
}
