using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Puente.Web.Hosting;

/// <summary>Bound from the <c>BackgroundJobs</c> section: whether this instance runs the recurring jobs, and how often.</summary>
internal sealed class BackgroundJobsOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>Off in tests, and on instances that leave the jobs to others (every job is safe to run on several).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often dates due are announced and closed windows drawn.</summary>
    [Range(1, 3600)]
    public int DrawSchedulerSeconds { get; set; } = 60;

    /// <summary>How often booked appointments whose slot has passed become no-shows.</summary>
    [Range(1, 24 * 60)]
    public int NoShowSweepMinutes { get; set; } = 15;

    /// <summary>How often planned closures whose first or last date has come change their lane's status.</summary>
    [Range(1, 24 * 60)]
    public int PlannedClosuresMinutes { get; set; } = 5;

    /// <summary>How often the briefing's policy scenarios are brought up to date (recomputed only when their inputs changed).</summary>
    [Range(1, 7 * 24 * 60)]
    public int ScenariosMinutes { get; set; } = 60;

    /// <summary>How often the outbox is delivered.</summary>
    [Range(1, 3600)]
    public int OutboxPollSeconds { get; set; } = 10;
}

/// <summary>
/// The one loop every recurring job runs: a round in its own scope, then a wait on the injected clock.
/// A failed round is logged and the next one tries again, so a database or mail blip never stops a job for good.
/// </summary>
internal abstract partial class RecurringJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> options, ILogger logger)
    : BackgroundService
{
    protected BackgroundJobsOptions Options => options.Value;

    protected TimeProvider Clock => clock;

    /// <summary>For a job whose round does several units of work, each in a scope of its own.</summary>
    protected IServiceScopeFactory Scopes => scopes;

    /// <summary>The wait between the end of one round and the start of the next.</summary>
    protected abstract TimeSpan Period { get; }

    protected abstract Task RunRound(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = GetType().Name;
        if (!options.Value.Enabled)
        {
            LogDisabled(logger, name);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunRound(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure of a round is logged; the next round retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, e, name);
            }
            try
            {
                await Task.Delay(Period, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} is off (BackgroundJobs:Enabled is false).")]
    private static partial void LogDisabled(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of {Job} failed; it will run again after its period.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string job);
}
