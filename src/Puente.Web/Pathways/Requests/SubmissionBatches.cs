using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Requests;

/// <summary>
/// The database work of <see cref="SubmitRequest"/>, shared by the submissions that arrive together: two queries
/// read what every waiting submission needs, and one batch stores every admitted request with its travellers,
/// however many there are. In a surge this is what lets the database keep up: a round trip costs PostgreSQL
/// about as much for one submission as for dozens (ADR 0024).
/// </summary>
/// <remarks>
/// A batch's insert is one transaction. When it fails (a unique index refused one request), nothing of it is kept
/// and each request is stored again alone, so one applicant's conflict is answered to that applicant only and
/// never costs another theirs.
/// </remarks>
internal sealed class SubmissionBatches : IAsyncDisposable, IDisposable
{
    /// <summary>What one submission asks the database before deciding.</summary>
    public sealed record Question(string ApplicantUserId, DateOnly ServiceDate, string? IdempotencyKey, IReadOnlyList<Guid> TravellerIds);

    /// <summary>The answer: null when there is no such account.</summary>
    public sealed record Found(string? SecurityStamp, bool Verified, DateOnly? RegisteredOn, DrawStatus? DayStatus, string? DayStamp,
        bool Earlier, IReadOnlyList<EnteredTraveller> Travellers);

    /// <summary>The most submissions one read asks about; the query's lists grow with it.</summary>
    internal const int MostPerRead = 64;

    /// <summary>The most statements in one insert: EF Core's batch on PostgreSQL unless configured otherwise
    /// (Npgsql's provider sends up to 1,000 in one batch, and one batch is one implicit transaction).</summary>
    internal const int OneBatch = 1000;

    private readonly IServiceScopeFactory scopes;
    private readonly BatchQueue<Question, Found?> reads;
    private readonly BatchQueue<AppointmentRequestRecord, bool> inserts;

    public SubmissionBatches(IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        reads = new(ReadBatch, _ => 1, MostPerRead);
        inserts = new(InsertBatch, r => 1 + r.Travellers.Count, OneBatch);
    }

    public Task<Found?> Read(Question question, CancellationToken cancellationToken) => reads.Run(question, cancellationToken);

    /// <summary>Stores the request and its travellers, all or nothing; throws the <see cref="DbUpdateException"/>
    /// of the request's own insert when a unique index refuses it.</summary>
    public Task Insert(AppointmentRequestRecord request, CancellationToken cancellationToken) => inserts.Run(request, cancellationToken);

    private sealed record Row(string UserId, string? SecurityStamp, bool Verified, DateOnly? RegisteredOn,
        List<TravellerRow> Travellers, List<string?> EarlierKeys);

    private sealed record TravellerRow(Guid Id, string EntryKey, string NamesKey);

    private sealed record DayRow(DateOnly ServiceDate, DrawStatus Status, string Secret);

    internal async Task ReadBatch(IReadOnlyList<BatchQueue<Question, Found?>.Pending> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var questions = batch.Select(p => p.Item).ToList();
        var userIds = questions.Select(q => q.ApplicantUserId).Distinct().ToList();
        var keys = questions.Select(q => q.IdempotencyKey).OfType<string>().Distinct().ToList();
        var travellerIds = questions.SelectMany(q => q.TravellerIds).Distinct().ToList();
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        await foreach (var row in Accounts(db, userIds, keys, travellerIds).WithCancellation(cancellationToken))
        {
            rows[row.UserId] = row;
        }
        var days = new Dictionary<DateOnly, DayRow>();
        await foreach (var day in Days(db, questions.Select(q => q.ServiceDate).Distinct().ToList()).WithCancellation(cancellationToken))
        {
            days[day.ServiceDate] = day;
        }
        foreach (var pending in batch)
        {
            var q = pending.Item;
            if (!rows.TryGetValue(q.ApplicantUserId, out var row))
            {
                pending.Answer(null);
                continue;
            }
            var day = days.GetValueOrDefault(q.ServiceDate);
            pending.Answer(new Found(
                row.SecurityStamp, row.Verified, row.RegisteredOn, day?.Status, day?.Secret,
                q.IdempotencyKey is not null && row.EarlierKeys.Contains(q.IdempotencyKey, StringComparer.Ordinal),
                row.Travellers.Where(t => q.TravellerIds.Contains(t.Id)).Select(t => new EnteredTraveller(t.Id, t.EntryKey, t.NamesKey)).ToList()));
        }
    }

