using Puente.Domain.Ports.Flows;

namespace Puente.Domain.Tests.Ports.Flows;

public sealed class BtsCsvTests
{
    private static (BtsFile File, List<BtsRow> Rows) Read(string path)
    {
        using var reader = new StreamReader(TestFiles.Fixture(path));
        return Read(reader);
    }

    /// <summary>The file read, and the rows it handed over in order.</summary>
    private static (BtsFile File, List<BtsRow> Rows) Read(TextReader reader)
    {
        var rows = new List<BtsRow>();
        var result = BtsCsv.Read(reader, rows.Add);
        Assert.Null(result.Error);
        return (result.File!, rows);
    }

    [Fact]
    public void The_current_layout_is_read_with_every_line_accounted_for()
    {
        var (file, rows) = Read("Ports/bts-current.csv");

        Assert.Equal(BtsLayout.Current, file.Layout);
        Assert.Equal(12, file.LinesRead);
        Assert.Equal(8, rows.Count);
        Assert.Equal(1, file.OtherBorderRows);
        Assert.Equal([BtsRejection.BadValue, BtsRejection.BadMonth, BtsRejection.UnknownMeasure], file.Rejected.Select(r => r.Reason));
        Assert.Equal([10, 11, 12], file.Rejected.Select(r => r.Line));
        Assert.Equal(file.LinesRead, rows.Count + file.OtherBorderRows + file.Rejected.Count);
    }

    [Fact]
    public void A_quoted_field_with_a_comma_is_one_field()
    {
        var sasabe = Read("Ports/bts-current.csv").Rows.First(r => r.PortCode == "2606");

        Assert.Equal("Sasabe, AZ", sasabe.PortName);
        Assert.Equal(new DateOnly(2021, 2, 1), sasabe.Month);
        Assert.Equal(BtsMeasure.BusPassengers, sasabe.Measure);
        Assert.Equal(0, sasabe.Value);
    }

    [Fact]
    public void The_legacy_seven_column_layout_is_read()
    {
        var (file, rows) = Read("Ports/bts-legacy.csv");

        Assert.Equal(BtsLayout.Legacy, file.Layout);
        Assert.Equal([532261L, 1258L, 500000L], rows.Select(r => r.Value));
        Assert.All(rows, r => Assert.Equal("2504", r.PortCode));
    }

