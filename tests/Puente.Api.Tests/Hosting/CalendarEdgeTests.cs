using System.Net;
using System.Text.Encodings.Web;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Hosting;

/// <summary>
/// Dates at the ends of .NET's calendar, where a period's arithmetic (the day after, the year before) has no answer,
/// are refused as dates outside Puente's calendar (1900-01-01 to 2999-12-31), never answered with a 500.
/// </summary>
public sealed class CalendarEdgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/binational/figures?from=9999-12-01&to=9999-12-31")]
    [InlineData("/api/binational/public-figures?from=0001-01-01&to=0001-01-02")]
    [InlineData("/api/ports/2504/closure-cost?from=0001-01-01&to=0001-01-01")]
    [InlineData("/api/ports/2504/waits?from=9999-12-31")]
    [InlineData("/api/ports/2504/flows?to=9999-12")]
    [InlineData("/api/ports/2504/occupancy/9999-12-31")]
    [InlineData("/api/draws/0001-01-01")]
    [InlineData("/api/protection/statistics?from=0001-01-01&to=0001-01-01")]
    [InlineData("/api/consulates/jurisdiction?county=06037&date=9999-12-31")]
    public async Task A_date_outside_the_calendar_is_a_400_problem_that_gives_the_range(string url)
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");

        var response = await admin.GetAsync(url, Ct);

        await Bookings.AssertProblemDocument(response, 400);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("1900-01", body, StringComparison.Ordinal);
        Assert.Contains("2999-12", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Binational/Public?from=9999-12-01&to=9999-12-31&lang=en", "'9999-12-01' is not a date in the form YYYY-MM-DD between 1900-01-01 and 2999-12-31.")]
    [InlineData("/Ports/2504/Flows?from=0001-01&lang=en", "'0001-01' is not a month in the form YYYY-MM between 1900-01 and 2999-12.")]
    [InlineData("/Consulates?county=06037&date=0001-01-01&lang=en", "'0001-01-01' is not a date in the form YYYY-MM-DD between 1900-01-01 and 2999-12-31.")]
    public async Task A_page_asked_for_a_date_outside_the_calendar_says_which_dates_it_takes(string url, string message)
    {
        await using var app = new PuenteApp();

        var response = await app.CreateClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(HtmlEncoder.Default.Encode(message), await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
