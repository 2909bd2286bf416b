using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

/// <summary>
/// Two true rounds of drand's League of Entropy mainnet, as their relays publish them; the same
/// rounds the API tests' recorded relay serves (see tests/Puente.Api.Tests/Pathways/Draws/Drand).
/// </summary>
internal static class DrandRounds
{
    /// <summary>quicknet: unchained, a round every 3 s since 2023-08-23.</summary>
    public static readonly DrandChain Quicknet = new(1692803367, 3);
    public const string QuicknetHash = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";

    /// <summary>Round 657413 of quicknet, published 2023-09-15 11:00:03 UTC.</summary>
    public const string QuicknetRoundJson = """
        {"round":657413,"randomness":"fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587","signature":"b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b"}
        """;

    /// <summary>The default chain: chained, a round every 30 s since 2020-07-22.</summary>
    public static readonly DrandChain Default = new(1595431050, 30);
    public const string DefaultHash = "8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce";

    /// <summary>Round 3311596 of the default chain, published 2023-09-15 11:55:00 UTC.</summary>
    public const string DefaultRoundJson = """
        {"round":3311596,"randomness":"647c07b2abbf7ff2afb4d670214f565e5cd9f9c91bfdcecb59a21f3c78d73920","signature":"a696b9409ababce45749c3a4ec369074453dd4a79967734e1390d969c8ad8d98897d217b9121e92c8ddebbddda8d92f900e3bd6bf9deb166863b1a19390d743f82774001487594c5c09e581db7365f02b70a2c8cc41ce32446ef08e4890c4754","previous_signature":"8ed588f2a7716fb1349e2d9803da5db0005e98a83783c353d4a08f183236a9ad91d70ddb01266f4b7c576983db464b430e65680b9e0098552758afd6c1e6afcb77e3f62fe1b93d42d1cb63abbb2205512fe12fbf74ea9c5ac3b8f5c1e283a1d8"}
        """;

    public static DrandBeacon QuicknetRound => DrandBeacon.Parse(QuicknetRoundJson)!;

    /// <summary>The test vector's draw, had its announcement named quicknet round 657413 and the draw used it.</summary>
    public static DrawBundle BundleUsingTheBeacon()
    {
        var named = new DrawBeaconRound(QuicknetHash, 657413);
        return Recomputed(DrawTestVector.Announcement with { Beacon = named }, DrawBeaconReport.Used(named, QuicknetRound));
    }

    /// <summary>The same draw, had the round not been had by the deadline.</summary>
    public static DrawBundle BundleWithTheBeaconUnavailable()
    {
        var named = new DrawBeaconRound(QuicknetHash, 657413);
        return Recomputed(DrawTestVector.Announcement with { Beacon = named }, DrawBeaconReport.Unavailable(named, DrawBeaconReason.Unreachable));
    }

    public static DrawBundle Recomputed(DrawAnnouncement announcement, DrawBeaconReport report)
    {
        var beacon = report.RevealValue;
        var seed = DrawDigests.Seed(DrawTestVector.Secret, announcement.ServiceDate, DrawTestVector.EntriesDigest, beacon);
        var results = DrawAllocator.Allocate(announcement, DrawTestVector.Entries, seed);
        return new DrawBundle(announcement, DrawTestVector.Entries, DrawTestVector.EntriesDigest,
            new DrawReveal(DrawTestVector.SecretHex, beacon), Convert.ToHexStringLower(seed), results, DrawDigests.ResultsDigest(results), report);
    }
}
