using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;
using Puente.Domain.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>Public, no sign-in: anyone can fetch a draw and recompute it.</summary>
public static class DrawsApi
{
    public sealed record DrawSummary(
        DateOnly ServiceDate,
        DrawStatus Status,
        DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt,
        string Commitment,
        int PriorityPercent,
        int Capacity,
        string? EntriesDigest,
        string? ResultsDigest,
        int? Entries,
        int? Persons,
        int? Selected,
        int? SelectedPersons,
        DateTimeOffset? DrawnAt);

    public static RouteGroupBuilder MapDrawsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/draws").WithTags("Draws").AllowAnonymous();
        group.MapGet("/{date}", GetSummary).WithName("GetDraw").WithSummary("A date's draw: commitment, window, digests and counts.");
        group.MapGet("/{date}/bundle", GetBundle).WithName("GetDrawBundle")
            .WithSummary("The draw bundle in the puente-draw/1 format; before the draw, the announcement (and after close the entries) without the secret.");
        return group;
    }

    public static async Task<Results<Ok<DrawSummary>, ProblemHttpResult>> GetSummary(string date, GetDraw getDraw, Problems problems, CancellationToken ct)
    {
        if (IsoDates.Parse(date) is not { } serviceDate)
        {
            return problems.InvalidDate(date);
        }
        return await getDraw.Summary(serviceDate, ct) is { } summary ? TypedResults.Ok(summary) : NoDraw(problems, serviceDate);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetBundle(string date, GetDraw getDraw, Problems problems, CancellationToken ct)
    {
        if (IsoDates.Parse(date) is not { } serviceDate)
        {
            return problems.InvalidDate(date);
        }
        return await getDraw.BundleJson(serviceDate, ct) is { } json
            ? TypedResults.Text(json, "application/json")
            : NoDraw(problems, serviceDate);
    }

    private static ProblemHttpResult NoDraw(Problems problems, DateOnly date) =>
        problems.Result(StatusCodes.Status404NotFound, ProblemCodes.DrawNotFound, IsoDates.Write(date));
}

/// <summary>Reads a draw for the public API, the public page and the CLI.</summary>
public sealed class GetDraw(PuenteDb db, TimeProvider clock, PublishedAnnouncements announcements)
{
    public async Task<DrawsApi.DrawSummary?> Summary(DateOnly serviceDate, CancellationToken ct)
    {
        var day = await db.DrawDays.AsNoTracking().FirstOrDefaultAsync(d => d.ServiceDate == serviceDate, ct);
        if (day is null)
        {
            return null;
        }
        var announcement = announcements.Of(day);
        var drawn = day.Status == DrawStatus.Drawn;
        var closed = clock.GetUtcNow() >= day.ClosesAt;
        var entries = closed && !drawn ? await Entries(serviceDate, ct) : null;
        return new DrawsApi.DrawSummary(
            serviceDate, day.Status, day.OpensAt, day.ClosesAt, announcement.Commitment, announcement.PriorityPercent,
            announcement.Ports.Sum(p => p.Slots.Sum(s => s.Capacity)),
            drawn ? day.EntriesDigest : entries is null ? null : DrawDigests.EntriesDigest(entries),
            day.ResultsDigest,
            drawn ? day.EntryCount : entries?.Count,
            drawn ? day.PersonCount : entries?.Sum(e => e.Size),
            drawn ? day.SelectedCount : null,
            drawn ? day.SelectedPersonCount : null,
            day.DrawnAt);
    }

    public async Task<string?> BundleJson(DateOnly serviceDate, CancellationToken ct)
    {
        var day = await db.DrawDays.AsNoTracking().FirstOrDefaultAsync(d => d.ServiceDate == serviceDate, ct);
        if (day is null)
        {
            return null;
        }
        if (day.Bundle is not null)
        {
            return day.Bundle;
        }
        var announcement = announcements.Of(day);
        if (clock.GetUtcNow() < day.ClosesAt)
        {
            return $$"""{"announcement":{{day.Announcement}}}""";
        }
        // Closed but not yet drawn: the entries are final and public, the secret is not.
        var entries = await Entries(serviceDate, ct);
        return DrawBundleJson.Serialize(new DrawBundle(announcement, entries, DrawDigests.EntriesDigest(entries)));
    }

    private async Task<List<DrawEntry>> Entries(DateOnly serviceDate, CancellationToken ct) =>
        (await db.Requests.AsNoTracking()
            .Where(r => r.ServiceDate == serviceDate && r.Status != RequestStatus.Withdrawn)
            .Select(r => new { r.Ticket, r.RegisteredOn, r.Size, r.Ports })
            .ToListAsync(ct))
        .Select(r => new DrawEntry(r.Ticket, r.RegisteredOn, r.Size, r.Ports.Split(',')))
        .OrderBy(e => e.Ticket, StringComparer.Ordinal)
        .ToList();
}
