using Microsoft.Extensions.Options;
using Puente.Web.Hosting;

namespace Puente.Web.Ports.Closures;

/// <summary>Runs <see cref="ApplyPlannedClosures"/> every BackgroundJobs:PlannedClosuresMinutes; safe on several instances.</summary>
internal sealed partial class PlannedClosureSweep(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> options, ILogger<PlannedClosureSweep> logger)
    : RecurringJob(scopes, clock, options, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(Options.PlannedClosuresMinutes);

    protected override async Task RunRound(IServiceProvider services, CancellationToken cancellationToken)
    {
        var applied = await services.GetRequiredService<ApplyPlannedClosures>().Handle(cancellationToken);
        if (applied.Closed + applied.Reopened > 0)
        {
            LogApplied(logger, applied.Closed, applied.Reopened);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planned closures: {Closed} lane(s) closed, {Reopened} reopened.")]
    private static partial void LogApplied(ILogger logger, int closed, int reopened);
}
