using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class AllocatorPropertyTests
{
    private const int Cases = 300;

    public static TheoryData<int> CaseSeeds => [.. Enumerable.Range(1, Cases)];

    [Theory]
    [MemberData(nameof(CaseSeeds))]
    public void Allocation_agrees_with_a_literal_reading_of_the_spec(int caseSeed)
    {
        var draw = RandomDraw.Create(caseSeed);

        var results = DrawAllocator.Allocate(draw.Announcement, draw.Entries, draw.Seed);

        Assert.Equal(ReferenceAllocator.Allocate(draw.Announcement, draw.Entries, draw.Seed), results);
    }

    [Fact]
    public void No_slot_is_ever_filled_over_its_capacity()
    {
        ForEveryCase((draw, results) =>
        {
            var persons = PersonsPerSlot(draw, results);
            foreach (var port in draw.Announcement.Ports)
            {
                foreach (var slot in port.Slots)
                {
                    Assert.True(persons.GetValueOrDefault((port.Code, slot.Start)) <= slot.Capacity);
                }
            }
        });
    }

    [Fact]
    public void Groups_are_never_split_and_land_in_one_real_slot()
    {
        ForEveryCase((draw, results) =>
        {
            Assert.Equal(results.Count, results.Select(r => r.Ticket).Distinct().Count());
            foreach (var result in results)
            {
                var port = draw.Announcement.Ports.Single(p => p.Code == result.Port);
                var slot = port.Slots.Single(s => s.Start == result.Slot);
                Assert.True(EntryOf(draw, result).Size <= slot.Capacity);
            }
        });
    }

    [Fact]
    public void Phase_one_never_exceeds_the_priority_quota_of_a_port()
    {
        ForEveryCase((draw, results) =>
        {
            foreach (var port in draw.Announcement.Ports)
            {
                var quota = port.Slots.Sum(s => s.Capacity) * draw.Announcement.PriorityPercent / 100;
                var phaseOne = results.Where(r => r.Phase == 1 && r.Port == port.Code).Sum(r => EntryOf(draw, r).Size);
                Assert.True(phaseOne <= quota, $"port {port.Code}: {phaseOne} persons in phase 1, quota {quota}");
            }
        });
    }

    [Fact]
    public void Every_selected_entry_goes_to_one_of_its_preferred_ports()
    {
        ForEveryCase((draw, results) =>
        {
            foreach (var result in results)
            {
                Assert.Contains(result.Port, EntryOf(draw, result).Ports);
            }
        });
    }

    [Fact]
    public void An_entry_is_left_out_only_when_none_of_its_ports_has_room_for_the_whole_group()
    {
        // Remaining capacity only falls, so an entry that did not fit when its turn came does not fit at the end.
        ForEveryCase((draw, results) =>
        {
            var persons = PersonsPerSlot(draw, results);
            var selected = results.Select(r => r.Ticket).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in draw.Entries.Where(e => !selected.Contains(e.Ticket)))
            {
                foreach (var port in draw.Announcement.Ports.Where(p => entry.Ports.Contains(p.Code)))
                {
                    Assert.All(port.Slots, slot =>
                        Assert.True(slot.Capacity - persons.GetValueOrDefault((port.Code, slot.Start)) < entry.Size));
                }
            }
        });
    }

    [Fact]
    public void Results_do_not_depend_on_the_order_entries_were_submitted()
    {
        ForEveryCase((draw, results) =>
        {
            var shuffled = draw.Entries.ToArray();
            new Random(shuffled.Length).Shuffle(shuffled);

            Assert.Equal(results, DrawAllocator.Allocate(draw.Announcement, shuffled, draw.Seed));
        });
    }

    [Fact]
    public void Running_the_draw_again_gives_identical_results()
    {
        ForEveryCase((draw, results) =>
            Assert.Equal(results, DrawAllocator.Allocate(draw.Announcement, draw.Entries, draw.Seed)));
    }

    [Fact]
    public void Results_are_sorted_by_ticket_in_ordinal_order()
    {
        ForEveryCase((_, results) =>
            Assert.Equal(results.Select(r => r.Ticket).Order(StringComparer.Ordinal), results.Select(r => r.Ticket)));
    }

    [Fact]
    public void A_key_depends_only_on_the_ticket_and_the_seed()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var seed = new byte[32];
            random.NextBytes(seed);
            var otherSeed = (byte[])seed.Clone();
            otherSeed[random.Next(32)] ^= 1;
            var ticket = $"T{random.Next()}";

            Assert.Equal(DrawDigests.Key(seed, ticket), DrawDigests.Key((byte[])seed.Clone(), new string(ticket.ToCharArray())));
            Assert.NotEqual(DrawDigests.Key(seed, ticket), DrawDigests.Key(otherSeed, ticket));
            Assert.NotEqual(DrawDigests.Key(seed, ticket), DrawDigests.Key(seed, ticket + "x"));
        }
    }

    [Fact]
    public void A_large_draw_agrees_with_the_literal_reading_of_the_spec()
    {
        // Large enough that keys are computed in parallel chunks.
        var random = new Random(2026);
        var announcement = new DrawAnnouncement(DrawProtocol.Name, new DateOnly(2026, 12, 1), new string('0', 64), 40,
        [
            new DrawPort("2504", [.. Enumerable.Range(6, 12).Select(h => new DrawSlot($"{h:00}:00", 60))]),
            new DrawPort("2506", [.. Enumerable.Range(6, 12).Select(h => new DrawSlot($"{h:00}:00", 25))]),
            new DrawPort("2304", [.. Enumerable.Range(6, 12).Select(h => new DrawSlot($"{h:00}:00", 40))]),
        ]);
        string[] codes = ["2504", "2506", "2304"];
        var entries = Enumerable.Range(0, 50_000).Select(i => new DrawEntry(
            $"E{i:x}", DateOnly.FromDayNumber(739_000 + random.Next(400)), random.Next(1, 5),
            [.. codes.OrderBy(_ => random.Next()).Take(random.Next(1, 4))])).ToList();
        var seed = new byte[32];
        random.NextBytes(seed);

        var results = DrawAllocator.Allocate(announcement, entries, seed);

        Assert.NotEmpty(results);
        Assert.Equal(ReferenceAllocator.Allocate(announcement, entries, seed), results);
    }

    [Fact]
    public void No_entries_means_no_results()
    {
        Assert.Empty(DrawAllocator.Allocate(DrawTestVector.Announcement, [], DrawTestVector.SeedBytes));
    }

    [Theory]
    [InlineData(100, 1)]
    [InlineData(0, 2)]
    public void A_port_missing_from_the_announcement_never_fits_and_the_next_preference_is_tried(int priorityPercent, int phase)
    {
        var announcement = DrawTestVector.Announcement with { PriorityPercent = priorityPercent };

        var results = DrawAllocator.Allocate(announcement, [DrawTestVector.Entry("A1", "2026-09-01", 1, "9999", "2504")], DrawTestVector.SeedBytes);

        Assert.Equal([new DrawResult("A1", "2504", "08:00", phase)], results);
    }

    [Fact]
    public void A_null_announcement_or_entry_list_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => DrawAllocator.Allocate(null!, DrawTestVector.Entries, DrawTestVector.SeedBytes));
        Assert.Throws<ArgumentNullException>(() => DrawAllocator.Allocate(DrawTestVector.Announcement, null!, DrawTestVector.SeedBytes));
    }

    private static void ForEveryCase(Action<RandomDraw, IReadOnlyList<DrawResult>> check)
    {
        for (var caseSeed = 1; caseSeed <= Cases; caseSeed++)
        {
            var draw = RandomDraw.Create(caseSeed);
            check(draw, DrawAllocator.Allocate(draw.Announcement, draw.Entries, draw.Seed));
        }
    }

    private static DrawEntry EntryOf(RandomDraw draw, DrawResult result) => draw.Entries.Single(e => e.Ticket == result.Ticket);

    private static Dictionary<(string Port, string Slot), int> PersonsPerSlot(RandomDraw draw, IReadOnlyList<DrawResult> results) =>
        results.GroupBy(r => (r.Port, r.Slot)).ToDictionary(g => g.Key, g => g.Sum(r => EntryOf(draw, r).Size));
}
