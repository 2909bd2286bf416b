using Microsoft.Extensions.Options;
using Puente.Web.Hosting;

namespace Puente.Web.Messaging;

/// <summary>
/// Delivers queued messages every BackgroundJobs:OutboxPollSeconds. Mail trouble fails a round, never
/// the web host; the CLI runs the same rounds on demand.
/// </summary>
internal sealed partial class OutboxWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> options, ILogger<OutboxWorker> logger)
    : RecurringJob(scopes, clock, options, logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(Options.OutboxPollSeconds);

    protected override async Task RunRound(IServiceProvider services, CancellationToken cancellationToken)
    {
        var round = await services.GetRequiredService<SendOutboxMessages>().Handle(cancellationToken);
        if (round.Sent + round.Failed > 0)
        {
            LogRound(logger, round.Sent, round.Failed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox round: {Sent} sent, {Failed} failed.")]
    private static partial void LogRound(ILogger logger, int sent, int failed);
}
