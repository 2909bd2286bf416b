using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// Announces dates whose window is about to open and runs draws whose window has closed, every
/// BackgroundJobs:DrawSchedulerSeconds. Every instance may run it: announcing and drawing are both safe to race.
/// </summary>
internal sealed partial class DrawScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> options, ILogger<DrawScheduler> logger)
    : RecurringJob(scopes, clock, options, logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(Options.DrawSchedulerSeconds);

    protected override async Task RunRound(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<AnnounceDraw>().AnnounceDue(cancellationToken);

        var now = Clock.GetUtcNow();
        var closed = await services.GetRequiredService<PuenteDb>().DrawDays
            .Where(d => d.Status == DrawStatus.Announced && d.ClosesAt <= now)
            .Select(d => d.ServiceDate)
            .ToListAsync(cancellationToken);
        foreach (var date in closed)
        {
            await using var drawScope = Scopes.CreateAsyncScope();
            if (await drawScope.ServiceProvider.GetRequiredService<RunDraw>().Handle(date, cancellationToken) is RunDraw.Drawn { RanNow: true })
            {
                DrawRan(logger, date);
                await drawScope.ServiceProvider.GetRequiredService<ReenterNotSelected>().Handle(date, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Draw for {ServiceDate} ran.")]
    private static partial void DrawRan(ILogger logger, DateOnly serviceDate);
}
