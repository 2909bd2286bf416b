using Puente.Domain.Ports;

namespace Puente.Domain.Tests.Ports;

public sealed class SlotTimeTests
{
    [Theory]
    [InlineData("00:00", 0, 0)]
    [InlineData("08:30", 8, 30)]
    [InlineData("23:59", 23, 59)]
    public void A_24_hour_time_with_two_digits_each_side_is_a_slot_start(string text, int hours, int minutes)
    {
        Assert.True(SlotTime.TryParse(text, out var time));
        Assert.Equal(new TimeOnly(hours, minutes), time);
        Assert.Equal(time, SlotTime.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("8:00")]
    [InlineData("08:0")]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("08.00")]
    [InlineData("08:00 ")]
    [InlineData("08:00\n")]
    [InlineData("8:00 AM")]
    [InlineData("٠٨:٠٠")]
    public void Anything_else_is_not_a_slot_start(string? text)
    {
        Assert.False(SlotTime.TryParse(text, out _));
    }

    [Fact]
    public void Reading_a_stored_start_that_is_malformed_throws()
    {
        Assert.Throws<FormatException>(() => SlotTime.Parse("25:00"));
    }
}
