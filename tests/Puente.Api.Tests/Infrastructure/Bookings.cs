using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Domain.Ports;
using Puente.Web.Database;
using Puente.Web.Accounts;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Passes;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

using Puente.Api.Tests.Pathways.Appointments;
using Puente.Api.Tests.Pathways.CheckIns;
using Puente.Api.Tests.Pathways.Passes;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>Appointments written straight to the database, as the draw would leave them.</summary>
internal static class Bookings
{
    public const string Applicant = "applicant@puente.test";
    public const string Officer = "officer.sanysidro@puente.test";

    /// <summary>The default clock (2026-11-29 15:00 UTC) is 07:00 that day in San Ysidro.</summary>
    public static readonly DateOnly Today = new(2026, 11, 29);

    public sealed record Traveller(string GivenNames, string FamilyNames, DateOnly BirthDate);

    public static readonly Traveller[] Family =
    [
        new("María José", "García López", new DateOnly(1988, 3, 14)),
        new("Juan", "García", new DateOnly(2015, 7, 1)),
    ];

    public static async Task<Guid> Book(
        PuenteApp app, DateOnly? date = null, string port = "2504", string slot = "08:00", string email = Applicant,
        AppointmentStatus status = AppointmentStatus.Booked, Traveller[]? travellers = null)
    {
        travellers ??= Family;
        var serviceDate = date ?? Today;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PuenteUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"no user {email}");
        if (!await db.Applicants.AnyAsync(a => a.UserId == user.Id))
        {
            db.Applicants.Add(new ApplicantRecord { UserId = user.Id, RegisteredOn = serviceDate.AddDays(-30), RegisteredAt = app.Clock.GetUtcNow().AddDays(-30) });
        }
        var request = new AppointmentRequestRecord
        {
            Id = Guid.NewGuid(),
            ServiceDate = serviceDate,
            ApplicantUserId = user.Id,
            Ticket = "T-" + Guid.NewGuid().ToString("N")[..10],
            RegisteredOn = serviceDate.AddDays(-30),
            Size = travellers.Length,
            Ports = port,
            Status = RequestStatus.Selected,
            SubmittedAt = app.Clock.GetUtcNow().AddDays(-2),
        };
        foreach (var (t, i) in travellers.Select((t, i) => (t, i)))
        {
            var id = Guid.NewGuid();
            var traveller = new TravellerRecord
            {
                Id = id,
                ApplicantUserId = user.Id,
                IsApplicant = i == 0,
                GivenNames = t.GivenNames,
                FamilyNames = t.FamilyNames,
                BirthDate = t.BirthDate,
                Nationality = "HTI",
                NamesKey = PersonIdentity.NamesKey(t.GivenNames, t.FamilyNames, t.BirthDate),
                EntryKey = PersonIdentity.EntryKey(null, id),
            };
            db.Travellers.Add(traveller);
            request.Travellers.Add(new RequestTravellerRecord
            {
                RequestId = request.Id, TravellerId = traveller.Id, ServiceDate = serviceDate, EntryKey = traveller.EntryKey, NamesKey = traveller.NamesKey,
            });
        }
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        var zone = await db.Ports.Where(p => p.Code == port).Select(p => p.TimeZone).SingleAsync();
        var appointment = new AppointmentRecord
        {
            Id = Guid.NewGuid(),
            RequestId = request.Id,
            ApplicantUserId = user.Id,
            Ticket = request.Ticket,
            ServiceDate = serviceDate,
            PortCode = port,
            SlotStart = slot,
            SlotStartsAt = PortCalendar.SlotStartsAt(serviceDate, SlotTime.Parse(slot), zone),
            Phase = 1,
            GroupSize = travellers.Length,
            Status = status,
        };
        // Booked as the draw books: in one transaction, the pass signed and stored with the appointment.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IssuePasses>().Handle([appointment]);
        await transaction.CommitAsync();
        return appointment.Id;
    }

    public static async Task<JsonElement> Pass(HttpClient applicant, Guid appointmentId)
    {
        var response = await applicant.GetAsync($"/api/appointments/{appointmentId}/pass", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static async Task<string> Token(PuenteApp app, Guid appointmentId) =>
        (await Pass(await app.ClientFor(Applicant), appointmentId)).GetProperty("token").GetString()!;

    public static Task<HttpResponseMessage> CheckIn(HttpClient officer, string token, string path = "/api/checkins") =>
        officer.PostAsJsonAsync(path, new { pass = token }, TestContext.Current.CancellationToken);

    public static async Task<string> AddUser(PuenteApp app, string email, string role, params string[] ports)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AddUser>().Handle(
            new AddUser.Command(email, role, PuenteApp.DemoPassword, ports.Length > 0 ? ports : null));
        return Assert.IsType<AddUser.Added>(outcome).UserId;
    }

    public static async Task<AppointmentRecord> Read(PuenteApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().Appointments.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>The response is an RFC 9457 problem with this status; returns its detail.</summary>
    public static async Task<string> AssertProblem(HttpResponseMessage response, int status) =>
        (await AssertProblemDocument(response, status)).TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";

    public static async Task<JsonElement> AssertProblemDocument(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
