using Puente.Domain.Pathways.Draws;
using Puente.Web.Pathways.Draws;

namespace Puente.Api.Tests.Pathways.Draws;

public sealed class PublishedAnnouncementsTests
{
    private static readonly DateOnly Day = new(2026, 12, 2);

    private static string Json(int capacity) => DrawBundleJson.SerializeAnnouncement(new DrawAnnouncement(
        DrawProtocol.Name, Day, new string('a', 64), 50, [new DrawPort("2506", [new DrawSlot("08:00", capacity)])]));

    [Fact]
    public void A_day_is_parsed_once_and_then_served_from_memory()
    {
        var announcements = new PublishedAnnouncements();
        // Each database read gives a new string instance with the same text.
        var first = announcements.Of(Day, Json(30));
        var second = announcements.Of(Day, new string(Json(30).AsSpan()));

        Assert.Same(first, second);
        Assert.Equal(30, second.Ports.Single().Slots.Single().Capacity);
    }

    [Fact]
    public void Other_text_for_the_same_day_is_parsed_again_not_served_stale()
    {
        var announcements = new PublishedAnnouncements();
        announcements.Of(Day, Json(30));

        var other = announcements.Of(Day, Json(12));

        Assert.Equal(12, other.Ports.Single().Slots.Single().Capacity);
    }

    [Fact]
    public void An_unreadable_announcement_is_an_error_not_an_empty_day()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PublishedAnnouncements().Of(Day, "{\"ports\": 7"));
        Assert.Contains("2026-12-02", error.Message, StringComparison.Ordinal);
    }
}
