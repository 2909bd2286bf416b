using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// Announces dates whose window is about to open and runs draws whose window has closed, once a
/// minute. Every instance may run it: announcing and drawing are both safe to race.
/// </summary>
public sealed partial class DrawScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PathwaysOptions> options, ILogger<DrawScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundJobs)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Tick(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RoundFailed(logger, e);
            }
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
        }
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<AnnounceDraw>().AnnounceDue(cancellationToken);

        var now = clock.GetUtcNow();
        var closed = await services.GetRequiredService<PuenteDb>().DrawDays
            .Where(d => d.Status == DrawStatus.Announced && d.ClosesAt <= now)
            .Select(d => d.ServiceDate)
            .ToListAsync(cancellationToken);
        foreach (var date in closed)
        {
            await using var drawScope = scopes.CreateAsyncScope();
            if (await drawScope.ServiceProvider.GetRequiredService<RunDraw>().Handle(date, cancellationToken) is RunDraw.Drawn { RanNow: true })
            {
                DrawRan(logger, date);
                await drawScope.ServiceProvider.GetRequiredService<ReenterNotSelected>().Handle(date, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Draw for {ServiceDate} ran.")]
    private static partial void DrawRan(ILogger logger, DateOnly serviceDate);

    [LoggerMessage(Level = LogLevel.Error, Message = "Draw scheduler round failed; it will try again.")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
