using System.Globalization;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Passes;
using Puente.Domain.Pathways.Requests;
using Puente.Domain.Ports.Status;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;
using Puente.Web.Ports.Closures;

namespace Puente.Benchmarks;

/// <summary>
/// A closure of San Ysidro's appointment lane over five dates holding 10,000 booked appointments (2,000 a
/// day, single travellers, one or two preferred ports): <see cref="RebookAppointments"/> moves every one
/// (new pass, old one revoked, a message each), against a plain read of the same appointments with their
/// requests and against signing 10,000 passes alone. SQLite in a temporary file, and PostgreSQL when
/// PUENTE_BENCH_POSTGRES names a server; every run starts from the seeded copy.
/// </summary>
[MemoryDiagnoser]
public class RebookingBenchmarks
{
    /// <summary>The seeded data's clock: every record is written as of this instant.</summary>
    private static readonly DateTimeOffset SeededAt = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private const string SanYsidro = "2504";
    private const int Appointments = 10_000;
    private const int Dates = 5;
    private static readonly DateOnly FirstDate = new(2027, 3, 1);
    private static readonly string[] Others = ["2402", "2305", "2304", "2604", "2301", "2303", "2503"];

    private PuenteHost host = null!;

    [ParamsSource(typeof(PuenteHost), nameof(PuenteHost.Databases))]
    public string Database { get; set; } = "SQLite";
    private RebookAppointments.Closure closure = null!;
    private readonly ECDsa signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [GlobalSetup]
    public async Task Setup()
    {
        // Twelve hourly slots of 200 at each of the eight ports: 2,400 a day, room for the 2,000 moved.
        var settings = new Dictionary<string, string?>();
        foreach (var port in Others.Append(SanYsidro))
        {
            for (var h = 0; h < 12; h++)
            {
                settings[$"Pathways:DefaultSlots:{port}:{h}:Start"] = $"{7 + h:00}:00";
                settings[$"Pathways:DefaultSlots:{port}:{h}:Capacity"] = "200";
            }
        }
        host = await PuenteHost.Start(settings, postgres: Database == "PostgreSQL");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var lane = await db.Ports.Where(p => p.Code == SanYsidro).Select(p => new { p.AppointmentCrossing, p.AppointmentLane }).SingleAsync();
        var closureId = Guid.CreateVersion7(SeededAt);
        closure = new(closureId, SanYsidro, lane.AppointmentCrossing!, lane.AppointmentLane!.Value, FirstDate, FirstDate.AddDays(Dates - 1), LaneReason.StaffRedeployed);
        db.Closures.Add(new ClosureRecord
        {
            Id = closureId, PortCode = SanYsidro, CrossingNumber = closure.CrossingNumber, Lane = closure.Lane, FirstDate = closure.FirstDate,
            LastDate = closure.LastDate, Reason = closure.Reason, CreatedBy = "system", CreatedAt = SeededAt,
        });
        Seed(db);
        await db.SaveChangesAsync();
        host.Snapshot();
        await WarmUp();
    }

    /// <summary>
    /// The whole rebooking, run as often as the runtime needs to optimise its code fully (it recompiles a method after
    /// thirty calls, in the background), as a running server's would be. Measured from its second call, the rebooking
    /// ran in code still being compiled, beside the compiler's own thread on the two cores (docs/benchmarks/ports.md).
    /// </summary>
    private async Task WarmUp()
    {
        for (var i = 0; i < 30; i++)
        {
            SeededDatabase();
            await Rebook();
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private static void Seed(PuenteDb db)
    {
        var random = new Random(20270301);
        var now = SeededAt;
        for (var i = 0; i < Appointments; i++)
        {
            var userId = Guid.NewGuid().ToString();
            var email = $"bench-{i}@puente.test";
            db.Users.Add(new PuenteUser { Id = userId, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() });
            var key = $"entry-{i:D6}";
            var traveller = new TravellerRecord
            {
                Id = Guid.NewGuid(), ApplicantUserId = userId, IsApplicant = true, GivenNames = "Ana", FamilyNames = $"Prueba {i}",
                BirthDate = new DateOnly(1990, 1, 1), Nationality = "MEX", NamesKey = $"names-{i:D6}", EntryKey = key,
            };
            db.Set<ApplicantRecord>().Add(new ApplicantRecord { UserId = userId, RegisteredOn = new DateOnly(2026, 1, 1).AddDays(random.Next(300)), RegisteredAt = now, Travellers = [traveller] });
            var date = FirstDate.AddDays(i % Dates);
            var ports = random.Next(2) == 0 ? SanYsidro : $"{SanYsidro},{Others[random.Next(Others.Length)]}";
            var request = AppointmentRequestRecord.Enter(userId, date, new DateOnly(2026, 1, 1), ports,
                [new EnteredTraveller(traveller.Id, key, traveller.NamesKey)], reenterUntilSelected: false, now);
            request.Status = RequestStatus.Selected;
            db.Requests.Add(request);
            var slot = $"{7 + (i / Dates % 12):00}:00";
            db.Appointments.Add(new AppointmentRecord
            {
                Id = Guid.NewGuid(), RequestId = request.Id, ApplicantUserId = userId, Ticket = request.Ticket, ServiceDate = date, PortCode = SanYsidro,
                SlotStart = slot, SlotStartsAt = now, Phase = 1 + (i % 2), GroupSize = 1, Status = AppointmentStatus.Booked,
            });
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        host.Dispose();
        signingKey.Dispose();
    }

    /// <summary>The seeded database, with one connection opened and closed as a running server's pool would hold.</summary>
    [IterationSetup]
    public void SeededDatabase()
    {
        host.Restore();
        host.Connect();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> ReadAppointments()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.PortCode == SanYsidro && a.ServiceDate >= closure.FirstDate && a.ServiceDate <= closure.LastDate && a.Status == AppointmentStatus.Booked)
            .Join(db.Requests, a => a.RequestId, r => r.Id, (a, r) => new { a.Id, a.Ticket, a.SlotStart, r.RegisteredOn, r.Ports })
            .ToListAsync();
        return rows.Count;
    }

    /// <summary>What signing alone costs: 10,000 ES256 passes (one traveller each), the work no batching removes.</summary>
    [Benchmark]
    public int SignPasses()
    {
        var length = 0;
        for (var i = 0; i < Appointments; i++)
        {
            var claims = new PassClaims($"PASS{i:D12}", $"T{i:D9}", "2402", FirstDate, "07:00", 1, [new PassTraveller("AP", 1990)]);
            length += PassToken.Sign(claims, "bench", signingKey).Length;
        }
        return length;
    }

    [Benchmark]
    public async Task<int> Rebook()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var summary = await scope.ServiceProvider.GetRequiredService<RebookAppointments>().Handle(closure, apply: true);
        await transaction.CommitAsync();
        return summary.Rebooked == Appointments
            ? summary.Rebooked
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"rebooked {summary.Rebooked} of {summary.Affected}, {summary.Unplaced} unplaced"));
    }
}
