using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.Registration;

/// <summary>Deletes accounts whose contact was not verified within a day of registering, with their travellers.</summary>
internal sealed class ExpireUnverifiedAccounts(PuenteDb db, TimeProvider clock)
{
    public async Task<int> Handle(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - ContactVerificationRecord.AccountLifetime;
        var expired = db.ContactVerifications.Where(v => v.AccountCreatedAt <= cutoff).Select(v => v.UserId);
        return await db.Users.Where(u => expired.Contains(u.Id) && !u.EmailConfirmed && !u.PhoneNumberConfirmed).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Runs <see cref="ExpireUnverifiedAccounts"/> hourly; harmless twice or on several instances.</summary>
internal sealed partial class UnverifiedAccountSweep(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> options, ILogger<UnverifiedAccountSweep> logger)
    : RecurringJob(scopes, clock, options, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override async Task RunRound(IServiceProvider services, CancellationToken cancellationToken)
    {
        var deleted = await services.GetRequiredService<ExpireUnverifiedAccounts>().Handle(cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} account(s) whose contact was never verified.")]
    private static partial void LogDeleted(ILogger logger, int count);
}
