using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

/// <summary>Seeded random draws for property tests: valid by construction, small enough to check by hand-written rules.</summary>
internal sealed record RandomDraw(DrawAnnouncement Announcement, IReadOnlyList<DrawEntry> Entries, byte[] Seed)
{
    public const string TicketChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public static RandomDraw Create(int caseSeed, int maxEntries = 80)
    {
        var random = new Random(caseSeed);
        var ports = new List<DrawPort>();
        var portCount = random.Next(1, 5);
        for (var p = 0; p < portCount; p++)
        {
            var slots = new List<DrawSlot>();
            var hour = random.Next(0, 6);
            var slotCount = random.Next(1, 6);
            for (var s = 0; s < slotCount; s++)
            {
                hour += random.Next(1, 3);
                slots.Add(new DrawSlot($"{hour:00}:{random.Next(0, 2) * 30:00}", random.Next(0, 13)));
            }
            ports.Add(new DrawPort((2500 + (p * 3)).ToString(), slots));
        }
        var announcement = new DrawAnnouncement(
            DrawProtocol.Name, new DateOnly(2026, 12, 1), new string('a', 64), random.Next(0, 101), ports);

        // Some cases spread registrations across millennia to exercise the wide-date ordering path.
        var wideDates = random.Next(0, 5) == 0;
        var firstDay = new DateOnly(2026, 1, 1).DayNumber;
        var tickets = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<DrawEntry>();
        var entryCount = random.Next(0, maxEntries + 1);
        while (entries.Count < entryCount)
        {
            var ticket = new string(Enumerable.Range(0, random.Next(1, 9)).Select(_ => TicketChars[random.Next(TicketChars.Length)]).ToArray());
            if (!tickets.Add(ticket))
            {
                continue;
            }
            var day = wideDates ? random.Next(0, DateOnly.MaxValue.DayNumber) : firstDay + random.Next(0, 30);
            var preferences = ports.Select(p => p.Code).OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(3, ports.Count) + 1)).ToList();
            entries.Add(new DrawEntry(ticket, DateOnly.FromDayNumber(day), SmallGroup(random), preferences));
        }
        var seed = new byte[32];
        random.NextBytes(seed);
        return new RandomDraw(announcement, entries, seed);
    }

    private static int SmallGroup(Random random) => random.Next(0, 10) switch
    {
        < 4 => 1,
        < 6 => 2,
        < 8 => 3,
        8 => 4,
        _ => random.Next(5, 7),
    };
}
