using Microsoft.EntityFrameworkCore;
using Puente.Domain.Protection.Cases;
using Puente.Web.Database;
using Puente.Web.Protection.Privacy;

namespace Puente.Web.Protection.Cases;

/// <summary>
/// Search first, no browse-all: a caseworker's own cases, the unassigned ones of their consulate,
/// the overdue ones, or one case by number or by name. Every list shows what a summary may show only.
/// </summary>
internal sealed class FindCases(PuenteDb db, CaseSeal seal, TimeProvider clock)
{
    public const int Limit = 200;

    public enum Queue
    {
        Mine,
        Unassigned,
        Overdue,
    }

    public sealed record Summary(Guid Id, string Number, string Consulate, CaseCategory Category, CaseUrgency Urgency, CaseStatus Status,
        string Initials, DateTimeOffset OpenedAt, DateTimeOffset FirstContactDueAt, bool Overdue, int Version);

    public async Task<List<Summary>> InQueue(Queue queue, CaseActor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var cases = actor.Scope(db.ProtectionCases.AsNoTracking());
        cases = queue switch
        {
            Queue.Mine => cases.Where(c => c.AssignedToUserId == actor.UserId && c.Status != CaseStatus.Closed),
            Queue.Unassigned => cases.Where(c => c.AssignedToUserId == null && c.Status == CaseStatus.New),
            _ => cases.Where(c => c.FirstContactAt == null && c.FirstContactDueAt < now
                                  && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed),
        };
        return await Summaries(cases, now, cancellationToken);
    }

    /// <summary>One case's summary, within the actor's scope.</summary>
    public async Task<Summary?> One(Guid id, CaseActor actor, CancellationToken cancellationToken = default) =>
        (await Summaries(actor.Scope(db.ProtectionCases.AsNoTracking()).Where(c => c.Id == id), clock.GetUtcNow(), cancellationToken)).FirstOrDefault();

    /// <summary>By case number, or by name (null when the name has no word of three letters).</summary>
    public async Task<List<Summary>?> Search(string? number, string? name, CaseActor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var cases = actor.Scope(db.ProtectionCases.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(number))
        {
            var wanted = number.Trim().ToUpperInvariant();
            return await Summaries(cases.Where(c => c.Number == wanted), now, cancellationToken);
        }
        if (PersonNames.QueryTerms(name ?? "") is not { } terms)
        {
            return null;
        }
        foreach (var term in seal.QueryTerms(terms))
        {
            // Every word asked for must be among the case's indexed name prefixes.
            cases = cases.Where(c => db.CaseNameTerms.Any(t => t.CaseId == c.Id && t.Term == term));
        }
        return await Summaries(cases, now, cancellationToken);
    }

    private static async Task<List<Summary>> Summaries(IQueryable<ProtectionCaseRecord> cases, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await cases
            .Select(c => new { c.Id, c.Number, c.ConsulateCode, c.Category, c.Urgency, c.Status, c.Initials, c.OpenedAt, c.FirstContactDueAt, c.FirstContactAt, c.Version })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(c => c.Urgency).ThenBy(c => c.FirstContactDueAt)
            .Take(Limit)
            .Select(c => new Summary(c.Id, c.Number, c.ConsulateCode, c.Category, c.Urgency, c.Status, c.Initials, c.OpenedAt, c.FirstContactDueAt,
                CaseDeadlines.IsOverdue(c.Status, c.FirstContactDueAt, c.FirstContactAt, now), c.Version))];
    }
}
