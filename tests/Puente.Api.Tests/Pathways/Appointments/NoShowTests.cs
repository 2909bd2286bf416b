using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;
using Puente.Web.Pathways.Appointments;

using Puente.Api.Tests.Pathways.CheckIns;
using Puente.Api.Tests.Pathways.Passes;

namespace Puente.Api.Tests.Pathways.Appointments;

public sealed class NoShowTests
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    private static async Task<int> Sweep(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MarkNoShows>().Handle(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_no_show_sweep_marks_yesterdays_booked_appointments_and_nothing_else()
    {
        await using var app = new PuenteApp();
        var yesterday = await Bookings.Book(app, date: Bookings.Today.AddDays(-1));
        var yesterdayUsed = await Bookings.Book(app, date: Bookings.Today.AddDays(-1), status: AppointmentStatus.CheckedIn);
        var yesterdayCancelled = await Bookings.Book(app, date: Bookings.Today.AddDays(-1), status: AppointmentStatus.Cancelled);
        var today = await Bookings.Book(app);

        Assert.Equal(1, await Sweep(app));

        Assert.Equal(AppointmentStatus.NoShow, (await Bookings.Read(app, yesterday)).Status);
        Assert.Equal(AppointmentStatus.CheckedIn, (await Bookings.Read(app, yesterdayUsed)).Status);
        Assert.Equal(AppointmentStatus.Cancelled, (await Bookings.Read(app, yesterdayCancelled)).Status);
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, today)).Status);
        Assert.Equal(0, await Sweep(app));
    }

    [Fact]
    public async Task A_day_is_over_only_when_it_is_over_in_the_ports_zone()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 59, 0, TimeSpan.Zero)); // 23:59 on the 29th in San Ysidro

        Assert.Equal(0, await Sweep(app));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Sweep(app));
        Assert.Equal(AppointmentStatus.NoShow, (await Bookings.Read(app, id)).Status);
    }

    [Fact]
    public async Task Left_to_itself_the_sweep_marks_booked_appointments_once_their_day_is_over_and_leaves_checked_in_ones()
    {
        // A sweep every minute of the test's clock: the rest of today is more minutes than a wait steps through.
        await using var app = new PuenteApp(settings: new Dictionary<string, string?>
        {
            ["BackgroundJobs:Enabled"] = "true",
            ["BackgroundJobs:NoShowSweepMinutes"] = "1",
        });
        var yesterday = await Bookings.Book(app, date: Bookings.Today.AddDays(-1));
        var booked = await Bookings.Book(app);
        var checkedIn = await Bookings.Book(app, status: AppointmentStatus.CheckedIn);

        await app.AdvanceUntil(OneMinute, async () => (await Bookings.Read(app, yesterday)).Status == AppointmentStatus.NoShow,
            "yesterday's booked appointment to become a no-show");
        Assert.Equal(AppointmentStatus.Booked, (await Bookings.Read(app, booked)).Status);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero)); // midnight in San Ysidro
        await app.AdvanceUntil(OneMinute, async () => (await Bookings.Read(app, booked)).Status == AppointmentStatus.NoShow,
            "today's booked appointment to become a no-show once the day is over");
        Assert.Equal(AppointmentStatus.CheckedIn, (await Bookings.Read(app, checkedIn)).Status);
    }

    [Fact]
    public async Task A_no_show_cannot_be_checked_in_or_cancelled()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app, date: Bookings.Today.AddDays(-1));
        await Sweep(app);

        var cancel = await (await app.ClientFor(Bookings.Applicant)).PostAsync($"/api/appointments/{id}/cancel", null, TestContext.Current.CancellationToken);

        Assert.Equal("La cita se marcó como no presentada.", await Bookings.AssertProblem(cancel, 409));
    }

    [Fact]
    public async Task A_no_show_pass_presented_at_the_port_is_refused_and_stays_a_no_show()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        // The sweep marks only days that are over, when a pass for them is already refused for its
        // date; a no-show on its own day is set directly, to reach the status check itself.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PuenteDb>().Appointments.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AppointmentStatus.NoShow), TestContext.Current.CancellationToken);
        }
        var officer = await app.ClientFor(Bookings.Officer);

        foreach (var path in new[] { "/api/checkins/verify", "/api/checkins" })
        {
            var problem = await Bookings.AssertProblemDocument(await Bookings.CheckIn(officer, token, path), 409);
            Assert.Equal("La cita no está reservada", problem.GetProperty("title").GetString());
            Assert.Equal("La cita se marcó como no presentada.", problem.GetProperty("detail").GetString());
        }

        var stored = await Bookings.Read(app, id);
        Assert.Equal(AppointmentStatus.NoShow, stored.Status);
        Assert.Null(stored.CheckedInAt);
        Assert.Null(stored.CheckedInBy);
    }
}
