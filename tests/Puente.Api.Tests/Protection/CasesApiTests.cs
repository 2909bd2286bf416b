using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using static Puente.Api.Tests.Protection.CaseDesk;

namespace Puente.Api.Tests.Protection;

public sealed class CasesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Intake_routes_each_case_to_the_consulate_with_jurisdiction_over_its_county_today()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);

        var here = await Open(caseworker);
        var lubbock = await Open(caseworker, Intake(county: LubbockCounty, state: "TX"));
        var byState = await Open(caseworker, Intake(county: "", state: "CT"));

        Assert.Equal("los-angeles", here.GetProperty("consulate").GetString());
        Assert.Equal("albuquerque", lubbock.GetProperty("consulate").GetString());
        Assert.Equal("2022-06-01", lubbock.GetProperty("routedSince").GetString());
        Assert.Equal("boston", byState.GetProperty("consulate").GetString());
        // Routed away, the case is no longer the intake caseworker's to see.
        await Problem(caseworker.GetAsync($"/api/protection/cases/{lubbock.GetProperty("id")}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_caseworker_of_another_consulate_gets_404_for_the_case_its_history_and_any_change()
    {
        await using var app = new PuenteApp();
        var desk = new CaseDesk(app);
        var losAngeles = await app.ClientFor(LosAngeles);
        var dallas = await desk.Caseworker("caseworker.dallas@puente.test", "dallas");
        var opened = await Open(losAngeles);
        var id = opened.GetProperty("id").GetString()!;
        var number = opened.GetProperty("number").GetString()!;

        await Problem(dallas.GetAsync($"/api/protection/cases/{id}", Ct), HttpStatusCode.NotFound);
        await Problem(dallas.GetAsync($"/api/protection/cases/{id}/history", Ct), HttpStatusCode.NotFound);
        await Problem(Assign(dallas, id, 1), HttpStatusCode.NotFound);
        await Problem(Move(dallas, id, 1, "start"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await dallas.GetFromJsonAsync<JsonElement>($"/api/protection/cases/search?number={number}", Ct)).GetArrayLength());
        Assert.Equal(0, (await dallas.GetFromJsonAsync<JsonElement>("/api/protection/cases/queue/unassigned", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_second_caseworker_acting_on_an_assigned_case_gets_409_naming_who_holds_it_and_a_supervisor_reassigns()
    {
        await using var app = new PuenteApp();
        var desk = new CaseDesk(app);
        var first = await app.ClientFor(LosAngeles);
        var second = await desk.Caseworker("second.losangeles@puente.test", "los-angeles");
        var supervisor = await app.ClientFor(Supervisor);
        var id = (await Open(first)).GetProperty("id").GetString()!;
        var version = await Succeeds(Assign(first, id, 1));

        var taking = await Problem(Assign(second, id, version), HttpStatusCode.Conflict);
        var moving = await Problem(Move(second, id, version, "start"), HttpStatusCode.Conflict);
        var noting = await Problem(second.PostAsJsonAsync($"/api/protection/cases/{id}/notes", new { version, text = "Called the family." }, Ct), HttpStatusCode.Conflict);
        var reading = await Problem(second.GetAsync($"/api/protection/cases/{id}", Ct), HttpStatusCode.Forbidden);

        foreach (var problem in new[] { taking, moving, noting, reading })
        {
            Assert.Equal("protection.held-by-other", problem.GetProperty("code").GetString());
            Assert.Equal(LosAngeles, problem.GetProperty("holder").GetString());
            Assert.Contains(LosAngeles, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        version = await Succeeds(Assign(supervisor, id, version, "second.losangeles@puente.test"));
        await Succeeds(Move(second, id, version, "start"));
        await Problem(Move(first, id, version + 1, "wait"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_stale_edit_gets_409_showing_what_changed_and_overwrites_nothing()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        var supervisor = await app.ClientFor(Supervisor);
        var id = (await Open(caseworker)).GetProperty("id").GetString()!;
        var seen = await Succeeds(Assign(caseworker, id, 1));
        await Succeeds(supervisor.PatchAsJsonAsync($"/api/protection/cases/{id}", new { version = seen, urgency = "critical", narrative = "Detained on Tuesday." }, Ct));

        var stale = await Problem(caseworker.PatchAsJsonAsync($"/api/protection/cases/{id}", new { version = seen, urgency = "normal" }, Ct), HttpStatusCode.Conflict);

        Assert.Equal("protection.stale", stale.GetProperty("code").GetString());
        Assert.Equal(seen + 1, stale.GetProperty("currentVersion").GetInt32());
        var change = Assert.Single(stale.GetProperty("changes").EnumerateArray());
        Assert.Equal(Supervisor, change.GetProperty("actor").GetString());
        var fields = change.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("urgency", fields);
        Assert.Contains("narrative", fields);
        var record = await caseworker.GetFromJsonAsync<JsonElement>($"/api/protection/cases/{id}", Ct);
        Assert.Equal("critical", record.GetProperty("urgency").GetString());
        Assert.Equal("Detained on Tuesday.", record.GetProperty("person").GetProperty("narrative").GetString());
    }

    [Fact]
    public async Task An_illegal_transition_is_refused_with_409_naming_the_status_and_the_action()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        var id = (await Open(caseworker)).GetProperty("id").GetString()!;
        var version = await Succeeds(Assign(caseworker, id, 1));

        var refused = await Problem(Move(caseworker, id, version, "close"), HttpStatusCode.Conflict);
        var noReason = await Problem(Move(caseworker, id, version, "reopen"), HttpStatusCode.BadRequest);

        Assert.Equal("protection.transition-refused", refused.GetProperty("code").GetString());
        Assert.Equal("Assigned", refused.GetProperty("from").GetString());
        Assert.Equal("Close", refused.GetProperty("action").GetString());
        Assert.Equal("protection.reason-required", noReason.GetProperty("fieldCodes").GetProperty("reason")[0].GetString());
    }

    [Fact]
    public async Task A_case_goes_from_intake_to_closure_and_reopens_with_a_reason_and_its_history_holds_every_step_and_every_reading()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        var supervisor = await app.ClientFor(Supervisor);
        var id = (await Open(caseworker)).GetProperty("id").GetString()!;

        var version = await Succeeds(Assign(caseworker, id, 1));
        await caseworker.GetFromJsonAsync<JsonElement>($"/api/protection/cases/{id}", Ct);
        version = await Succeeds(Move(caseworker, id, version, "start"));
        version = await Succeeds(caseworker.PostAsJsonAsync($"/api/protection/cases/{id}/notes", new { version, text = "Employer agreed to pay on Friday." }, Ct));
        version = await Succeeds(Move(caseworker, id, version, "wait"));
        version = await Succeeds(Move(caseworker, id, version, "resume"));
        version = await Succeeds(Move(caseworker, id, version, "resolve"));
        version = await Succeeds(Move(caseworker, id, version, "close"));
        var record = await supervisor.GetFromJsonAsync<JsonElement>($"/api/protection/cases/{id}", Ct);
        await Succeeds(Move(supervisor, id, version, "reopen", "The employer did not pay."));

        Assert.Equal("closed", record.GetProperty("status").GetString());
        Assert.Equal("Employer agreed to pay on Friday.", record.GetProperty("notes")[0].GetProperty("text").GetString());
        var history = (await caseworker.GetFromJsonAsync<JsonElement>($"/api/protection/cases/{id}/history", Ct)).EnumerateArray().ToList();
        Assert.Equal(
            ["case.opened-intake", "case.assigned", "opened", "case.start", "case.noted", "case.wait", "case.resume", "case.resolve", "case.close", "opened", "case.reopen"],
            history.Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(
            [LosAngeles, Supervisor],
            history.Where(h => h.GetProperty("action").GetString() == "opened").Select(h => h.GetProperty("actor").GetString()));
        Assert.Equal("The employer did not pay.", history[^1].GetProperty("after").GetProperty("details").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Every_read_of_a_full_record_is_in_its_history_including_reads_of_the_same_version()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        var supervisor = await app.ClientFor(Supervisor);
        var id = (await Open(caseworker)).GetProperty("id").GetString()!;
        await Succeeds(Assign(caseworker, id, 1));

        for (var i = 0; i < 3; i++)
        {
            await caseworker.GetFromJsonAsync<JsonElement>($"/api/protection/cases/{id}", Ct);
        }
        await supervisor.GetFromJsonAsync<JsonElement>($"/api/protection/cases/{id}", Ct);

        var history = await supervisor.GetFromJsonAsync<JsonElement>($"/api/protection/cases/{id}/history", Ct);
        Assert.Equal(4, history.EnumerateArray().Count(h => h.GetProperty("action").GetString() == "opened"));
    }

    [Fact]
    public async Task Lists_and_searches_show_initials_only_names_are_found_through_the_blind_index_and_stored_encrypted()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        var opened = await Open(caseworker);
        await Open(caseworker, Intake(given: "Wilner", family: "Jean-Baptiste"));

        var unassigned = await caseworker.GetStringAsync("/api/protection/cases/queue/unassigned", Ct);
        var found = await caseworker.GetFromJsonAsync<JsonElement>("/api/protection/cases/search?name=garc%C3%8DA%20jos", Ct);
        var tooShort = await Problem(caseworker.GetAsync("/api/protection/cases/search?name=ga", Ct), HttpStatusCode.BadRequest);
        var byNumber = await caseworker.GetFromJsonAsync<JsonElement>($"/api/protection/cases/search?number={opened.GetProperty("number").GetString()!.ToLowerInvariant()}", Ct);

        Assert.DoesNotContain("García", unassigned, StringComparison.Ordinal);
        Assert.DoesNotContain("narrative", unassigned, StringComparison.Ordinal);
        Assert.Contains("\"initials\":\"J.M.G.N.\"", unassigned, StringComparison.Ordinal);
        Assert.Equal(opened.GetProperty("id").GetString(), Assert.Single(found.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("protection.search-too-short", tooShort.GetProperty("code").GetString());
        Assert.Single(byNumber.EnumerateArray());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var stored = await db.ProtectionCases.AsNoTracking().Select(c => c.Sealed).ToListAsync(Ct);
        Assert.All(stored, s => Assert.DoesNotContain("Garc", s, StringComparison.OrdinalIgnoreCase));
        Assert.All(stored, s => Assert.DoesNotContain("packing", s, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_critical_case_not_reached_within_four_hours_is_in_the_overdue_queue_until_first_contact()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);
        var id = (await Open(caseworker, Intake(urgency: "critical", category: "migration", subtype: "imminent-removal"))).GetProperty("id").GetString()!;
        var version = await Succeeds(Assign(caseworker, id, 1));

        // Bearer tokens last an hour on the test clock too: sign in again after each jump.
        app.Clock.Advance(TimeSpan.FromHours(3));
        caseworker = await app.ClientFor(LosAngeles);
        Assert.Equal(0, (await caseworker.GetFromJsonAsync<JsonElement>("/api/protection/cases/queue/overdue", Ct)).GetArrayLength());
        app.Clock.Advance(TimeSpan.FromHours(2));
        caseworker = await app.ClientFor(LosAngeles);
        var overdue = await caseworker.GetFromJsonAsync<JsonElement>("/api/protection/cases/queue/overdue", Ct);
        Assert.True(Assert.Single(overdue.EnumerateArray()).GetProperty("overdue").GetBoolean());

        await Succeeds(Move(caseworker, id, version, "start"));
        Assert.Equal(0, (await caseworker.GetFromJsonAsync<JsonElement>("/api/protection/cases/queue/overdue", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_supervisor_overrides_routing_and_transfers_with_a_reason_and_a_caseworker_cannot()
    {
        await using var app = new PuenteApp();
        var desk = new CaseDesk(app);
        var caseworker = await app.ClientFor(LosAngeles);
        var supervisor = await app.ClientFor(Supervisor);
        var dallas = await desk.Caseworker("caseworker.dallas@puente.test", "dallas");

        var refused = await Problem(caseworker.PostAsJsonAsync("/api/protection/cases",
            new Dictionary<string, object?>(ToDictionary(Intake())) { ["consulate"] = "dallas", ["overrideReason"] = "Family lives in Dallas." }, Ct), HttpStatusCode.BadRequest);
        var overridden = await Open(supervisor, new Dictionary<string, object?>(ToDictionary(Intake())) { ["consulate"] = "dallas", ["overrideReason"] = "Family lives in Dallas." });
        var id = (await Open(caseworker)).GetProperty("id").GetString()!;
        await Problem(caseworker.PostAsJsonAsync($"/api/protection/cases/{id}/transfer", new { version = 1, consulate = "dallas", reason = "Moved." }, Ct), HttpStatusCode.Forbidden);
        await Succeeds(supervisor.PostAsJsonAsync($"/api/protection/cases/{id}/transfer", new { version = 1, consulate = "dallas", reason = "Moved to Fort Worth." }, Ct));

        Assert.Equal("protection.override-supervisors-only", refused.GetProperty("fieldCodes").GetProperty("consulate")[0].GetString());
        Assert.Equal("dallas", overridden.GetProperty("consulate").GetString());
        Assert.Equal("los-angeles", overridden.GetProperty("routedTo").GetString());
        Assert.Equal(2, (await dallas.GetFromJsonAsync<JsonElement>("/api/protection/cases/queue/unassigned", Ct)).GetArrayLength());
        await Problem(caseworker.GetAsync($"/api/protection/cases/{id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Intake_refuses_missing_fields_a_subtype_of_another_category_and_no_consent_field_by_field()
    {
        await using var app = new PuenteApp();
        var caseworker = await app.ClientFor(LosAngeles);

        var problem = await Problem(caseworker.PostAsJsonAsync("/api/protection/cases",
            new { givenNames = "", familyNames = "Pérez", location = new { state = "ZZ" }, category = "labour", subtype = "child-custody", consent = false }, Ct),
            HttpStatusCode.BadRequest);

        var codes = problem.GetProperty("fieldCodes");
        Assert.Equal("protection.text-required", codes.GetProperty("givenNames")[0].GetString());
        Assert.Equal("protection.state-invalid", codes.GetProperty("location.state")[0].GetString());
        Assert.Equal("protection.subtype-invalid", codes.GetProperty("subtype")[0].GetString());
        Assert.Equal("protection.urgency-required", codes.GetProperty("urgency")[0].GetString());
        Assert.Equal("protection.consent-required", codes.GetProperty("consent")[0].GetString());
    }

    private static Dictionary<string, object?> ToDictionary(object value) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(value))!;
}
