using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Audit;
using Puente.Web.Database;

namespace Puente.Api.Tests.Audit;

public sealed class AuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_untouched_chain_verifies_and_the_cli_exits_0()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(database: database);
        await Changes(app);

        var run = await PuenteCli.Invoke(database, "audit", "verify");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("The audit log is intact", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("delete")]
    [InlineData("delete-last")]
    public async Task Editing_or_deleting_an_audit_row_in_the_database_makes_verify_exit_1_naming_the_row(string tampering)
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(database: database);
        var count = await Changes(app);
        var target = tampering == "delete-last" ? count : count / 2;

        await Tamper(app, tampering == "edit"
            ? $"UPDATE audit_log SET \"Actor\" = 'someone.else@puente.test' WHERE \"Sequence\" = {target}"
            : $"DELETE FROM audit_log WHERE \"Sequence\" = {target}");
        var run = await PuenteCli.Invoke(database, "audit", "verify");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"broken at entry {target}:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows()
    {
        await using var app = new PuenteApp();
        await Changes(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET \"Actor\" = 'x' WHERE \"Sequence\" = 1", Ct));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log", Ct));

        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.IsType<VerifyAuditLog.Intact>(await scope.ServiceProvider.GetRequiredService<VerifyAuditLog>().Handle(Ct));
    }

    [Fact]
    public async Task Concurrent_appends_take_consecutive_places_and_never_fork_the_chain()
    {
        await using var app = new PuenteApp();
        var before = await Head(app);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>()
                .Append(new AuditLog.Event("lead@puente.test", "lane.status", "lane", $"2504-{i}", null, new { status = "open" }), Ct);
        }));

        await using var check = app.Services.CreateAsyncScope();
        var intact = Assert.IsType<VerifyAuditLog.Intact>(await check.ServiceProvider.GetRequiredService<VerifyAuditLog>().Handle(Ct));
        Assert.Equal(before + 24, intact.Entries);
    }

    [Fact]
    public async Task Capacity_changes_and_new_users_are_in_the_audit_log_with_who_and_what()
    {
        await using var app = new PuenteApp();
        var admin = await app.ClientFor("admin@puente.test");
        var put = await admin.PutAsJsonAsync("/api/capacity/2504/2026-12-20", new { slots = new[] { new { start = "08:00", capacity = 12 } } }, Ct);
        put.EnsureSuccessStatusCode();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var capacity = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "capacity", Ct);
        var users = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "user.added").Select(e => e.After).ToListAsync(Ct);

        Assert.Equal("admin@puente.test", capacity.Actor);
        Assert.Equal("2504/2026-12-20", capacity.EntityId);
        Assert.Contains("\"capacity\":12", capacity.After, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"Template\"", capacity.Before, StringComparison.Ordinal);
        Assert.Contains(users, u => u!.Contains("\"role\":\"Caseworker\"", StringComparison.Ordinal) && u.Contains("los-angeles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_daily_head_is_published_publicly_and_a_rewritten_past_no_longer_matches_it()
    {
        await using var app = new PuenteApp();
        await Changes(app);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PublishAuditHead>().Handle(Ct);
        }

        var published = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/audit/checkpoints", Ct);
        var checkpoint = Assert.Single(published.EnumerateArray());
        Assert.Equal("2026-11-29", checkpoint.GetProperty("day").GetString());
        Assert.Equal(64, checkpoint.GetProperty("hash").GetString()!.Length);

        // Rewriting every hash after an edit makes the chain consistent again, but not with what was published.
        await Tamper(app, "UPDATE audit_log SET \"Hash\" = (CASE WHEN substr(\"Hash\", 1, 1) = 'f' THEN 'e' ELSE 'f' END) || substr(\"Hash\", 2) WHERE \"Sequence\" = " + checkpoint.GetProperty("sequence").GetInt64());
        await using var verify = app.Services.CreateAsyncScope();
        Assert.IsType<VerifyAuditLog.Broken>(await verify.ServiceProvider.GetRequiredService<VerifyAuditLog>().Handle(Ct));
    }

    /// <summary>Some cases, reads and changes; returns how many entries the log holds.</summary>
    private static async Task<long> Changes(PuenteApp app)
    {
        var caseworker = await app.ClientFor(Protection.CaseDesk.LosAngeles);
        for (var i = 0; i < 3; i++)
        {
            var id = (await Protection.CaseDesk.Open(caseworker)).GetProperty("id").GetString()!;
            var version = await Protection.CaseDesk.Succeeds(Protection.CaseDesk.Assign(caseworker, id, 1));
            await caseworker.GetFromJsonAsync<JsonElement>($"/api/protection/cases/{id}", Ct);
            await Protection.CaseDesk.Succeeds(Protection.CaseDesk.Move(caseworker, id, version, "start"));
        }
        return await Head(app);
    }

    private static async Task<long> Head(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().AuditHead.Select(h => h.Sequence).SingleAsync(Ct);
    }

    /// <summary>What someone with the database owner's rights could do: lift the guard, change rows.</summary>
    private static async Task Tamper(PuenteApp app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        if (app.Database.Provider == "Postgres")
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log DISABLE TRIGGER USER", Ct);
            await db.Database.ExecuteSqlRawAsync(sql, Ct);
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log ENABLE TRIGGER USER", Ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(AuditTriggers.SqliteDrop, Ct);
            await db.Database.ExecuteSqlRawAsync(sql, Ct);
            await db.Database.ExecuteSqlRawAsync(AuditTriggers.SqliteCreate, Ct);
        }
    }
}