    /// <summary>Compiled once, as a surge runs it for every batch. Each account's row carries only its own travellers
    /// and earlier keys among those asked about.</summary>
    private static readonly Func<PuenteDb, List<string>, List<string>, List<Guid>, IAsyncEnumerable<Row>> Accounts =
        EF.CompileAsyncQuery((PuenteDb db, List<string> userIds, List<string> keys, List<Guid> travellerIds) =>
            db.Users.AsNoTracking()
                .Where(u => userIds.Contains(u.Id))
                .Select(u => new Row(
                    u.Id,
                    u.SecurityStamp,
                    u.EmailConfirmed || u.PhoneNumberConfirmed,
                    db.Applicants.Where(a => a.UserId == u.Id).Select(a => (DateOnly?)a.RegisteredOn).FirstOrDefault(),
                    db.Travellers
                        .Where(t => t.ApplicantUserId == u.Id && travellerIds.Contains(t.Id))
                        .Select(t => new TravellerRow(t.Id, t.EntryKey, t.NamesKey))
                        .ToList(),
                    db.Requests
                        .Where(r => r.ApplicantUserId == u.Id && r.IdempotencyKey != null && keys.Contains(r.IdempotencyKey))
                        .Select(r => r.IdempotencyKey)
                        .ToList())));

    /// <summary>The asked days' status and stamp, read every time: the window's announcement is kept in memory
    /// only while the stamp read here matches it.</summary>
    private static readonly Func<PuenteDb, List<DateOnly>, IAsyncEnumerable<DayRow>> Days =
        EF.CompileAsyncQuery((PuenteDb db, List<DateOnly> dates) =>
            db.DrawDays.AsNoTracking()
                .Where(d => dates.Contains(d.ServiceDate))
                .Select(d => new DayRow(d.ServiceDate, d.Status, d.Secret)));

    internal async Task InsertBatch(IReadOnlyList<BatchQueue<AppointmentRequestRecord, bool>.Pending> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        db.Requests.AddRange(batch.Select(p => p.Item));
        try
        {
            await SaveAtomically(db, batch.Sum(p => 1 + p.Item.Travellers.Count), cancellationToken);
            foreach (var pending in batch)
            {
                pending.Answer(true);
            }
            return;
        }
        catch (DbUpdateException e) when (batch.Count == 1)
        {
            batch[0].Fail(e);
            return;
        }
        catch (DbUpdateException)
        {
            // Some request in the batch was refused and the whole batch with it: store each alone to learn which.
            db.ChangeTracker.Clear();
        }
        foreach (var pending in batch)
        {
            db.Requests.Add(pending.Item);
            try
            {
                await SaveAtomically(db, 1 + pending.Item.Travellers.Count, cancellationToken);
                pending.Answer(true);
            }
            catch (DbUpdateException e)
            {
                pending.Fail(e);
            }
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// All or nothing. PostgreSQL runs a batch, up to its one Sync message, as one implicit transaction, so no
    /// BEGIN and COMMIT round trips are needed there when EF Core sends every statement in one batch. SQLite
    /// commits each statement by itself unless a transaction holds them, so it keeps EF Core's.
    /// </summary>
    private static async Task SaveAtomically(PuenteDb db, int statements, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || statements > OneBatch)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
        }
    }

    public ValueTask DisposeAsync() => DisposeBoth();

    public void Dispose() => DisposeBoth().AsTask().GetAwaiter().GetResult();

    private async ValueTask DisposeBoth()
    {
        await reads.DisposeAsync();
        await inserts.DisposeAsync();
    }
}
