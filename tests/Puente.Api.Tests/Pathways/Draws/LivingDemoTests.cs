using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Web.Database;

namespace Puente.Api.Tests.Pathways.Draws;

public sealed class LivingDemoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_demo_is_a_living_day_with_todays_draw_a_family_with_a_pass_and_a_port_checking_people_in()
    {
        // 15:00 UTC is 07:00 in San Ysidro: the same day at every port.
        await using var app = new PuenteApp(settings: new Dictionary<string, string?> { ["Demo:SimulatedApplicants"] = "60" });
        await app.MigrateAsync();

        var draw = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/draws/2026-11-29", Ct);
        Assert.Equal("drawn", draw.GetProperty("status").GetString());

        var applicant = await app.ClientFor(Bookings.Applicant);
        var me = await applicant.GetFromJsonAsync<JsonElement>("/api/applicants/me", Ct);
        Assert.Equal(2, me.GetProperty("travellers").GetArrayLength());
        var appointments = await applicant.GetFromJsonAsync<JsonElement>("/api/appointments", Ct);
        var today = Assert.Single(appointments.EnumerateArray());
        Assert.Equal("2504", today.GetProperty("port").GetString());
        Assert.Equal("2026-11-29", today.GetProperty("serviceDate").GetString());
        Assert.Equal("booked", today.GetProperty("status").GetString());
        var pass = await Bookings.Pass(applicant, today.GetProperty("id").GetGuid());
        Assert.Equal(2, pass.GetProperty("groupSize").GetInt32());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var sanYsidro = await db.Appointments.Where(a => a.PortCode == "2504" && a.ServiceDate == Bookings.Today).Select(a => a.Status).ToListAsync(Ct);
        Assert.Contains(AppointmentStatus.CheckedIn, sanYsidro);
        Assert.True(sanYsidro.Count(s => s == AppointmentStatus.Booked) >= 2, string.Join(", ", sanYsidro));
        Assert.DoesNotContain(AppointmentStatus.NoShow, await db.Appointments.Select(a => a.Status).ToListAsync(Ct));

        // The officer can check a waiting group in right away.
        var waiting = await db.Appointments
            .Where(a => a.PortCode == "2504" && a.ServiceDate == Bookings.Today && a.Status == AppointmentStatus.Booked && a.Id != today.GetProperty("id").GetGuid())
            .Join(db.Passes.Where(p => p.RevokedAt == null), a => a.Id, p => p.AppointmentId, (a, p) => p.Token)
            .FirstAsync(Ct);
        var checkIn = await Bookings.CheckIn(await app.ClientFor(Bookings.Officer), waiting);
        Assert.True(checkIn.IsSuccessStatusCode, await checkIn.Content.ReadAsStringAsync(Ct));

        // Started again the same day, the demo adds no second draw and no second family.
        await scope.ServiceProvider.GetRequiredService<Puente.Web.Demo.StartDemoDay>().Handle(Ct);
        Assert.Equal(1, await db.DrawDays.CountAsync(Ct));
        Assert.Equal(2, (await applicant.GetFromJsonAsync<JsonElement>("/api/applicants/me", Ct)).GetProperty("travellers").GetArrayLength());
    }
}
