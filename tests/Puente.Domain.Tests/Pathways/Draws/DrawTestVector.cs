using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

/// <summary>Section 7 of the spec, typed in by hand so the test does not depend on the vector file.</summary>
internal static class DrawTestVector
{
    public const string Commitment = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd";
    public const string EntriesDigest = "7f998130c99d58d6c09ba46ff07c5a8ace302257d127e939b1bf6c85ddb9ac10";
    public const string Seed = "9276d85b49183dcaa5d80a384dd6e387807208260c9d7bce8b3af9c45b041a45";
    public const string ResultsDigest = "75d8f69e853581a4e1d6f6b524672526c17cf045b83a2d2d3327ecaaca21e16b";
    public const string SecretHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    public static readonly DateOnly ServiceDate = new(2026, 12, 1);

    public static byte[] Secret => Convert.FromHexString(SecretHex);

    public static byte[] SeedBytes => Convert.FromHexString(Seed);

    public static DrawAnnouncement Announcement => new(
        DrawProtocol.Name,
        ServiceDate,
        Commitment,
        50,
        [
            new DrawPort("2504", [new DrawSlot("08:00", 4), new DrawSlot("09:00", 4)]),
            new DrawPort("2506", [new DrawSlot("08:00", 3)]),
        ]);

    public static IReadOnlyList<DrawEntry> Entries =>
    [
        Entry("A1", "2026-09-01", 2, "2504", "2506"),
        Entry("B2", "2026-11-20", 1, "2506"),
        Entry("C3", "2026-10-15", 3, "2504"),
        Entry("D4", "2026-11-28", 2, "2506", "2504"),
        Entry("E5", "2026-09-01", 1, "2504"),
        Entry("F6", "2026-11-01", 4, "2504", "2506"),
        Entry("G7", "2026-11-25", 1, "2506", "2504"),
    ];

    public static IReadOnlyDictionary<string, ulong> Keys { get; } = new Dictionary<string, ulong>
    {
        ["A1"] = 5552367718309956546,
        ["B2"] = 18330152880322909891,
        ["C3"] = 14320376736648876672,
        ["D4"] = 2435955398514329579,
        ["E5"] = 3591076641555398637,
        ["F6"] = 12652521179562695737,
        ["G7"] = 9696224978601064500,
    };

    public static IReadOnlyList<DrawResult> Results =>
    [
        new("A1", "2504", "08:00", 1),
        new("B2", "2506", "08:00", 1),
        new("D4", "2506", "08:00", 2),
        new("E5", "2504", "08:00", 1),
        new("F6", "2504", "09:00", 2),
        new("G7", "2504", "08:00", 1),
    ];

    public static DrawBundle Bundle => new(
        Announcement, Entries, EntriesDigest, new DrawReveal(SecretHex, ""), Seed, Results, ResultsDigest);

    public static DrawEntry Entry(string ticket, string registeredOn, int size, params string[] ports) =>
        new(ticket, DateOnly.ParseExact(registeredOn, "yyyy-MM-dd"), size, ports);
}
