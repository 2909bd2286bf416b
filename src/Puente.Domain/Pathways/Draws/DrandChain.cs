namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// The clock of a drand chain, as its <c>/info</c> gives it: round 1 is published at
/// <paramref name="GenesisTime"/> (Unix seconds) and one more every <paramref name="PeriodSeconds"/>.
/// </summary>
public sealed record DrandChain(long GenesisTime, int PeriodSeconds)
{
    /// <summary>The latest round published at <paramref name="time"/>: floor((t − genesis) / period) + 1; 0 before genesis.</summary>
    public long RoundAt(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        return seconds < GenesisTime ? 0 : ((seconds - GenesisTime) / PeriodSeconds) + 1;
    }

    /// <summary>When <paramref name="round"/> is published: genesis + (round − 1) · period.</summary>
    public DateTimeOffset TimeOf(long round)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        return DateTimeOffset.FromUnixTimeSeconds(GenesisTime + ((round - 1) * PeriodSeconds));
    }

    /// <summary>The first round published strictly after <paramref name="time"/>, so its value cannot be known at that time.</summary>
    public long FirstRoundAfter(DateTimeOffset time) => RoundAt(time) + 1;
}
