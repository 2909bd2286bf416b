using Microsoft.Extensions.Options;
using Puente.Web.Hosting;

namespace Puente.Web.Ports.WaitTimes;

/// <summary>
/// Polls CBP's wait-time feed and archives each response. Off unless <c>WaitTimes:PollUrl</c> is set
/// (and <c>BackgroundJobs:Enabled</c>); several instances each archive their own polls, which is harmless.
/// </summary>
internal sealed partial class WaitTimesPoller(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> jobs, IOptions<WaitTimesOptions> options,
    IHttpClientFactory http, ILogger<WaitTimesPoller> logger)
    : RecurringJob(scopes, clock, jobs, logger)
{
    public const string HttpClientName = "cbp-wait-times";

    protected override TimeSpan Period => TimeSpan.FromMinutes(options.Value.PollMinutes);

    protected override async Task RunRound(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.PollUrl))
        {
            return;
        }
        var url = options.Value.PollUrl;
        string body;
        try
        {
            body = await http.CreateClient(HttpClientName).GetStringAsync(new Uri(url), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            LogFetchFailed(logger, e, url);
            return;
        }
        var outcome = await services.GetRequiredService<ImportWaitTimes>().Handle(body, url, cancellationToken);
        if (outcome is ImportWaitTimes.Imported { UnknownPortNumbers.Count: > 0 } imported)
        {
            LogUnknownPorts(logger, url, string.Join(", ", imported.UnknownPortNumbers));
        }
        else if (outcome is ImportWaitTimes.Unreadable unreadable)
        {
            LogUnreadable(logger, url, string.Join("; ", unreadable.Problems));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching the wait-time feed {Url} failed; the next round tries again.")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The wait-time feed {Url} has port numbers the registry does not know: {Numbers}.")]
    private static partial void LogUnknownPorts(ILogger logger, string url, string numbers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The wait-time feed {Url} could not be read (archived as received): {Problems}.")]
    private static partial void LogUnreadable(ILogger logger, string url, string problems);
}
