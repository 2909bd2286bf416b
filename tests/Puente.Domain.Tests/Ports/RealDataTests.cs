using System.Globalization;
using Puente.Domain.Ports;

namespace Puente.Domain.Tests.Ports;

/// <summary>
/// Checks the team-written registry against the public BTS and CBP files in the shared real-data
/// folder (PUENTE_REAL_DATA, else ../shared/data next to the repository). Skips when they are absent.
/// </summary>
public sealed class RealDataTests
{
    private const double CoordinateTolerance = 0.05;

    private static readonly Dictionary<string, string> StateCodes = new(StringComparer.Ordinal)
    {
        ["California"] = "CA",
        ["Arizona"] = "AZ",
        ["New Mexico"] = "NM",
        ["Texas"] = "TX",
    };

    // BTS puts Calexico (2503) on Calexico East's point; the registry uses the downtown crossing,
    // about 0.11° west, and says so in the port's notes.
    private static readonly Dictionary<string, double> KnownCoordinateCorrections = new(StringComparer.Ordinal)
    {
        ["2503"] = 0.15,
    };

    private static readonly Lazy<PortsRegistry> Shipped = new(() =>
    {
        var result = PortsRegistryJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "ports.json")));
        Assert.True(result.IsSuccess, string.Join(Environment.NewLine, result.Errors));
        return result.Registry;
    });

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRealCsv(string fileName) =>
        Csv.ReadWithHeader(File.ReadAllText(TestFiles.RealData(fileName)));

    private static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void Every_BTS_port_is_in_the_registry_with_its_state_and_coordinates()
    {
        var bts = ReadRealCsv("us_mexico_ports_of_entry_from_bts.csv");
        var ports = Shipped.Value.Ports.ToDictionary(p => p.Code);

        Assert.Equal(28, bts.Count);
        Assert.All(bts, row =>
        {
            var code = row["Port Code"];
            Assert.True(ports.TryGetValue(code, out var port), $"BTS port {code} {row["Port Name"]} is missing");
            Assert.Equal(StateCodes[row["State"]], port.State);
            var tolerance = KnownCoordinateCorrections.GetValueOrDefault(code, CoordinateTolerance);
            Assert.True(Math.Abs(port.Latitude - Number(row["Latitude"])) <= tolerance, $"{code} latitude {port.Latitude} vs BTS {row["Latitude"]}");
            Assert.True(Math.Abs(port.Longitude - Number(row["Longitude"])) <= tolerance, $"{code} longitude {port.Longitude} vs BTS {row["Longitude"]}");
        });
    }

    [Fact]
    public void The_registry_holds_no_port_that_BTS_does_not_list()
    {
        var btsCodes = ReadRealCsv("us_mexico_ports_of_entry_from_bts.csv").Select(r => r["Port Code"]).ToHashSet(StringComparer.Ordinal);

        Assert.All(Shipped.Value.Ports, p => Assert.Contains(p.Code, btsCodes));
    }

    [Fact]
    public void Port_names_are_the_BTS_names()
    {
        var bts = ReadRealCsv("us_mexico_ports_of_entry_from_bts.csv");
        var ports = Shipped.Value.Ports.ToDictionary(p => p.Code);

        Assert.All(bts, row => Assert.Equal(row["Port Name"], ports[row["Port Code"]].Name, ignoreCase: true));
    }

    [Fact]
    public void Every_CBP_crossing_on_the_Mexican_border_maps_to_a_registry_crossing()
    {
        var cbp = ReadRealCsv("cbp_bwt_us_mexico_crossings_2022-06-29.csv");
        // Aliases carry the feed's irregular numbers, e.g. Fort Hancock's "l24501" (stored as 240403).
        var known = Shipped.Value.Ports
            .SelectMany(p => p.Crossings)
            .SelectMany(c => c.Aliases.Prepend(c.Number))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(46, cbp.Count);
        Assert.All(cbp, row => Assert.True(known.Contains(row["port_number"]), $"CBP {row["port_number"]} {row["port_name"]} {row["crossing_name"]} has no crossing"));
    }

    [Fact]
    public void Road_lanes_match_the_lane_types_CBP_gives_a_maximum_for()
    {
        var cbp = ReadRealCsv("cbp_bwt_us_mexico_crossings_2022-06-29.csv").ToDictionary(r => r["port_number"]);
        var listed = Shipped.Value.Ports.SelectMany(p => p.Crossings).Where(c => cbp.ContainsKey(c.Number)).ToList();

        // 44 of the 46 CBP crossings by their own number; Fort Hancock (l24501) and Brownsville Gateway (230103) by an alias.
        Assert.Equal(44, listed.Count);
        Assert.All(listed, crossing =>
        {
            var row = cbp[crossing.Number];
            // CBP writes "N/A" for a lane type the crossing does not have at all.
            (string Column, LaneType Lane)[] columns =
                [("cv_maximum_lanes", LaneType.Commercial), ("pv_maximum_lanes", LaneType.PassengerVehicle), ("ped_maximum_lanes", LaneType.Pedestrian)];
            var expected = columns.Where(c => row[c.Column] != "N/A").Select(c => c.Lane);
            Assert.Equal(expected, crossing.Lanes.Where(l => l != LaneType.Rail));
        });
    }
}
