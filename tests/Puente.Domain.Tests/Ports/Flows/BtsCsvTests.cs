using Puente.Domain.Ports.Flows;

namespace Puente.Domain.Tests.Ports.Flows;

public sealed class BtsCsvTests
{
    private static BtsFile Read(string path)
    {
        using var reader = new StreamReader(TestFiles.Fixture(path));
        var result = BtsCsv.Read(reader);
        Assert.Null(result.Error);
        return result.File!;
    }

    [Fact]
    public void The_current_layout_is_read_with_every_line_accounted_for()
    {
        var file = Read("Ports/bts-current.csv");

        Assert.Equal(BtsLayout.Current, file.Layout);
        Assert.Equal(12, file.LinesRead);
        Assert.Equal(8, file.Rows.Count);
        Assert.Equal(1, file.OtherBorderRows);
        Assert.Equal([BtsRejection.BadValue, BtsRejection.BadMonth, BtsRejection.UnknownMeasure], file.Rejected.Select(r => r.Reason));
        Assert.Equal([10, 11, 12], file.Rejected.Select(r => r.Line));
        Assert.Equal(file.LinesRead, file.Rows.Count + file.OtherBorderRows + file.Rejected.Count);
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
        var file = Read("Ports/bts-legacy.csv");

        Assert.Equal(BtsLayout.Legacy, file.Layout);
        Assert.Equal([532261L, 1258L, 500000L], file.Rows.Select(r => r.Value));
        Assert.All(file.Rows, r => Assert.Equal("2504", r.PortCode));
    }

    [Theory]
    [InlineData("Port,Date,Value\n2504,Jan 2024,1\n")]
    [InlineData("")]
    public void A_file_of_another_shape_is_refused_with_the_expected_header(string text)
    {
        var result = BtsCsv.Read(new StringReader(text));

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
        var file = BtsCsv.Read(new StringReader($"{LegacyHeader}Nogales,Arizona,2604,US-Mexico Border,Jan 2024,Trucks,{value}\n")).File!;

        Assert.Equal(expected, file.Rows.Select(r => (long?)r.Value).SingleOrDefault());
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
        var file = BtsCsv.Read(new StringReader($"{LegacyHeader}Nogales,Arizona,2604,US-Mexico Border,{text},Trucks,1\n")).File!;

        Assert.Equal(year is null ? null : new DateOnly(year.Value, month!.Value, 1), file.Rows.Select(r => (DateOnly?)r.Month).SingleOrDefault());
        Assert.Equal(year is null ? [BtsRejection.BadMonth] : [], file.Rejected.Select(r => r.Reason));
    }

    [Fact]
    public void The_port_codes_are_listed_once_each_in_the_order_they_first_appear()
    {
        var file = BtsCsv.Read(new StringReader(LegacyHeader
            + "Nogales,Arizona,2604,US-Mexico Border,Jan 2024,Trucks,1\n"
            + "San Ysidro,California,2504,US-Mexico Border,Jan 2024,Trucks,2\n"
            + "Nogales,Arizona,2604,US-Mexico Border,Feb 2024,Trucks,3\n"
            + "Lukeville,Arizona,2602,US-Mexico Border,Jan 2024,Trucks,4\n")).File!;

        Assert.Equal(["2604", "2504", "2602"], file.PortCodes);
    }
}
