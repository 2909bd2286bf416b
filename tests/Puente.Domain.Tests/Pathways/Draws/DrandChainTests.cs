using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class DrandChainTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void A_round_is_published_genesis_plus_one_period_per_round_after_the_first()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1595431050), DrandRounds.Default.TimeOf(1));
        // A round whose time drand's own tooling publishes: default chain round 2238596 at 1662588900.
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1662588900), DrandRounds.Default.TimeOf(2238596));
        Assert.Equal(Utc(2023, 9, 15, 11, 0, 3), DrandRounds.Quicknet.TimeOf(657413));
        Assert.Equal(Utc(2023, 9, 15, 11, 55, 0), DrandRounds.Default.TimeOf(3311596));
    }

    [Fact]
    public void The_round_at_a_time_is_the_floor_of_the_periods_since_genesis_plus_one()
    {
        Assert.Equal(1, DrandRounds.Quicknet.RoundAt(DateTimeOffset.FromUnixTimeSeconds(1692803367)));
        Assert.Equal(1, DrandRounds.Quicknet.RoundAt(DateTimeOffset.FromUnixTimeSeconds(1692803369)));
        Assert.Equal(2, DrandRounds.Quicknet.RoundAt(DateTimeOffset.FromUnixTimeSeconds(1692803370)));
        Assert.Equal(657413, DrandRounds.Quicknet.RoundAt(Utc(2023, 9, 15, 11, 0, 3)));
        Assert.Equal(657412, DrandRounds.Quicknet.RoundAt(Utc(2023, 9, 15, 11, 0, 2)));
        Assert.Equal(3311596, DrandRounds.Default.RoundAt(Utc(2023, 9, 15, 11, 55, 29)));
    }

    [Fact]
    public void The_round_named_for_a_window_is_published_strictly_after_it_closes()
    {
        var closes = Utc(2023, 9, 15, 11, 0, 0);

        var round = DrandRounds.Quicknet.FirstRoundAfter(closes);

        // 11:00:00 is itself a round's time (657412); that value exists when the window closes, so the next one is named.
        Assert.Equal(657413, round);
        Assert.True(DrandRounds.Quicknet.TimeOf(round) > closes);
        Assert.True(DrandRounds.Quicknet.TimeOf(round - 1) <= closes);
        Assert.Equal(657413, DrandRounds.Quicknet.FirstRoundAfter(closes.AddMilliseconds(999)));
    }

    [Fact]
    public void Before_genesis_no_round_exists_and_the_first_is_named()
    {
        var before = DateTimeOffset.FromUnixTimeSeconds(1692803366);

        Assert.Equal(0, DrandRounds.Quicknet.RoundAt(before));
        Assert.Equal(1, DrandRounds.Quicknet.FirstRoundAfter(before));
        Assert.Throws<ArgumentOutOfRangeException>(() => DrandRounds.Quicknet.TimeOf(0));
    }

    [Fact]
    public void Every_time_falls_in_the_round_it_names_for_any_period()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var chain = new DrandChain(random.NextInt64(1_500_000_000, 1_700_000_000), random.Next(1, 120));
            var time = DateTimeOffset.FromUnixTimeSeconds(chain.GenesisTime + random.NextInt64(0, 200_000_000));

            var round = chain.RoundAt(time);

            Assert.InRange(time, chain.TimeOf(round), chain.TimeOf(round + 1).AddTicks(-1));
        }
    }
}
