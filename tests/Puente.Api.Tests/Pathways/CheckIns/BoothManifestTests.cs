using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Web.Database;
using Puente.Web.Pathways.CheckIns;
using Puente.Web.Pathways.Registration;
using SkiaSharp;

namespace Puente.Api.Tests.Pathways.CheckIns;

/// <summary>
/// The manifest an offline booth keeps: today's live passes at the officer's ports with each group as
/// registered, nothing else; never cached; every download in the audit log under the officer's name.
/// </summary>
public sealed class BoothManifestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_officer_downloads_todays_live_passes_at_their_ports_and_the_download_is_audited()
    {
        await using var app = new PuenteApp();
        var booked = await Bookings.Book(app, slot: "08:00");
        var checkedIn = await Bookings.Book(app, slot: "09:00", status: AppointmentStatus.CheckedIn,
            travellers: [new("Rosa Elena", "Ortiz", new DateOnly(1985, 10, 2))]);
        var cancelled = await Bookings.Book(app, slot: "10:00", status: AppointmentStatus.Cancelled,
            travellers: [new("Wilner", "Joseph", new DateOnly(1979, 1, 30))]);
        var replaced = await Bookings.Book(app, slot: "11:00", travellers: [new("Yuleisy", "Castillo", new DateOnly(1993, 4, 11))]);
        await Bookings.Book(app, port: "2503", travellers: [new("Luis Ángel", "Mendoza", new DateOnly(1988, 3, 15))]);
        await Bookings.Book(app, date: Bookings.Today.AddDays(1), travellers: [new("Kervens", "Saint-Fleur", new DateOnly(1990, 8, 17))]);
        await RevokePass(app, replaced);
        var photographed = await AddPhoto(app, booked);

        var response = await (await app.ClientFor(Bookings.Officer)).GetAsync("/api/checkins/manifest", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a manifest of personal data is never cached");
        var port = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        Assert.Equal("2504", port.GetProperty("port").GetString());
        Assert.Equal("2026-11-29", port.GetProperty("serviceDate").GetString());
        // Midnight in San Ysidro (UTC-8 in November): the device deletes the manifest then.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), port.GetProperty("expiresAt").GetDateTimeOffset());
        var passes = port.GetProperty("passes").EnumerateArray().ToList();
        Assert.Equal([await PassId(app, booked), await PassId(app, checkedIn)], passes.Select(p => p.GetProperty("passId").GetString()));
        Assert.Equal(["booked", "checkedIn"], passes.Select(p => p.GetProperty("status").GetString()));
        var family = passes[0].GetProperty("travellers").EnumerateArray().ToList();
        Assert.Equal(["María José García López", "Juan García"],
            family.Select(t => $"{t.GetProperty("person").GetProperty("givenNames").GetString()} {t.GetProperty("person").GetProperty("familyNames").GetString()}"));
        Assert.Equal("1988-03-14", family[0].GetProperty("person").GetProperty("birthDate").GetString());

        // The photo travels as a small JPEG; a traveller without one has none.
        Assert.Equal(photographed, family[0].GetProperty("person").GetProperty("travellerId").GetGuid());
        using (var thumbnail = SKBitmap.Decode(Convert.FromBase64String(family[0].GetProperty("photo").GetString()!)))
        {
            Assert.True(Math.Max(thumbnail.Width, thumbnail.Height) <= TravellerPhotos.ThumbnailSide);
        }
        Assert.Equal(JsonValueKind.Null, family[1].GetProperty("photo").ValueKind);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var officerId = await db.Users.Where(u => u.Email == Bookings.Officer).Select(u => u.Id).SingleAsync(Ct);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == DownloadManifest.AuditAction, Ct);
        Assert.Equal((officerId, "port", "2504"), (entry.Actor, entry.EntityType, entry.EntityId));
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(2, after.RootElement.GetProperty("passes").GetInt32());
        Assert.Equal(3, after.RootElement.GetProperty("travellers").GetInt32());
        Assert.Equal(1, after.RootElement.GetProperty("photos").GetInt32());
    }

    [Fact]
    public async Task An_applicant_cannot_download_a_manifest()
    {
        await using var app = new PuenteApp();
        await Bookings.Book(app);

        var response = await (await app.ClientFor(Bookings.Applicant)).GetAsync("/api/checkins/manifest", Ct);

        await Bookings.AssertProblem(response, 403);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PuenteDb>().AuditEntries.AnyAsync(e => e.Action == DownloadManifest.AuditAction, Ct));
    }

    private static async Task<string> PassId(PuenteApp app, Guid appointmentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().Passes
            .Where(p => p.AppointmentId == appointmentId && p.RevokedAt == null).Select(p => p.PassId).SingleAsync(Ct);
    }

    /// <summary>What a closure does to the pass of an appointment it moves.</summary>
    private static async Task RevokePass(PuenteApp app, Guid appointmentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PuenteDb>().Passes.Where(p => p.AppointmentId == appointmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAt, app.Clock.GetUtcNow()), Ct);
    }

    /// <summary>A 640×480 photo of the group's first traveller, stored the way registration stores it.</summary>
    private static async Task<Guid> AddPhoto(PuenteApp app, Guid appointmentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var requestId = await db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.RequestId).SingleAsync(Ct);
        var travellerId = await db.RequestTravellers.Where(rt => rt.RequestId == requestId)
            .Join(db.Travellers.Where(t => t.IsApplicant), rt => rt.TravellerId, t => t.Id, (_, t) => t.Id).SingleAsync(Ct);
        using var bitmap = new SKBitmap(640, 480);
        bitmap.Erase(new SKColor(120, 90, 60));
        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        var stored = TravellerPhotos.Reencode(jpeg.ToArray())!;
        db.TravellerPhotos.Add(new TravellerPhotoRecord
        {
            TravellerId = travellerId, Protected = scope.ServiceProvider.GetRequiredService<TravellerPhotos>().Protect(stored), TakenAt = app.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(Ct);
        return travellerId;
    }
}
