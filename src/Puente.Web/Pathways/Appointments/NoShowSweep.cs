using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Puente.Web.Pathways.Appointments;

public sealed class NoShowSweepOptions
{
    public const string Section = "Pathways";

    /// <summary>Off in tests and on instances that should leave the jobs to others.</summary>
    public bool BackgroundJobs { get; set; } = true;

    [Range(1, 24 * 60)]
    public int NoShowSweepMinutes { get; set; } = 15;
}

/// <summary>Runs <see cref="MarkNoShows"/> now and then. Running it twice, or on two instances, is harmless.</summary>
internal sealed partial class NoShowSweep(
    IServiceScopeFactory scopes, IOptions<NoShowSweepOptions> options, TimeProvider clock, ILogger<NoShowSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundJobs)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.NoShowSweepMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var marked = await scope.ServiceProvider.GetRequiredService<MarkNoShows>().Handle(stoppingToken);
                if (marked > 0)
                {
                    LogMarked(marked);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a database blip must not stop the sweep for good.
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked {Count} appointment(s) as no-shows.")]
    private partial void LogMarked(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The no-show sweep failed; it will run again at the next interval.")]
    private partial void LogFailed(Exception exception);
}
