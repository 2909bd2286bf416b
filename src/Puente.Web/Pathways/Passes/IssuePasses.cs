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
internal sealed partial class IssuePasses(PuenteDb db, GetSigningKey signingKey, TimeProvider clock, ILogger<IssuePasses> logger)
{
    private const string PassIdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Writes a signed pass for each appointment, set-based in the caller's transaction (the appointments
    /// are stored already). Signing is pure CPU, so it is spread over the cores, each with its own copy of the key.
    /// </summary>
    public async Task Handle(IReadOnlyList<AppointmentRecord> booked, CancellationToken cancellationToken = default)
    {
        var travellers = await Travellers(booked.Select(a => a.RequestId), cancellationToken);
        using var signing = await StartSigning(booked, travellers, cancellationToken);
        await BulkInsert.Rows(db, await signing.Finish(), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Revokes the live passes of appointments that moved and writes a new one for where each now is, both in
    /// the move's transaction. <paramref name="moved"/> carries the appointments' new places, <paramref name="travellers"/>
    /// each request's travellers as <see cref="ByRequest"/> makes them (the caller has read them already). The new passes are
    /// signed on another thread while <paramref name="meanwhile"/> uses the context (the caller's other writes),
    /// so the signing and the database work overlap; what is left to sign when those writes end is shared with the
    /// caller's thread.
    /// </summary>
    public async Task Reissue(IReadOnlyList<AppointmentRecord> moved, IReadOnlyDictionary<Guid, IReadOnlyList<PassTraveller>> travellers,
        Func<Task> meanwhile, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        using var signing = await StartSigning(moved, travellers, cancellationToken);
        var read = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        // One statement however many moved, the ids joined as a list (see ValueList).
        var ids = ValueList.Of(db, moved.Select(m => m.Id).ToArray());
        await db.Passes.Where(p => ids.Contains(p.AppointmentId) && p.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RevokedAt, now), cancellationToken);
        var revoked = clock.GetTimestamp();
        await meanwhile();
        var done = clock.GetTimestamp();
        var passes = await signing.Finish();
        var signed = clock.GetTimestamp();
        await BulkInsert.Rows(db, passes, cancellationToken: cancellationToken);
        var (readMs, revokeMs, meanwhileMs) = (Milliseconds(started, read), Milliseconds(read, revoked), Milliseconds(revoked, done));
        var (waitMs, writeMs) = (Milliseconds(done, signed), Milliseconds(signed, clock.GetTimestamp()));
        PassesReissued(logger, moved.Count, readMs, revokeMs, meanwhileMs, waitMs, writeMs);
    }

    /// <summary>Reads the signing key (the database part, on this context), then starts signing the passes on other threads.</summary>
    private async Task<Signing> StartSigning(IReadOnlyList<AppointmentRecord> booked,
        IReadOnlyDictionary<Guid, IReadOnlyList<PassTraveller>> travellers, CancellationToken cancellationToken)
    {
        using var key = await signingKey.Handle(cancellationToken);
        return new Signing(booked, travellers, key.KeyId, key.PrivateKey.ExportParameters(includePrivateParameters: true), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Passes being signed, one core short of all of them: the other core is left to the work the caller does meanwhile
    /// (the database's, for a server on the same machine; the writes themselves, for SQLite in this process). The
    /// caller's thread joins in when it asks for the passes, so whatever is left is signed on every core. Each thread
    /// signs with its own copy of the key, taking the next unsigned pass until none is left.
    /// </summary>
    private sealed class Signing : IDisposable
    {
        private readonly IReadOnlyList<AppointmentRecord> booked;
        private readonly IReadOnlyDictionary<Guid, IReadOnlyList<PassTraveller>> travellers;
        private readonly string keyId;
        private readonly ECParameters parameters;
        private readonly DateTimeOffset now;
        private readonly CancellationToken cancellationToken;
        private readonly PassRecord[] passes;
        private readonly Task[] helpers;
        private int next = -1;

        public Signing(IReadOnlyList<AppointmentRecord> booked, IReadOnlyDictionary<Guid, IReadOnlyList<PassTraveller>> travellers,
            string keyId, ECParameters parameters, DateTimeOffset now, CancellationToken cancellationToken)
        {
            (this.booked, this.travellers, this.keyId, this.parameters, this.now, this.cancellationToken) =
                (booked, travellers, keyId, parameters, now, cancellationToken);
            passes = new PassRecord[booked.Count];
            var others = booked.Count == 0 ? 0 : Math.Max(1, Environment.ProcessorCount - 1);
            helpers = [.. Enumerable.Range(0, others).Select(_ => Task.Run(SignUntilDone, cancellationToken))];
        }

        /// <summary>Signs alongside the other threads until every pass is signed, then gives them all.</summary>
        public async Task<PassRecord[]> Finish()
        {
            SignUntilDone();
            await Task.WhenAll(helpers);
            return passes;
        }

        private void SignUntilDone()
        {
            using var privateKey = ECDsa.Create(parameters);
            for (var i = Interlocked.Increment(ref next); i < passes.Length; i = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var appointment = booked[i];
                var passId = RandomNumberGenerator.GetString(PassIdAlphabet, 16);
                passes[i] = new PassRecord
                {
                    PassId = passId,
                    AppointmentId = appointment.Id,
                    KeyId = keyId,
                    Token = PassToken.Sign(Claims(passId, appointment, travellers[appointment.RequestId]), keyId, privateKey),
                    SignedAt = now,
                };
            }
        }

        /// <summary>Lets the helpers end (they stop taking passes when cancelled or done), then wipes the key's copy.</summary>
        public void Dispose()
        {
            Interlocked.Exchange(ref next, passes.Length);
            Task.WaitAll(helpers.Select(h => h.ContinueWith(_ => { }, TaskScheduler.Default)));
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    private long Milliseconds(long from, long to) => (long)clock.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>Where a reissue's time went (see docs/benchmarks/ports.md); signing overlaps the caller's writes.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message =
        "Passes reissued: {Count}; read key {ReadMs} ms, revoke old passes {RevokeMs} ms, caller's writes while signing {MeanwhileMs} ms, " +
        "waited for signing {WaitMs} ms, write passes {WriteMs} ms.")]
    private static partial void PassesReissued(ILogger logger, int count, long readMs, long revokeMs, long meanwhileMs, long waitMs, long writeMs);

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

    /// <summary>One traveller of a request, as read for a pass.</summary>
    public sealed record Person(Guid RequestId, string GivenNames, string FamilyNames, DateOnly BirthDate, bool IsApplicant);

    /// <summary>Each request's travellers as the pass shows them: the applicant first, then by birth date.</summary>
    public static Dictionary<Guid, IReadOnlyList<PassTraveller>> ByRequest(IEnumerable<Person> people) =>
        people.GroupBy(p => p.RequestId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<PassTraveller>)g.OrderByDescending(t => t.IsApplicant).ThenBy(t => t.BirthDate)
                .Select(t => new PassTraveller(Initials(t.GivenNames, t.FamilyNames), t.BirthDate.Year)).ToList());

    private async Task<Dictionary<Guid, IReadOnlyList<PassTraveller>>> Travellers(IEnumerable<Guid> requestIds, CancellationToken cancellationToken)
    {
        // One statement however many requests, the ids joined as a list (see ValueList).
        var ids = ValueList.Of(db, requestIds.Distinct().ToArray());
        return ByRequest(await db.RequestTravellers
            .Where(rt => ids.Contains(rt.RequestId))
            .Join(db.Travellers, rt => rt.TravellerId, t => t.Id, (rt, t) => new Person(rt.RequestId, t.GivenNames, t.FamilyNames, t.BirthDate, t.IsApplicant))
            .ToListAsync(cancellationToken));
    }
}