    [Theory]
    [InlineData("Port,Date,Value\n2504,Jan 2024,1\n")]
    [InlineData("")]
    public void A_file_of_another_shape_is_refused_with_the_expected_header(string text)
    {
        var result = BtsCsv.Read(new StringReader(text), _ => Assert.Fail("No row is read from a file of another shape."));

        Assert.Null(result.File);
        Assert.Contains("Port Name,State,Port Code,Border,Date,Measure,Value", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_names_are_read_whatever_their_case_and_unknown_ones_are_not()
    {
        Assert.True(BtsMeasureNames.TryParse(" truck containers LOADED ", out var measure));
        Assert.Equal(BtsMeasure.TruckContainersLoaded, measure);
        Assert.False(BtsMeasureNames.TryParse("Trucks Loaded", out _));
    }

    [Theory]
    [InlineData("Trucks", BtsMeasure.Trucks)]
    [InlineData("Truck Containers Loaded", BtsMeasure.TruckContainersLoaded)]
    [InlineData("Truck Containers Empty", BtsMeasure.TruckContainersEmpty)]
    [InlineData("Trains", BtsMeasure.Trains)]
    [InlineData("Rail Containers Loaded", BtsMeasure.RailContainersLoaded)]
    [InlineData("Rail Containers Empty", BtsMeasure.RailContainersEmpty)]
    [InlineData("Train Passengers", BtsMeasure.TrainPassengers)]
    [InlineData("Buses", BtsMeasure.Buses)]
    [InlineData("Bus Passengers", BtsMeasure.BusPassengers)]
    [InlineData("Personal Vehicles", BtsMeasure.PersonalVehicles)]
    [InlineData("Personal Vehicle Passengers", BtsMeasure.PersonalVehiclePassengers)]
    [InlineData("Pedestrians", BtsMeasure.Pedestrians)]
    [InlineData("TRAINS", BtsMeasure.Trains)]
    [InlineData("Rail containers empty", BtsMeasure.RailContainersEmpty)]
    public void Each_measure_is_read_by_its_bts_name(string name, BtsMeasure expected)
    {
        Assert.True(BtsMeasureNames.TryParse(name, out var measure));
        Assert.Equal(expected, measure);
    }

    [Theory]
    [InlineData("Truckz")]
    [InlineData("Rail Containers Emptx")]
    [InlineData("Bus Passengerz")]
    [InlineData("Pedestrian")]
    public void A_name_of_a_measures_length_that_is_not_its_name_is_unknown(string name) =>
        Assert.False(BtsMeasureNames.TryParse(name, out _));

    private const string LegacyHeader = "Port Name,State,Port Code,Border,Date,Measure,Value\n";

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("007", 7L)]
    [InlineData(" 12 ", 12L)]
    [InlineData("999999999999999999", 999_999_999_999_999_999L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9223372036854775808", null)]
    [InlineData("-5", null)]
    [InlineData("+5", null)]
    [InlineData("\"1,234\"", null)]
    [InlineData("1.5", null)]
    [InlineData("12a", null)]
    [InlineData("", null)]
    public void A_count_is_digits_only_and_fits_a_long(string value, long? expected)
    {
        var (file, rows) = Read(new StringReader($"{LegacyHeader}Nogales,Arizona,2604,US-Mexico Border,Jan 2024,Trucks,{value}\n"));

        Assert.Equal(expected, rows.Select(r => (long?)r.Value).SingleOrDefault());
        Assert.Equal(expected is null ? [BtsRejection.BadValue] : [], file.Rejected.Select(r => r.Reason));
    }

    [Theory]
    [InlineData("Jan 2024", 2024, 1)]
    [InlineData("Sep 1996", 1996, 9)]
    [InlineData("Dec 2025", 2025, 12)]
    [InlineData(" May 2010 ", 2010, 5)]
    [InlineData("Foo 2024", null, null)]
    [InlineData("Jan 24", null, null)]
    [InlineData("2024-01", null, null)]
    public void A_month_is_read_as_bts_writes_it(string text, int? year, int? month)
    {
        var (file, rows) = Read(new StringReader($"{LegacyHeader}Nogales,Arizona,2604,US-Mexico Border,{text},Trucks,1\n"));

        Assert.Equal(year is null ? null : new DateOnly(year.Value, month!.Value, 1), rows.Select(r => (DateOnly?)r.Month).SingleOrDefault());
        Assert.Equal(year is null ? [BtsRejection.BadMonth] : [], file.Rejected.Select(r => r.Reason));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1996, 1)]
    [InlineData(2024, 12)]
    [InlineData(9999, 12)]
    public void A_row_gives_back_the_month_it_was_made_with(int year, int month)
    {
        var row = new BtsRow(2, "2604", "Nogales", new DateOnly(year, month, 1), BtsMeasure.Trucks, 1);

        Assert.Equal(new DateOnly(year, month, 1), row.Month);
        Assert.Equal(default, default(BtsRow).Month);
    }

    [Fact]
    public void The_port_codes_are_listed_once_each_in_the_order_they_first_appear()
    {
        var (file, _) = Read(new StringReader(LegacyHeader
            + "Nogales,Arizona,2604,US-Mexico Border,Jan 2024,Trucks,1\n"
            + "San Ysidro,California,2504,US-Mexico Border,Jan 2024,Trucks,2\n"
            + "Nogales,Arizona,2604,US-Mexico Border,Feb 2024,Trucks,3\n"
            + "Lukeville,Arizona,2602,US-Mexico Border,Jan 2024,Trucks,4\n"));

        Assert.Equal(["2604", "2504", "2602"], file.PortCodes);
    }
}
