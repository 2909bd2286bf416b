using Microsoft.Extensions.Options;
using Puente.Web.Binational.Figures;
using Puente.Web.Hosting;

namespace Puente.Web.Binational.Scenarios;

/// <summary>
/// Keeps the briefing's scenarios computed for the periods a briefing is usually asked for: the last 30 days (the
/// dashboard's default) and the last full month. Hourly, and a round that finds the inputs unchanged runs nothing;
/// safe on several instances (the table's key refuses a second copy of the same set).
/// </summary>
internal sealed partial class ScenarioJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<BackgroundJobsOptions> options, ILogger<ScenarioJob> logger)
    : RecurringJob(scopes, clock, options, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(Options.ScenariosMinutes);

    public static IEnumerable<ComputeScenarios.Query> Periods(DateOnly today)
    {
        yield return new(today.AddDays(-(PeriodFilter.DefaultDays - 1)), today);
        var month = new DateOnly(today.Year, today.Month, 1);
        yield return new(month.AddMonths(-1), month.AddDays(-1));
    }

    protected override async Task RunRound(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var period in Periods(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime)))
        {
            await using var scope = Scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ComputeScenarios>().Handle(period, cancellationToken) is ComputeScenarios.Computed computed)
            {
                LogComputed(logger, period.From, period.To, computed.InputsHash);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Briefing scenarios computed for {From} to {To} (inputs {Hash}).")]
    private static partial void LogComputed(ILogger logger, DateOnly from, DateOnly to, string hash);
}
