using Puente.Domain.Pathways.Requests;

namespace Puente.Domain.Tests.Pathways.Requests;

public sealed class RequestWindowTests
{
    // The shipped configuration: open 36 hours before the service date starts, for 23 hours.
    private static readonly RequestWindow Window = new(TimeSpan.FromHours(36), TimeSpan.FromHours(23));
    private static readonly DateOnly ServiceDate = new(2026, 12, 1);
    private static readonly DateTimeOffset Opens = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2026, 11, 30, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_window_opens_before_the_service_date_starts_in_UTC_and_closes_its_length_later()
    {
        Assert.Equal(Opens, Window.OpensAt(ServiceDate));
        Assert.Equal(Closes, Window.ClosesAt(ServiceDate));
    }

    [Fact]
    public void The_window_is_open_from_the_instant_it_opens_until_just_before_it_closes()
    {
        Assert.False(Window.IsOpen(ServiceDate, Opens.AddTicks(-1)));
        Assert.True(Window.IsOpen(ServiceDate, Opens));
        Assert.True(Window.IsOpen(ServiceDate, Closes.AddTicks(-1)));
        Assert.False(Window.IsOpen(ServiceDate, Closes));
    }

    [Fact]
    public void The_same_instant_holds_wherever_the_clock_is_read()
    {
        var tijuana = TimeSpan.FromHours(-8);

        Assert.True(Window.IsOpen(ServiceDate, Opens.ToOffset(tijuana)));
        Assert.False(Window.IsOpen(ServiceDate, Closes.ToOffset(tijuana)));
    }

    [Fact]
    public void Dates_to_announce_are_those_whose_window_is_open_or_opens_within_the_lead()
    {
        Assert.Equal([ServiceDate], Window.DatesToAnnounce(Opens, TimeSpan.Zero));
        Assert.Empty(Window.DatesToAnnounce(Opens.AddTicks(-1), TimeSpan.Zero));
        Assert.Equal([ServiceDate], Window.DatesToAnnounce(Opens.AddMinutes(-30), TimeSpan.FromMinutes(30)));
        Assert.Empty(Window.DatesToAnnounce(Opens.AddMinutes(-30).AddTicks(-1), TimeSpan.FromMinutes(30)));
        Assert.Equal([ServiceDate, ServiceDate.AddDays(1)], Window.DatesToAnnounce(Closes.AddTicks(-1), TimeSpan.FromHours(2)));
        Assert.Equal([ServiceDate.AddDays(1)], Window.DatesToAnnounce(Closes, TimeSpan.FromHours(2)));
    }

    public static TheoryData<int, int, int, int> Settings => new()
    {
        // opens before (hours), length (hours), lead (hours), minutes past midnight UTC of "now"
        { 36, 23, 0, 0 },
        { 36, 23, 24, 690 },
        { 36, 36, 0, 1 },
        { 120, 120, 0, 720 },
        { 120, 24, 72, 1439 },
        { 1, 1, 168, 30 },
        { 240, 6, 48, 600 },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Dates_to_announce_are_every_date_that_qualifies_over_a_week_either_side(int opensBefore, int length, int lead, int minutes)
    {
        var window = new RequestWindow(TimeSpan.FromHours(opensBefore), TimeSpan.FromHours(length));
        var leadTime = TimeSpan.FromHours(lead);
        var day = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        for (var now = day; now < day.AddDays(2); now = now.AddMinutes(minutes + 1))
        {
            var qualifying = Enumerable.Range(-30, 61).Select(d => DateOnly.FromDateTime(now.UtcDateTime).AddDays(d))
                .Where(d => window.IsOpen(d, now) || (window.OpensAt(d) > now && window.OpensAt(d) <= now + leadTime));

            Assert.Equal(qualifying, window.DatesToAnnounce(now, leadTime));
        }
    }
}
