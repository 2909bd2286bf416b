using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// Fetches an announced drand round from the configured relay (<c>GET {base}/{chain hash}/public/{round}</c>)
/// and accepts it only when it is the round asked for and well-formed (randomness = SHA-256(signature)).
/// </summary>
internal sealed partial class FetchBeaconRound(HttpClient http, IOptions<BeaconOptions> options, ILogger<FetchBeaconRound> logger)
{
    public abstract record Outcome;

    public sealed record Fetched(DrandBeacon Beacon) : Outcome;

    /// <param name="Reason">One of <see cref="DrawBeaconReason"/>.</param>
    public sealed record Failed(string Reason) : Outcome;

    public async Task<Outcome> Handle(DrawBeaconRound named, CancellationToken cancellationToken = default)
    {
        var beacon = options.Value;
        if (!beacon.Enabled || !string.Equals(beacon.ChainHash, named.ChainHash, StringComparison.Ordinal))
        {
            LogNotConfigured(logger, named.ChainHash, named.Round);
            return new Failed(DrawBeaconReason.NotConfigured);
        }
        var address = new Uri($"{beacon.BaseUrl!.TrimEnd('/')}/{named.ChainHash}/public/{named.Round}");
        string json;
        try
        {
            using var response = await http.GetAsync(address, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogUnreachable(logger, address, $"HTTP {(int)response.StatusCode}");
                return new Failed(DrawBeaconReason.Unreachable);
            }
            json = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, address, e.Message);
            return new Failed(DrawBeaconReason.Unreachable);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, address, $"no answer within {beacon.TimeoutSeconds} s");
            return new Failed(DrawBeaconReason.Unreachable);
        }

        var round = DrandBeacon.Parse(json);
        var problems = round is null ? ["the answer is not a drand round"] : round.Problems(named.Round);
        if (problems.Count > 0)
        {
            LogInvalid(logger, address, string.Join("; ", problems));
            return new Failed(DrawBeaconReason.Invalid);
        }
        return new Fetched(round!);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Beacon round {Round} of chain {ChainHash} cannot be fetched: no relay is configured for that chain.")]
    private static partial void LogNotConfigured(ILogger logger, string chainHash, long round);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Beacon relay {Address} did not give the round: {Problem}.")]
    private static partial void LogUnreachable(ILogger logger, Uri address, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Beacon relay {Address} answered with a round that is not well-formed: {Problems}.")]
    private static partial void LogInvalid(ILogger logger, Uri address, string problems);
}
