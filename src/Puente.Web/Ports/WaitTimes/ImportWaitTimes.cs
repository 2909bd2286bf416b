using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Ports.WaitTimes;
using Puente.Web.Database;

namespace Puente.Web.Ports.WaitTimes;

/// <summary>
/// Archives one response of CBP's wait-time feed (XML or JSON) and records every lane of every
/// Mexican-border crossing in it. Canadian-border crossings are counted and skipped; a port number the
/// registry does not know is recorded without a crossing and reported; values stay as CBP wrote them.
/// </summary>
internal sealed class ImportWaitTimes(PuenteDb db, TimeProvider clock, IOptions<WaitTimesOptions> options)
{
    // Other numbers the feed has used for a crossing live only in the shipped registry, read once.
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Aliases = new(() =>
        ShippedPortsRegistry.Load().Ports.SelectMany(p => p.Crossings).SelectMany(c => c.Aliases.Select(a => (Alias: a, c.Number)))
            .ToDictionary(a => a.Alias, a => a.Number, StringComparer.Ordinal));

    public abstract record Outcome(Guid PollId);

    public sealed record Imported(
        Guid PollId,
        DateTimeOffset CollectedAt,
        int MexicanCrossings,
        int CanadianSkipped,
        int Observations,
        IReadOnlyList<string> UnknownPortNumbers,
        IReadOnlyList<string> Problems) : Outcome(PollId);

    /// <summary>Neither XML nor JSON of the feed's shape; the body is archived all the same.</summary>
    public sealed record Unreadable(Guid PollId, IReadOnlyList<string> Problems) : Outcome(PollId);

    public async Task<Outcome> Handle(string body, string source, CancellationToken cancellationToken = default)
    {
        var collectedAt = clock.GetUtcNow();
        var format = body.TrimStart().StartsWith('<') ? "xml" : "json";
        var feed = format == "xml" ? BwtXml.Parse(body) : BwtJson.Parse(body);
        var mexican = feed.Crossings.Where(c => c.IsMexicanBorder).ToList();
        var crossings = await db.Crossings.AsNoTracking()
            .Join(db.Ports, c => c.PortCode, p => p.Code, (c, p) => new { c.Number, c.PortCode, p.TimeZone })
            .ToListAsync(cancellationToken);
        var byNumber = crossings.ToDictionary(c => c.Number, StringComparer.Ordinal);
        var aliases = Aliases.Value;
        var unknown = new List<string>();
        var poll = new WaitPollRecord
        {
            Id = Guid.CreateVersion7(collectedAt),
            CollectedAt = collectedAt,
            Source = source.Length > 500 ? source[..500] : source,
            Format = format,
            Body = body,
            MexicanCrossings = mexican.Count,
            CanadianSkipped = feed.Crossings.Count - mexican.Count,
            UnknownPortNumbers = "",
            Problems = string.Join('\n', feed.Problems),
        };
        db.WaitPolls.Add(poll);
        var freshFor = TimeSpan.FromMinutes(options.Value.FreshMinutes);
        var observations = 0;
        foreach (var crossing in mexican)
        {
            var number = aliases.GetValueOrDefault(crossing.PortNumber, crossing.PortNumber);
            var known = byNumber.GetValueOrDefault(number);
            if (known is null)
            {
                unknown.Add(crossing.PortNumber);
            }
            var reportedAt = known is null ? null : WaitTimesClock.ReportedAt(crossing.Date, crossing.Time, known.TimeZone);
            foreach (var lane in Recorded(crossing.Lanes))
            {
                var updatedAt = known is null ? null : WaitTimesClock.UpdatedAt(crossing.Date, lane.UpdateTime, reportedAt ?? collectedAt, known.TimeZone);
                db.WaitObservations.Add(new WaitObservationRecord
                {
                    PollId = poll.Id,
                    PortNumber = Clip(crossing.PortNumber),
                    CrossingNumber = known?.Number,
                    PortCode = known?.PortCode,
                    PortStatus = Clip(crossing.PortStatus),
                    Lane = lane.Type,
                    Kind = lane.Kind,
                    OperationalStatus = Clip(lane.OperationalStatus),
                    UpdateTimeText = Clip(lane.UpdateTime),
                    DelayText = Clip(lane.DelayMinutes),
                    LanesOpenText = Clip(lane.LanesOpen),
                    MaximumLanesText = Clip(lane.MaximumLanes),
                    DelayMinutes = lane.Delay,
                    LanesOpen = lane.Open,
                    ReportedAt = reportedAt,
                    UpdatedAt = updatedAt,
                    CollectedAt = collectedAt,
                    Freshness = WaitTimesClock.Label(updatedAt, collectedAt, freshFor),
                });
                observations++;
            }
        }
        poll.UnknownPortNumbers = string.Join(',', unknown);
        await db.SaveChangesAsync(cancellationToken);
        return feed.Crossings.Count == 0 && feed.Problems.Count > 0
            ? new Unreadable(poll.Id, feed.Problems)
            : new Imported(poll.Id, collectedAt, mexican.Count, poll.CanadianSkipped, observations, unknown, feed.Problems);
    }

    /// <summary>
    /// Every standard lane, blank or not, so each crossing appears in every poll; the special lanes
    /// (FAST, SENTRI, Ready) only when CBP wrote something other than N/A for them.
    /// </summary>
    private static IEnumerable<LaneReading> Recorded(IReadOnlyList<LaneReading> lanes) =>
        lanes.Where(l => l.Kind == LaneKind.Standard || !l.IsBlank);

    private static string Clip(string value) => value.Length > 100 ? value[..100] : value;
}
