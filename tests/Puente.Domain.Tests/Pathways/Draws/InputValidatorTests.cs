using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

public sealed class InputValidatorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ñ")]
    [InlineData("a.b")]
    public void Tickets_outside_the_allowed_characters_are_rejected(string ticket)
    {
        Assert.Single(Problems(DrawTestVector.Entry(ticket, "2026-09-01", 1, "2504")));
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
        Assert.Single(Problems(DrawTestVector.Entry("Z9", "2026-09-01", 1)));
        Assert.Single(Problems(DrawTestVector.Entry("Z9", "2026-09-01", 1, "2504", "2506", "2504", "2506")));
        Assert.Equal("entry Z9: port 2504 is named more than once", Assert.Single(Problems(DrawTestVector.Entry("Z9", "2026-09-01", 1, "2504", "2504"))));
        Assert.Equal("entry Z9: port 2304 is not in the announcement", Assert.Single(Problems(DrawTestVector.Entry("Z9", "2026-09-01", 1, "2304"))));
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
