using Puente.Web.Ports.Flows;

namespace Puente.Api.Tests.Ports.Flows;

/// <summary>A stored series is as narrow as its largest count allows, and reads back the same months.</summary>
public sealed class PackedMonthsTests
{
    [Theory]
    [InlineData(1, 0L, 254L)]
    [InlineData(2, 255L)]
    [InlineData(2, 65_534L)]
    [InlineData(3, 65_535L)]
    [InlineData(6, 1_234_567_890_123L)]
    [InlineData(8, long.MaxValue)]
    public void Each_month_takes_the_fewest_bytes_that_hold_the_largest_count(int width, params long[] counts)
    {
        List<long?> months = [.. counts.Select(c => (long?)c), null];

        var packed = PackedMonths.Pack(months);

        Assert.Equal(0x80 + width, packed[0]);
        Assert.Equal(1 + months.Count * width, packed.Length);
        Assert.Equal(months, PackedMonths.Unpack(packed));
    }

    [Fact]
    public void A_series_without_months_is_its_width_byte_alone() =>
        Assert.Empty(PackedMonths.Unpack(PackedMonths.Pack([])));

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x00, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x89, 1 })]
    [InlineData(new byte[] { 0x82, 1, 2, 3 })]
    public void Bytes_that_are_not_a_packed_series_are_refused(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => PackedMonths.Unpack(bytes));
}
