using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Accounts;

/// <summary>Failed sign-ins of one account name from one client address; in the database, so every instance agrees.</summary>
internal sealed class SignInFailureRecord
{
    /// <summary>SHA-256 of address and account name: neither is kept in the clear.</summary>
    public required string Key { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
}

internal sealed class SignInFailureRecordConfiguration : IEntityTypeConfiguration<SignInFailureRecord>
{
    public void Configure(EntityTypeBuilder<SignInFailureRecord> failure)
    {
        failure.ToTable("sign_in_failures");
        failure.HasKey(f => f.Key);
        failure.Property(f => f.Key).HasMaxLength(64);
        failure.HasIndex(f => f.LastFailureAt);
    }
}

/// <summary>
/// Slows password guessing per (client address, account name) instead of locking the account for
/// everyone: <see cref="FreeFailures"/> wrong passwords cost nothing, then each one closes the pair
/// for twice as long as the last (5 s, 10 s, 20 s … at most <see cref="LongestWait"/>). A wrong
/// password from one address never stops the owner signing in from another, and an unknown account
/// name is slowed exactly like a known one.
/// </summary>
internal sealed class SignInThrottle(PuenteDb db, TimeProvider clock)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>A pair left alone this long starts again from nothing.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>How long the pair must still wait; null when it may try now.</summary>
    public async Task<TimeSpan?> Wait(IPAddress? address, string account, CancellationToken cancellationToken)
    {
        var until = await db.Set<SignInFailureRecord>().AsNoTracking()
            .Where(f => f.Key == Key(address, account)).Select(f => f.BlockedUntil).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return until > now ? until - now : null;
    }

    public async Task Failed(IPAddress? address, string account, CancellationToken cancellationToken)
    {
        var key = Key(address, account);
        var now = clock.GetUtcNow();
        var failure = await db.Set<SignInFailureRecord>().FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
        if (failure is null)
        {
            failure = new SignInFailureRecord { Key = key };
            db.Add(failure);
        }
        else if (now - failure.LastFailureAt > Memory)
        {
            failure.Failures = 0;
        }
        failure.Failures++;
        failure.LastFailureAt = now;
        failure.BlockedUntil = failure.Failures >= FreeFailures ? now + WaitAfter(failure.Failures) : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance recorded a failure of the same pair at the same moment; one of them counts.
            db.ChangeTracker.Clear();
        }
    }

    public Task Succeeded(IPAddress? address, string account, CancellationToken cancellationToken) =>
        db.Set<SignInFailureRecord>().Where(f => f.Key == Key(address, account)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Pairs nobody has tried for longer than <see cref="Memory"/> are forgotten.</summary>
    public Task<int> Forget(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - Memory;
        return db.Set<SignInFailureRecord>().Where(f => f.LastFailureAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    public static TimeSpan WaitAfter(int failures)
    {
        var doublings = Math.Min(failures - FreeFailures, 16);
        var wait = FirstWait * Math.Pow(2, doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    private static string Key(IPAddress? address, string account) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{address?.MapToIPv6().ToString() ?? "unknown"}|{account.Trim().ToLowerInvariant()}")));
}

/// <summary>Runs <see cref="SignInThrottle.Forget"/> hourly; harmless twice or on several instances.</summary>
internal sealed class SignInFailureSweep(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> options, ILogger<SignInFailureSweep> logger)
    : RecurringJob(scopes, clock, options, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override Task RunRound(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SignInThrottle>().Forget(cancellationToken);
}
