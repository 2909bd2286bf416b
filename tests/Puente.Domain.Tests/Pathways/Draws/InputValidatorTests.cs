using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class InputValidatorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ñ")]
    [InlineData("a.b")]
    public void Tickets_outside_the_allowed_characters_are_rejected_naming_the_entry_by_position(string ticket)
    {
        Assert.Equal(
            $"entries[7]: ticket \"{ticket}\" must be 1-64 characters from [A-Za-z0-9_-]",
            Assert.Single(Problems(DrawTestVector.Entry(ticket, "2026-09-01", 1, "2504"))));
    }

    [Theory]
    [InlineData("K7Q2M9XW3T")]
    [InlineData("under_score")]
    [InlineData("dash-ed")]
    [InlineData("-_")]
    public void Letters_digits_underscores_and_hyphens_make_a_ticket(string ticket)
    {
        Assert.Empty(Problems(DrawTestVector.Entry(ticket, "2026-09-01", 1, "2504")));
    }

    [Fact]
    public void A_ticket_of_64_characters_is_accepted_and_65_is_rejected()
    {
        Assert.Empty(Problems(DrawTestVector.Entry(new string('a', 64), "2026-09-01", 1, "2504")));
        Assert.Single(Problems(DrawTestVector.Entry(new string('a', 65), "2026-09-01", 1, "2504")));
    }

    [Fact]
    public void A_group_of_zero_is_rejected()
    {
        Assert.Equal("entry Z9: size 0 must be at least 1", Assert.Single(Problems(DrawTestVector.Entry("Z9", "2026-09-01", 0, "2504"))));
    }

    [Fact]
    public void Port_preferences_must_be_one_to_three_distinct_announced_ports()
    {
        Assert.Equal("entry Z9: must name 1 to 3 ports, names 0", Assert.Single(Problems(DrawTestVector.Entry("Z9", "2026-09-01", 1))));
        Assert.Equal("entry Z9: must name 1 to 3 ports, names 4", Assert.Single(Problems(DrawTestVector.Entry("Z9", "2026-09-01", 1, "2504", "2506", "2504", "2506"))));
        Assert.Equal("entry Z9: port 2504 is named more than once", Assert.Single(Problems(DrawTestVector.Entry("Z9", "2026-09-01", 1, "2504", "2504"))));
        Assert.Equal("entry Z9: port 2304 is not in the announcement", Assert.Single(Problems(DrawTestVector.Entry("Z9", "2026-09-01", 1, "2304"))));
    }

    [Fact]
    public void A_missing_port_preference_is_reported_once()
    {
        var entry = new DrawEntry("Z9", new DateOnly(2026, 9, 1), 1, ["2504", null!]);

        Assert.Equal("entry Z9: a port preference is missing", Assert.Single(Problems(entry)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void A_priority_share_of_0_or_100_percent_is_valid(int percent)
    {
        Assert.Empty(DrawInputValidator.Validate(DrawTestVector.Announcement with { PriorityPercent = percent }, DrawTestVector.Entries));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_priority_share_outside_0_to_100_percent_is_invalid(int percent)
    {
        Assert.Equal(
            [$"announcement: priorityPercent {percent} must be between 0 and 100"],
            DrawInputValidator.Validate(DrawTestVector.Announcement with { PriorityPercent = percent }, DrawTestVector.Entries));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710d")]
    [InlineData("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd0")]
    [InlineData("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dg")]
    public void A_commitment_that_is_not_64_lowercase_hex_characters_is_invalid(string? commitment)
    {
        Assert.Equal(
            ["announcement: commitment must be 64 lowercase hex characters"],
            DrawInputValidator.Validate(DrawTestVector.Announcement with { Commitment = commitment! }, []));
    }

    [Fact]
    public void An_announcement_without_ports_is_invalid()
    {
        const string NoPorts = "announcement: ports must list at least one port";
        Assert.Equal([NoPorts], DrawInputValidator.Validate(DrawTestVector.Announcement with { Ports = [] }, []));
        Assert.Equal([NoPorts], DrawInputValidator.Validate(DrawTestVector.Announcement with { Ports = null! }, []));
    }

    [Fact]
    public void Missing_ports_codes_slot_lists_and_slots_are_each_reported()
    {
        var announcement = DrawTestVector.Announcement with
        {
            Ports =
            [
                null!,
                new DrawPort("", [new DrawSlot("08:00", 1)]),
                new DrawPort("2504", null!),
                new DrawPort("2506", [new DrawSlot("08:00", 1), null!, new DrawSlot("09:00", 1)]),
            ],
        };

        Assert.Equal(
        [
            "announcement: ports[0] has no code",
            "announcement: ports[1] has no code",
            "announcement: port 2504 has no slots list",
            "announcement: port 2506 slots[1] is missing",
        ], DrawInputValidator.Validate(announcement, []));
    }

    [Fact]
    public void Two_slots_starting_at_the_same_time_are_invalid()
    {
        var announcement = DrawTestVector.Announcement with
        {
            Ports = [new DrawPort("2504", [new DrawSlot("08:00", 4), new DrawSlot("08:00", 4)])],
        };

        Assert.Equal(["announcement: port 2504 slot 08:00 is not after the slot before it"], DrawInputValidator.Validate(announcement, []));
    }

    [Fact]
    public void A_slot_with_no_capacity_is_valid()
    {
        var announcement = DrawTestVector.Announcement with
        {
            Ports = [new DrawPort("2504", [new DrawSlot("08:00", 0), new DrawSlot("09:00", 4)])],
        };

        Assert.Empty(DrawInputValidator.Validate(announcement, [DrawTestVector.Entry("A1", "2026-09-01", 1, "2504")]));
    }

    [Fact]
    public void Announcement_rules_are_each_reported()
    {
        var announcement = DrawTestVector.Announcement with
        {
            Protocol = "puente-draw/2",
            PriorityPercent = 101,
            Commitment = DrawTestVector.Commitment.ToUpperInvariant(),
            Ports =
            [
                new DrawPort("2504", [new DrawSlot("09:00", 4), new DrawSlot("08:00", 4)]),
                new DrawPort("2506", [new DrawSlot("8:00", 3), new DrawSlot("24:00", -1)]),
                new DrawPort("2504", []),
            ],
        };

        var problems = DrawInputValidator.Validate(announcement, []);

        Assert.Equal(
        [
            "announcement: protocol \"puente-draw/2\" is not \"puente-draw/1\"",
            "announcement: priorityPercent 101 must be between 0 and 100",
            "announcement: commitment must be 64 lowercase hex characters",
            "announcement: port 2504 slot 08:00 is not after the slot before it",
            "announcement: port 2506 slot \"8:00\" is not a 24-hour HH:MM time",
            "announcement: port 2506 slot \"24:00\" is not a 24-hour HH:MM time",
            "announcement: port 2506 slot 24:00 has negative capacity -1",
            "announcement: port 2504 is listed more than once",
        ], problems);
    }

    [Fact]
    public void Missing_parts_are_problems_not_exceptions()
    {
        Assert.Equal(["announcement: missing", "entries: missing"], DrawInputValidator.Validate(null, null));
        Assert.Equal(["entries[0]: missing"], DrawInputValidator.Validate(DrawTestVector.Announcement, [null]));
    }

    private static IReadOnlyList<string> Problems(DrawEntry entry) =>
        DrawInputValidator.Validate(DrawTestVector.Announcement, [.. DrawTestVector.Entries, entry]);
}
