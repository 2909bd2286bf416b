using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Audit;

/// <summary>
/// Once a day (UTC) the chain's head is published as a checkpoint: anyone who kept a copy can later
/// prove that the log up to it was not rewritten, even by someone able to rewrite every hash after it.
/// </summary>
internal sealed class PublishAuditHead(PuenteDb db, TimeProvider clock)
{
    public sealed record Checkpoint(DateOnly Day, long Sequence, string Hash, DateTimeOffset PublishedAt);

    /// <summary>Publishes yesterday's head if it is not yet published; returns it either way.</summary>
    public async Task<Checkpoint> Handle(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        if (await Find(day, cancellationToken) is { } existing)
        {
            return existing;
        }
        var head = await db.AuditHead.AsNoTracking().SingleAsync(cancellationToken);
        db.AuditCheckpoints.Add(new AuditCheckpointRecord { Day = day, Sequence = head.Sequence, Hash = head.Hash, PublishedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance published the same day first: its checkpoint stands.
            db.ChangeTracker.Clear();
        }
        return (await Find(day, cancellationToken))!;
    }

    public async Task<List<Checkpoint>> List(int days, CancellationToken cancellationToken = default) =>
        await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Day).Take(days)
            .Select(c => new Checkpoint(c.Day, c.Sequence, c.Hash, c.PublishedAt)).ToListAsync(cancellationToken);

    private Task<Checkpoint?> Find(DateOnly day, CancellationToken cancellationToken) =>
        db.AuditCheckpoints.AsNoTracking().Where(c => c.Day == day)
            .Select(c => new Checkpoint(c.Day, c.Sequence, c.Hash, c.PublishedAt)).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>Publishes the previous day's head; hourly, so a missed midnight is caught up soon after.</summary>
internal sealed class AuditHeadPublisher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> options, ILogger<AuditHeadPublisher> logger)
    : RecurringJob(scopes, clock, options, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override Task RunRound(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PublishAuditHead>().Handle(cancellationToken);
}
