using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Passes;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Passes;

/// <summary>Signs the pass of one of the applicant's own appointments.</summary>
public sealed class IssuePass(PuenteDb db, GetSigningKey signingKey)
{
    public sealed record Traveller(string Initials, int BirthYear);

    public sealed record Pass(
        string PassId, string Token, string QrSvg, string Port, string PortName, DateOnly ServiceDate, string Slot, int GroupSize,
        IReadOnlyList<Traveller> Travellers);

    /// <summary>Null when the appointment does not exist or is not the applicant's.</summary>
    public async Task<Pass?> Handle(Guid appointmentId, string applicantUserId, CancellationToken cancellationToken = default)
    {
        var appointment = await db.Appointments
            .Where(a => a.Id == appointmentId && a.ApplicantUserId == applicantUserId)
            .Select(a => new
            {
                a.PassId, a.Ticket, a.PortCode, a.ServiceDate, a.SlotStart, a.GroupSize, a.RequestId,
                PortName = db.Ports.Where(p => p.Code == a.PortCode).Select(p => p.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (appointment is null)
        {
            return null;
        }
        var people = await db.RequestTravellers
            .Where(rt => rt.RequestId == appointment.RequestId)
            .Join(db.Travellers, rt => rt.TravellerId, t => t.Id, (_, t) => new { t.GivenNames, t.FamilyNames, t.BirthDate, t.IsApplicant })
            .ToListAsync(cancellationToken);
        var travellers = people
            .OrderByDescending(t => t.IsApplicant).ThenBy(t => t.BirthDate)
            .Select(t => new PassTraveller(Initials(t.GivenNames, t.FamilyNames), t.BirthDate.Year))
            .ToList();

        var claims = new PassClaims(
            appointment.PassId, appointment.Ticket, appointment.PortCode, appointment.ServiceDate, appointment.SlotStart,
            appointment.GroupSize, travellers);
        using var key = await signingKey.Handle(cancellationToken);
        var token = PassToken.Sign(claims, key.KeyId, key.PrivateKey);
        return new Pass(
            claims.PassId, token, PassQr.Svg(token), claims.Port, appointment.PortName ?? claims.Port, claims.ServiceDate, claims.Slot,
            claims.GroupSize, travellers.Select(t => new Traveller(t.Initials, t.BirthYear)).ToList());
    }

    /// <summary>"María José", "García López" → "MG": first letter of the given and of the family names.</summary>
    public static string Initials(string givenNames, string familyNames) =>
        string.Concat(First(givenNames), First(familyNames)).ToUpperInvariant();

    private static string First(string names) =>
        names.Trim() is { Length: > 0 } trimmed ? System.Globalization.StringInfo.GetNextTextElement(trimmed) : "";
}
