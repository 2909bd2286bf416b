using Microsoft.Extensions.Options;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.Appointments;

/// <summary>Runs <see cref="MarkNoShows"/> every BackgroundJobs:NoShowSweepMinutes. Running it twice, or on two instances, is harmless.</summary>
internal sealed partial class NoShowSweep(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> options, ILogger<NoShowSweep> logger)
    : RecurringJob(scopes, clock, options, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(Options.NoShowSweepMinutes);

    protected override async Task RunRound(IServiceProvider services, CancellationToken cancellationToken)
    {
        var marked = await services.GetRequiredService<MarkNoShows>().Handle(cancellationToken);
        if (marked > 0)
        {
            LogMarked(logger, marked);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked {Count} appointment(s) as no-shows.")]
    private static partial void LogMarked(ILogger logger, int count);
}
