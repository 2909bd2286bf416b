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
}
