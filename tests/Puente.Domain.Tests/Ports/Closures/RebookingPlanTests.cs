using Puente.Domain.Pathways.Draws;
using Puente.Domain.Ports.Closures;

namespace Puente.Domain.Tests.Ports.Closures;

public sealed class RebookingPlanTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly RebookingPort SanYsidro = new("2504", 32.5425, -117.0288);
    private static readonly RebookingPort Calexico = new("2503", 32.6652, -115.4990);
    private static readonly RebookingPort Nogales = new("2604", 31.3338, -110.9425);
    private static readonly RebookingPort[] Ports = [SanYsidro, Calexico, Nogales];

    private static RebookingGroup Group(int size, params string[] preferences) =>
        new(Guid.NewGuid(), size, Day, preferences, [Guid.NewGuid().ToString()], new HashSet<DateOnly>());

    [Fact]
    public void A_group_goes_to_its_next_preferred_port_with_room_before_the_nearest()
    {
        var room = new RebookingRoom();
        room.Add("2503", Day, "08:00", 10);
        room.Add("2604", Day, "08:00", 10);
        var group = Group(3, "2504", "2604");

        var placed = Assert.Single(RebookingPlan.Place(SanYsidro, Ports, [group], room, []));

        Assert.Equal(new RebookingDestination("2604", Day, "08:00", RebookingRule.PreferredPort), placed.To);
    }

    [Fact]
    public void Without_room_at_its_preferences_a_group_goes_to_the_nearest_port_by_great_circle()
    {
        var room = new RebookingRoom();
        room.Add("2604", Day, "09:00", 10);
        room.Add("2503", Day, "10:00", 10);

        var placed = Assert.Single(RebookingPlan.Place(SanYsidro, Ports, [Group(2, "2504")], room, []));

        Assert.Equal(new RebookingDestination("2503", Day, "10:00", RebookingRule.NearestPort), placed.To);
        Assert.True(GreatCircle.Kilometres(32.5425, -117.0288, 32.6652, -115.4990) is > 140 and < 150);
    }

    [Fact]
    public void Groups_are_never_split_and_capacity_is_taken_in_the_order_given()
    {
        var room = new RebookingRoom();
        room.Add("2503", Day, "08:00", 4);
        room.Add("2503", Day, "09:00", 2);
        var later = Day.AddDays(3);
        room.Add("2504", later, "08:00", 5);
        var first = Group(3, "2504");
        var second = Group(3, "2504");
        var third = Group(2, "2504");

        var placed = RebookingPlan.Place(SanYsidro, Ports, [first, second, third], room, [later]);

        Assert.Equal(new RebookingDestination("2503", Day, "08:00", RebookingRule.NearestPort), placed[0].To);
        Assert.Equal(new RebookingDestination("2504", later, "08:00", RebookingRule.LaterDate), placed[1].To);
        Assert.Equal(new RebookingDestination("2503", Day, "09:00", RebookingRule.NearestPort), placed[2].To);
    }

    [Fact]
    public void A_later_date_the_group_already_holds_or_one_of_its_people_was_just_placed_on_is_skipped_and_no_room_leaves_it_unplaced()
    {
        var room = new RebookingRoom();
        var (d1, d2) = (Day.AddDays(1), Day.AddDays(2));
        room.Add("2504", d1, "08:00", 10);
        room.Add("2504", d2, "08:00", 10);
        var taken = new RebookingGroup(Guid.NewGuid(), 1, Day, ["2504"], ["P1"], new HashSet<DateOnly> { d1 });
        var samePerson = new RebookingGroup(Guid.NewGuid(), 1, Day, ["2504"], ["P1"], new HashSet<DateOnly>());
        var tooBig = Group(11, "2504");

        var placed = RebookingPlan.Place(SanYsidro, Ports, [taken, samePerson, tooBig], room, [d1, d2]);

        Assert.Equal(d2, placed[0].To!.Date);
        Assert.Equal(d1, placed[1].To!.Date);
        Assert.Null(placed[2].To);
    }

    [Fact]
    public void Draw_ranking_puts_phase_one_by_waiting_time_before_phase_two_in_lottery_order()
    {
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var entries = Enumerable.Range(0, 40)
            .Select(i => new DrawEntry($"T{i:D3}", new DateOnly(2025, 1, 1).AddDays(i % 7), 1 + (i % 3), ["2504"]))
            .ToList();
        var announcement = new DrawAnnouncement(DrawProtocol.Name, Day, new string('0', 64), 50, [new DrawPort("2504", [new DrawSlot("08:00", 30)])]);
        var results = DrawAllocator.Allocate(announcement, entries, seed);
        var byTicket = entries.ToDictionary(e => e.Ticket);
        var selections = results.Select(r => new RankedSelection(r.Ticket, r.Phase, byTicket[r.Ticket].RegisteredOn)).Reverse().ToList();

        var ranked = DrawRanking.Order(seed, selections);

        var phases = ranked.Select(r => r.Phase).ToList();
        Assert.Equal(phases.Order(), phases);
        var phaseOne = ranked.Where(r => r.Phase == 1).Select(r => r.RegisteredOn).ToList();
        Assert.Equal(phaseOne.Order(), phaseOne);
        Assert.Equal(ranked, DrawRanking.Order(seed, [.. selections.OrderBy(s => s.Ticket, StringComparer.Ordinal)]));
        Assert.NotEqual(ranked.Select(r => r.Ticket), DrawRanking.Order(seed.Reverse().ToArray(), selections).Select(r => r.Ticket));
    }
}
