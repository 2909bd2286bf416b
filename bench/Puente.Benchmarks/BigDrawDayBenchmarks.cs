using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Benchmarks;

/// <summary>
/// A draw day of 100,000 entries on PostgreSQL, from the closed window to the published bundle:
/// <see cref="RunDraw"/> loads the entries, allocates, books the selected with their passes, queues a
/// message for every request and stores the bundle, in one transaction. Beside it, the in-memory
/// allocation of the same entries, the part no implementation can skip. Each run starts from the
/// seeded database (a PostgreSQL template copy). Needs <c>PUENTE_BENCH_POSTGRES</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessLongRun))]
public class BigDrawDayBenchmarks
{
    /// <summary>In this process (seeding 100,000 applicants takes minutes, longer than the in-process
    /// toolchain waits by default), one warm-up and five measured runs.</summary>
    private sealed class InProcessLongRun : ManualConfig
    {
        public InProcessLongRun() => AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
    }

    private static readonly DateOnly ServiceDate = new(2027, 3, 1);
    private static readonly string[] Nationalities = ["MEX", "HTI", "VEN", "HND", "GTM", "CUB"];
    private static readonly string[] Ports = ["2301", "2303", "2304", "2305", "2402", "2503", "2504", "2604"];

    [Params(100_000)]
    public int Entries { get; set; }

    private readonly SettableClock clock = new();
    private PuenteHost host = null!;
    private DrawAnnouncement announcement = null!;
    private List<DrawEntry> entries = null!;
    private byte[] seed = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        // The eight CBP One ports, twelve hourly slots of 15 persons each: 1,440 places for the day.
        var settings = new Dictionary<string, string?>();
        foreach (var port in Ports)
        {
            for (var h = 0; h < 12; h++)
            {
                settings[$"Pathways:DefaultSlots:{port}:{h}:Start"] = $"{7 + h:00}:00";
                settings[$"Pathways:DefaultSlots:{port}:{h}:Capacity"] = "15";
            }
        }
        host = await PuenteHost.Start(settings, clock, postgres: true);
        var window = host.Services.GetRequiredService<IOptions<PathwaysOptions>>().Value.Window;
        var opensAt = window.OpensAt(ServiceDate);
        clock.Now = opensAt - TimeSpan.FromHours(1);
        DrawDayRecord day;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            day = await scope.ServiceProvider.GetRequiredService<AnnounceDraw>().Handle(ServiceDate) is AnnounceDraw.Announced announced
                ? announced.Day
                : throw new InvalidOperationException("No port has capacity on the benchmark's date.");
        }
        announcement = host.Services.GetRequiredService<PublishedAnnouncements>().Of(day);
        var offered = announcement.Ports.Select(p => p.Code).ToArray();
        clock.Now = opensAt + TimeSpan.FromHours(1);
        entries = await Seed(offered, clock.Now);
        seed = DrawDigests.Seed(Convert.FromHexString(day.Secret), ServiceDate, DrawDigests.EntriesDigest(entries), DrawBeaconReport.NotConfigured.RevealValue);
        host.Snapshot();
        clock.Now = window.ClosesAt(ServiceDate) + TimeSpan.FromMinutes(1);
    }

    /// <summary>Applicants registered over 400 days, groups of 1–6 weighted to small, 1–3 ports each;
    /// written in chunks straight to the tables (the submission path is measured elsewhere).</summary>
    private async Task<List<DrawEntry>> Seed(string[] offered, DateTimeOffset now)
    {
        var random = new Random(20270301);
        var drawEntries = new List<DrawEntry>(Entries);
        const int Chunk = 5_000;
        for (var start = 0; start < Entries; start += Chunk)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(Entries, start + Chunk); i++)
            {
                var userId = Guid.NewGuid().ToString();
                var email = string.Create(CultureInfo.InvariantCulture, $"bench-{i}@puente.test");
                db.Users.Add(new PuenteUser
                {
                    Id = userId, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PreferredLanguage = i % 3 == 0 ? "ht" : "es",
                });
                var registeredOn = ServiceDate.AddDays(-random.Next(1, 400));
                var size = random.NextDouble() switch { < 0.40 => 1, < 0.65 => 2, < 0.80 => 3, < 0.90 => 4, < 0.96 => 5, _ => 6 };
                var nationality = Nationalities[random.Next(Nationalities.Length)];
                var travellers = Enumerable.Range(0, size).Select(t => new TravellerRecord
                {
                    Id = Guid.NewGuid(), ApplicantUserId = userId, IsApplicant = t == 0, GivenNames = "Ana", FamilyNames = $"Prueba {i}",
                    BirthDate = new DateOnly(1990, 1, 1).AddDays(t * 1000), Nationality = nationality,
                    NamesKey = $"names-{i:D6}-{t}", EntryKey = $"entry-{i:D6}-{t}",
                }).ToList();
                db.Set<ApplicantRecord>().Add(new ApplicantRecord { UserId = userId, RegisteredOn = registeredOn, RegisteredAt = now, Travellers = travellers });
                var ports = offered.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
                var request = AppointmentRequestRecord.Enter(userId, ServiceDate, registeredOn, string.Join(',', ports),
                    travellers.Select(t => new EnteredTraveller(t.Id, t.EntryKey, t.NamesKey)).ToList(), reenterUntilSelected: i % 3 == 0, now);
                db.Requests.Add(request);
                drawEntries.Add(new DrawEntry(request.Ticket, registeredOn, size, ports));
            }
            await db.SaveChangesAsync();
        }
        return drawEntries;
    }

    [GlobalCleanup]
    public void Cleanup() => host.Dispose();

    [IterationSetup(Target = nameof(CloseDrawAndPublish))]
    public void SeededDatabase() => host.Restore();

    [Benchmark(Baseline = true)]
    public int AllocateInMemory() => DrawAllocator.Allocate(announcement, entries, seed).Count;

    [Benchmark]
    public async Task<int> CloseDrawAndPublish()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RunDraw>().Handle(ServiceDate);
        if (outcome is not RunDraw.Drawn { RanNow: true })
        {
            throw new InvalidOperationException($"The draw did not run: {outcome}");
        }
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        return await db.DrawDays.Where(d => d.ServiceDate == ServiceDate).Select(d => d.EntryCount).SingleAsync() is var count && count == Entries
            ? count
            : throw new InvalidOperationException($"The bundle holds {count} entries, not {Entries}.");
    }

    /// <summary>The benchmark's clock: set by the setup, read by the use cases.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
