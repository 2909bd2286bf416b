using Puente.Domain.Ports;

namespace Puente.Domain.Tests.Ports;

public sealed class PortCalendarTests
{
    private const string Tijuana = "America/Tijuana";
    private const string Phoenix = "America/Phoenix";

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Today_at_a_port_turns_at_its_local_midnight_in_winter()
    {
        Assert.Equal(new DateOnly(2026, 11, 29), PortCalendar.Today(Utc(2026, 11, 30, 7, 59), Tijuana));
        Assert.Equal(new DateOnly(2026, 11, 30), PortCalendar.Today(Utc(2026, 11, 30, 8, 0), Tijuana));
    }

    [Fact]
    public void Today_at_a_port_with_daylight_saving_turns_an_hour_earlier_in_summer()
    {
        Assert.Equal(new DateOnly(2026, 7, 14), PortCalendar.Today(Utc(2026, 7, 15, 6, 59), Tijuana));
        Assert.Equal(new DateOnly(2026, 7, 15), PortCalendar.Today(Utc(2026, 7, 15, 7, 0), Tijuana));
    }

    [Fact]
    public void The_first_midnight_after_spring_forward_comes_at_the_summer_offset()
    {
        // Tijuana springs forward on 8 March 2026; the night that follows ends at 07:00 UTC.
        Assert.Equal(new DateOnly(2026, 3, 8), PortCalendar.Today(Utc(2026, 3, 9, 6, 59), Tijuana));
        Assert.Equal(new DateOnly(2026, 3, 9), PortCalendar.Today(Utc(2026, 3, 9, 7, 0), Tijuana));
    }

    [Fact]
    public void The_first_midnight_after_fall_back_comes_at_the_winter_offset()
    {
        // Tijuana falls back on 1 November 2026; that day lasts 25 hours and ends at 08:00 UTC.
        Assert.Equal(new DateOnly(2026, 11, 1), PortCalendar.Today(Utc(2026, 11, 2, 7, 59), Tijuana));
        Assert.Equal(new DateOnly(2026, 11, 2), PortCalendar.Today(Utc(2026, 11, 2, 8, 0), Tijuana));
    }

    [Fact]
    public void A_port_without_daylight_saving_turns_at_the_same_instant_all_year()
    {
        Assert.Equal(new DateOnly(2026, 1, 14), PortCalendar.Today(Utc(2026, 1, 15, 6, 59), Phoenix));
        Assert.Equal(new DateOnly(2026, 1, 15), PortCalendar.Today(Utc(2026, 1, 15, 7, 0), Phoenix));
        Assert.Equal(new DateOnly(2026, 7, 14), PortCalendar.Today(Utc(2026, 7, 15, 6, 59), Phoenix));
        Assert.Equal(new DateOnly(2026, 7, 15), PortCalendar.Today(Utc(2026, 7, 15, 7, 0), Phoenix));
    }

    [Fact]
    public void A_slot_starts_at_its_local_time_with_the_offset_of_its_own_date()
    {
        Assert.Equal(Utc(2026, 12, 2, 16, 0), PortCalendar.SlotStartsAt(new DateOnly(2026, 12, 2), new TimeOnly(8, 0), Tijuana));
        Assert.Equal(Utc(2026, 3, 7, 16, 0), PortCalendar.SlotStartsAt(new DateOnly(2026, 3, 7), new TimeOnly(8, 0), Tijuana));
        Assert.Equal(Utc(2026, 3, 8, 15, 0), PortCalendar.SlotStartsAt(new DateOnly(2026, 3, 8), new TimeOnly(8, 0), Tijuana));
        Assert.Equal(Utc(2026, 11, 1, 16, 0), PortCalendar.SlotStartsAt(new DateOnly(2026, 11, 1), new TimeOnly(8, 0), Tijuana));
    }

    [Fact]
    public void A_slot_in_the_hour_that_falls_back_twice_counts_as_standard_time()
    {
        Assert.Equal(Utc(2026, 11, 1, 9, 30), PortCalendar.SlotStartsAt(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), Tijuana));
    }

    [Fact]
    public void A_slot_in_the_hour_skipped_by_spring_forward_does_not_exist()
    {
        Assert.Throws<ArgumentException>(() => PortCalendar.SlotStartsAt(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), Tijuana));
    }

    [Fact]
    public void A_slot_at_a_port_without_daylight_saving_keeps_one_offset_all_year()
    {
        Assert.Equal(Utc(2026, 3, 8, 15, 0), PortCalendar.SlotStartsAt(new DateOnly(2026, 3, 8), new TimeOnly(8, 0), Phoenix));
        Assert.Equal(Utc(2026, 7, 15, 15, 0), PortCalendar.SlotStartsAt(new DateOnly(2026, 7, 15), new TimeOnly(8, 0), Phoenix));
        Assert.Equal(Utc(2026, 11, 1, 9, 30), PortCalendar.SlotStartsAt(new DateOnly(2026, 11, 1), new TimeOnly(2, 30), Phoenix));
    }
}
