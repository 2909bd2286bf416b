namespace Puente.Domain.Protection.Cases;

/// <summary>How long each urgency may wait for a first contact (configurable by the host).</summary>
public sealed record CaseDeadlines(TimeSpan Critical, TimeSpan High, TimeSpan Normal)
{
    public static readonly CaseDeadlines Default = new(TimeSpan.FromHours(4), TimeSpan.FromHours(24), TimeSpan.FromHours(72));

    public DateTimeOffset FirstContactDue(CaseUrgency urgency, DateTimeOffset openedAt) => openedAt + urgency switch
    {
        CaseUrgency.Critical => Critical,
        CaseUrgency.High => High,
        _ => Normal,
    };

    /// <summary>Overdue: no first contact yet, the deadline passed, and the case still open.</summary>
    public static bool IsOverdue(CaseStatus status, DateTimeOffset due, DateTimeOffset? firstContactAt, DateTimeOffset now) =>
        firstContactAt is null && CaseTransitions.IsOpen(status) && due < now;
}
