using System.Collections.Concurrent;
using Puente.Domain.Pathways.Draws;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// The announcements of draw days, each parsed once and kept: once published an announcement never
/// changes, and requests, the schedule, the draw and the pages all read it.
/// </summary>
internal sealed class PublishedAnnouncements
{
    /// <summary>About a month of windows, past and future; beyond that the oldest are parsed again if asked for.</summary>
    private const int MaxDays = 64;

    private readonly ConcurrentDictionary<DateOnly, (string Json, DrawAnnouncement Announcement)> parsed = new();

    public DrawAnnouncement Of(DrawDayRecord day) => Of(day.ServiceDate, day.Announcement);

    public DrawAnnouncement Of(DateOnly serviceDate, string json)
    {
        // The stored text is compared, not trusted by date alone: a database restored from elsewhere
        // may hold another announcement for the same day.
        if (parsed.TryGetValue(serviceDate, out var known) && string.Equals(known.Json, json, StringComparison.Ordinal))
        {
            return known.Announcement;
        }
        var announcement = DrawBundleJson.ParseAnnouncement(json)
            ?? throw new InvalidOperationException($"The stored announcement for {IsoDate(serviceDate)} is unreadable.");
        if (parsed.Count >= MaxDays)
        {
            parsed.Clear();
        }
        parsed[serviceDate] = (json, announcement);
        return announcement;
    }

    private static string IsoDate(DateOnly date) => Hosting.IsoDates.Write(date);
}
