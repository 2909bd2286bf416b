using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Passes;
using Puente.Web.Database;
using Puente.Web.Pathways.Appointments;

namespace Puente.Web.Pathways.Passes;

/// <summary>
/// Mints and signs passes: for appointments just booked (in the booking's transaction), and again for
/// every live pass when the signing key is rotated. The only place a pass is signed.
/// </summary>
internal sealed class IssuePasses(PuenteDb db, GetSigningKey signingKey, TimeProvider clock)
{
    private const string PassIdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Writes a signed pass for each appointment, set-based in the caller's transaction (the appointments
    /// are stored already). Signing is pure CPU, so it is spread over the cores, each with its own copy of the key.
    /// </summary>
    public async Task Handle(IReadOnlyList<AppointmentRecord> booked, CancellationToken cancellationToken = default)
    {
        var travellers = await Travellers(booked.Select(a => a.RequestId), cancellationToken);
        using var key = await signingKey.Handle(cancellationToken);
        var now = clock.GetUtcNow();
        var passes = new PassRecord[booked.Count];
        var parameters = key.PrivateKey.ExportParameters(includePrivateParameters: true);
        Parallel.For(0, booked.Count, new ParallelOptions { CancellationToken = cancellationToken },
            () => ECDsa.Create(parameters),
            (i, _, privateKey) =>
            {
                var appointment = booked[i];
                var passId = RandomNumberGenerator.GetString(PassIdAlphabet, 16);
                passes[i] = new PassRecord
                {
                    PassId = passId,
                    AppointmentId = appointment.Id,
                    KeyId = key.KeyId,
                    Token = PassToken.Sign(Claims(passId, appointment, travellers[appointment.RequestId]), key.KeyId, privateKey),
                    SignedAt = now,
                };
                return privateKey;
            },
            privateKey => privateKey.Dispose());
        CryptographicOperations.ZeroMemory(parameters.D);
        await BulkInsert.Rows(db, passes, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Revokes the live passes of appointments that moved and writes a new one for where each now is, both in
    /// the move's transaction. <paramref name="moved"/> carries the appointments' new places.
    /// </summary>
    public async Task Reissue(IReadOnlyList<AppointmentRecord> moved, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        // All at once: one statement per chunk of appointments and one key load, however many moved.
        foreach (var chunk in moved.Select(m => m.Id).Chunk(500))
        {
            await db.Passes.Where(p => chunk.Contains(p.AppointmentId) && p.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAt, now), cancellationToken);
        }
        await Handle(moved, cancellationToken);
    }

    /// <summary>Signs every pass of a booked appointment again with the active key, keeping its id. Returns how many.</summary>
    public Task<int> ResignLive(CancellationToken cancellationToken = default) =>
        Sign(x => x.Appointment.Status == AppointmentStatus.Booked && x.Pass.RevokedAt == null, cancellationToken);

    /// <summary>Signs the passes carried over without a token by the migration that gave passes their own table.</summary>
    public Task<int> SignUnsigned(CancellationToken cancellationToken = default) =>
        Sign(x => x.Pass.Token == "", cancellationToken);

    private sealed class Signable
    {
        public required PassRecord Pass { get; init; }
        public required AppointmentRecord Appointment { get; init; }
    }

    private async Task<int> Sign(System.Linq.Expressions.Expression<Func<Signable, bool>> which, CancellationToken cancellationToken)
    {
        var live = await db.Passes
            .Join(db.Appointments, p => p.AppointmentId, a => a.Id, (p, a) => new Signable { Pass = p, Appointment = a })
            .Where(which)
            .ToListAsync(cancellationToken);
        if (live.Count == 0)
        {
            return 0;
        }
        var travellers = await Travellers(live.Select(x => x.Appointment.RequestId), cancellationToken);
        using var key = await signingKey.Handle(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (pass, appointment) in live.Select(x => (x.Pass, x.Appointment)))
        {
            pass.KeyId = key.KeyId;
            pass.Token = PassToken.Sign(Claims(pass.PassId, appointment, travellers[appointment.RequestId]), key.KeyId, key.PrivateKey);
            pass.SignedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return live.Count;
    }

    /// <summary>"María José", "García López" → "MG": first letter of the given and of the family names.
    /// Each initial is one character (a letter with its accent composed), never a stack of combining
    /// marks, so the largest group's pass stays a QR code a phone can read.</summary>
    public static string Initials(string givenNames, string familyNames) =>
        string.Concat(First(givenNames), First(familyNames)).ToUpperInvariant();

    private static string First(string names)
    {
        if (names.Trim() is not { Length: > 0 } trimmed)
        {
            return "";
        }
        Rune.DecodeFromUtf16(StringInfo.GetNextTextElement(trimmed).Normalize(NormalizationForm.FormC), out var letter, out _);
        return letter.ToString();
    }

    private static PassClaims Claims(string passId, AppointmentRecord appointment, IReadOnlyList<PassTraveller> travellers) =>
        new(passId, appointment.Ticket, appointment.PortCode, appointment.ServiceDate, appointment.SlotStart, appointment.GroupSize, travellers);

    /// <summary>Each request's travellers as the pass shows them: the applicant first, then by birth date.</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<PassTraveller>>> Travellers(IEnumerable<Guid> requestIds, CancellationToken cancellationToken)
    {
        var people = new List<(Guid RequestId, string GivenNames, string FamilyNames, DateOnly BirthDate, bool IsApplicant)>();
        foreach (var chunk in requestIds.Distinct().Chunk(500))
        {
            var rows = await db.RequestTravellers
                .Where(rt => chunk.Contains(rt.RequestId))
                .Join(db.Travellers, rt => rt.TravellerId, t => t.Id, (rt, t) => new { rt.RequestId, t.GivenNames, t.FamilyNames, t.BirthDate, t.IsApplicant })
                .ToListAsync(cancellationToken);
            people.AddRange(rows.Select(r => (r.RequestId, r.GivenNames, r.FamilyNames, r.BirthDate, r.IsApplicant)));
        }
        return people.GroupBy(p => p.RequestId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<PassTraveller>)g.OrderByDescending(t => t.IsApplicant).ThenBy(t => t.BirthDate)
                .Select(t => new PassTraveller(Initials(t.GivenNames, t.FamilyNames), t.BirthDate.Year)).ToList());
    }
}
