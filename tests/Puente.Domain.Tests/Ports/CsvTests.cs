namespace Puente.Domain.Tests.Ports;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_line_breaks()
    {
        var rows = Csv.Parse("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b, c", "say \"hi\""], rows[0]);
        Assert.Equal(["two\nlines", "", "x"], rows[1]);
    }

    [Fact]
    public void Rows_are_keyed_by_the_header()
    {
        var rows = Csv.ReadWithHeader("code,name\n2504,San Ysidro\n");

        var row = Assert.Single(rows);
        Assert.Equal("San Ysidro", row["name"]);
    }
}
