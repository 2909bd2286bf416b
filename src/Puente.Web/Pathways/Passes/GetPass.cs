using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Passes;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Passes;

/// <summary>One of the applicant's own passes, as signed when it was issued.</summary>
internal sealed class GetPass(PuenteDb db)
{
    public sealed record Pass(
        string PassId, string Token, string QrSvg, string Port, string PortName, DateOnly ServiceDate, string Slot, int GroupSize,
        IReadOnlyList<PassTraveller> Travellers);

    /// <summary>Null when the appointment does not exist, is not the applicant's, or has no pass.</summary>
    public async Task<Pass?> Handle(Guid appointmentId, string applicantUserId, CancellationToken cancellationToken = default)
    {
        var stored = await db.Passes
            .Where(p => p.AppointmentId == appointmentId && p.RevokedAt == null)
            .Join(db.Appointments.Where(a => a.ApplicantUserId == applicantUserId), p => p.AppointmentId, a => a.Id, (p, a) => new
            {
                p.Token,
                PortName = db.Ports.Where(port => port.Code == a.PortCode).Select(port => port.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }
        // What the pass shows is what its token says: read back, not assembled again from other rows.
        var claims = PassToken.ReadClaims(stored.Token);
        return new Pass(
            claims.PassId, stored.Token, PassQr.Svg(stored.Token), claims.Port, stored.PortName ?? claims.Port, claims.ServiceDate, claims.Slot,
            claims.GroupSize, claims.Travellers);
    }
}
