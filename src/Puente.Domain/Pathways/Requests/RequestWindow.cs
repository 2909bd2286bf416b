using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;

namespace Puente.Domain.Pathways.Requests;

/// <summary>
/// When requests for a service date may be made: the same published instants for everyone.
/// The window opens <see cref="OpensBefore"/> before the service date starts (00:00 UTC) and stays
/// open for <see cref="Length"/>.
/// </summary>
public sealed record RequestWindow(TimeSpan OpensBefore, TimeSpan Length)
{
    public DateTimeOffset OpensAt(DateOnly serviceDate) =>
        new DateTimeOffset(serviceDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - OpensBefore;

    public DateTimeOffset ClosesAt(DateOnly serviceDate) => OpensAt(serviceDate) + Length;

    public bool IsOpen(DateOnly serviceDate, DateTimeOffset now) =>
        now >= OpensAt(serviceDate) && now < ClosesAt(serviceDate);

    /// <summary>Service dates whose window is open at <paramref name="now"/> or opens within <paramref name="lead"/>.</summary>
    public IEnumerable<DateOnly> DatesToAnnounce(DateTimeOffset now, TimeSpan lead)
    {
        var first = DateOnly.FromDateTime((now - Length).UtcDateTime).AddDays(-1);
        var last = DateOnly.FromDateTime((now + OpensBefore + lead).UtcDateTime).AddDays(1);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (now >= OpensAt(date) - lead && now < ClosesAt(date))
            {
                yield return date;
            }
        }
    }
}
