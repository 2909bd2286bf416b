using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Puente.Web;
using Puente.Web.Hosting;

namespace Puente.Api.Tests.Hosting;

/// <summary>The one formatter every page uses for the instants a person reads: the port's wall clock, in the reader's words.</summary>
public sealed class LocalTimesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static LocalTimes Times(FakeTimeProvider? clock = null)
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new LocalTimes(new StringLocalizer<SharedResource>(factory), clock ?? new FakeTimeProvider(Now));
    }

    private static T In<T>(string language, Func<T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Theory]
    [InlineData("es", "lunes 30 de noviembre, 5:00 a. m., hora del Pacífico")]
    [InlineData("en", "Monday, November 30, 5:00 AM Pacific Time")]
    [InlineData("ht", "lendi 30 novanm, 5:00 a.m., lè Pasifik")]
    public void An_instant_reads_as_the_ports_wall_clock_with_the_zones_common_name(string language, string expected)
    {
        var at = new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, In(language, () => Times().Moment(at, "America/Los_Angeles")));
    }

    [Theory]
    [InlineData("es", "dentro de 3 horas", "dentro de 25 minutos", "dentro de 3 días", "ya pasó")]
    [InlineData("en", "in 3 hours", "in 25 minutes", "in 3 days", "already passed")]
    [InlineData("ht", "nan 3 èdtan", "nan 25 minit", "nan 3 jou", "sa fin pase")]
    public void How_far_away_an_instant_is_reads_in_the_readers_language(string language, string hours, string minutes, string days, string passed)
    {
        var times = Times();

        Assert.Equal(hours, In(language, () => times.Relative(Now.AddHours(3))));
        Assert.Equal(minutes, In(language, () => times.Relative(Now.AddMinutes(24).AddSeconds(30))));
        Assert.Equal(days, In(language, () => times.Relative(Now.AddDays(3))));
        Assert.Equal(passed, In(language, () => times.Relative(Now.AddMinutes(-1))));
    }

    [Fact]
    public void Arizona_keeps_standard_time_in_summer_while_denver_moves_an_hour()
    {
        var summer = new DateTimeOffset(2026, 7, 1, 15, 0, 0, TimeSpan.Zero);
        var times = Times();

        Assert.Equal("Wednesday, July 1, 8:00 AM Arizona Time", In("en", () => times.Moment(summer, "America/Phoenix")));
        Assert.Equal("Wednesday, July 1, 9:00 AM Mountain Time", In("en", () => times.Moment(summer, "America/Denver")));
        Assert.Equal("miércoles 1 de julio, 8:00 a. m., hora de Arizona", In("es", () => times.Moment(summer, "America/Phoenix")));
    }

    [Fact]
    public void One_instant_for_several_ports_names_each_zone_west_to_east_and_the_day_only_where_it_differs()
    {
        var at = new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero);

        var text = In("en", () => Times().MomentInZones(at, ["America/Chicago", "America/Los_Angeles", "America/Denver", "America/Phoenix", "America/Chicago"]));

        Assert.Equal("Monday, November 30, 11:30 PM Pacific Time (that is: Tuesday, December 1, 12:30 AM Mountain Time / Arizona Time; Tuesday, December 1, 1:30 AM Central Time)", text);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    [InlineData("ht")]
    public void No_zone_reads_as_a_raw_iana_id_even_one_without_a_name_yet(string language)
    {
        var text = In(language, () => Times().Moment(Now, "America/Anchorage"));

        Assert.DoesNotContain("America/", text, StringComparison.Ordinal);
        Assert.Contains("UTC−9:00", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "4 de marzo de 1990", "12:00 p. m.")]
    [InlineData("en", "March 4, 1990", "12:00 PM")]
    [InlineData("ht", "4 mas 1990", "12:00 p.m.")]
    public void Dates_and_slot_clocks_read_in_the_readers_format(string language, string date, string noon)
    {
        var times = Times();

        Assert.Equal(date, In(language, () => times.Date(new DateOnly(1990, 3, 4))));
        Assert.Equal(noon, In(language, () => times.Clock("12:00")));
    }
}
