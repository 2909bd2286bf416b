using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

using Puente.Api.Tests.Pathways.Appointments;
using Puente.Api.Tests.Pathways.CheckIns;

namespace Puente.Api.Tests.Pathways.Passes;

public sealed class PassesCliTests
{
    [Fact]
    public async Task Keys_rotate_publishes_a_new_key_and_keeps_the_old_one()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(database: database);
        var before = await app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/puente-keys.json", TestContext.Current.CancellationToken);
        var oldKid = before.GetProperty("keys")[0].GetProperty("kid").GetString()!;

        var rotate = await PuenteCli.Invoke(database, "keys", "rotate");

        Assert.True(rotate.ExitCode == 0, rotate.Error);
        Assert.Contains(oldKid, rotate.Output, StringComparison.Ordinal);
        var after = await app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/puente-keys.json", TestContext.Current.CancellationToken);
        Assert.Equal(2, after.GetProperty("keys").GetArrayLength());
    }

    [Fact]
    public async Task Appointments_mark_no_shows_reports_what_it_marked()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(database: database);
        // The CLI runs on the real clock, long after this date.
        await Bookings.Book(app, date: new DateOnly(2020, 1, 6));

        var run = await PuenteCli.Invoke(database, "appointments", "mark-no-shows");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Marked 1 appointment(s)", run.Output, StringComparison.Ordinal);
    }
}
