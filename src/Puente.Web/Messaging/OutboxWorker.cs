using Microsoft.Extensions.Options;

namespace Puente.Web.Messaging;

/// <summary>
/// Delivers queued messages every Outbox:PollSeconds. A failed round is logged and the next one
/// tries again: mail trouble must never take the web host down. Off when Pathways:BackgroundJobs
/// is false (tests, or an instance reserved for requests while another runs the jobs).
/// </summary>
internal sealed partial class OutboxWorker(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration configuration,
    IOptions<OutboxOptions> options,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    public const string EnabledKey = "Pathways:BackgroundJobs";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledKey, defaultValue: true))
        {
            LogDisabled(logger, EnabledKey);
            return;
        }
        var period = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var round = await scope.ServiceProvider.GetRequiredService<SendOutboxMessages>().Handle(stoppingToken);
                if (round.Sent + round.Failed > 0)
                {
                    LogRound(logger, round.Sent, round.Failed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure of a round is logged; the next round retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, e);
            }

            try
            {
                await Task.Delay(period, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox worker is off ({Key} is false).")]
    private static partial void LogDisabled(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox round: {Sent} sent, {Failed} failed.")]
    private static partial void LogRound(ILogger logger, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed; retrying on the next round.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
