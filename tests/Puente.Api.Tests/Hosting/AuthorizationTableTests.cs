using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Api.Tests.Pathways.Appointments;
using Puente.Api.Tests.Pathways.CheckIns;
using Puente.Api.Tests.Pathways.Passes;
using static Puente.Api.Tests.Hosting.AuthorizationTableTests.Verdict;

using Puente.Api.Tests.Accounts;
using Puente.Api.Tests.Ports;

namespace Puente.Api.Tests.Hosting;

/// <summary>
/// Who reaches what: one row per route and method the app maps (API routes and Razor Pages alike),
/// one column per caller. An endpoint without a row fails the test, and so does a row without an endpoint.
/// </summary>
public sealed class AuthorizationTableTests
{
    public enum Verdict
    {
        /// <summary>Let in: any answer but the three below (a 400, 409 or 422 to a minimal body is still "let in").</summary>
        Allow,

        /// <summary>Not signed in: 401 from the API; a page redirects to /Account/Login.</summary>
        Login,

        /// <summary>Signed in without the role: 403 from the API; a page redirects to /Account/Denied (which answers 403).</summary>
        Deny,

        /// <summary>404: another applicant's row is scoped out in the query, exactly like one that does not exist.</summary>
        Hide,
    }

    private const string OtherApplicant = "other.applicant@puente.test";

    /// <summary>The table's columns, in order; null is nobody signed in.</summary>
    private static readonly string?[] Callers =
    [
        null, "admin@puente.test", "analyst@puente.test", Bookings.Officer, Bookings.Applicant,
        "caseworker.losangeles@puente.test", "supervisor@puente.test", OtherApplicant,
    ];

    // {request} and {appointment} are the first applicant's (Bookings.Applicant); 2026-12-01 is an announced draw date.
    private static readonly Row[] Table =
    [
        //                                                    anonymous admin analyst officer applicant caseworker supervisor other applicant
        new("POST /api/auth/login",                          [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("POST /api/auth/refresh",                        [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /api/me",                                   [Login, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),

        new("GET /api/ports",                                [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /api/ports/{code}",                         [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/api/ports/2504"),
        new("GET /api/ports/{code}/waits",                   [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/api/ports/2504/waits"),
        new("GET /api/ports/{code}/flows",                   [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/api/ports/2504/flows"),
        new("GET /api/ports/{code}/closure-cost",            [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/api/ports/2602/closure-cost?from=2023-12-04&to=2024-01-04"),
        new("GET /api/ports/status",                         [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /api/ports/{code}/status",                  [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/api/ports/2504/status"),
        new("POST /api/ports/{code}/status",                 [Login, Allow, Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/api/ports/2504/status"),
        new("GET /api/ports/{code}/status/history",          [Login, Allow, Allow, Allow, Deny,  Deny,  Deny,  Deny], "/api/ports/2504/status/history"),
        new("POST /api/ports/{code}/closures",               [Login, Allow, Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/api/ports/2504/closures"),
        new("GET /api/ports/{code}/occupancy/{date}",        [Login, Allow, Allow, Allow, Deny,  Deny,  Deny,  Deny], "/api/ports/2504/occupancy/2026-12-01"),
        new("GET /api/closures/{id:guid}",                   [Login, Allow, Allow, Allow, Deny,  Deny,  Deny,  Deny], "/api/closures/{closure}"),
        new("POST /api/closures/{id:guid}/reopen",           [Login, Allow, Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/api/closures/{closure}/reopen"),
        new("GET /api/draws/{date}",                         [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/api/draws/2026-12-01"),
        new("GET /api/draws/{date}/bundle",                  [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/api/draws/2026-12-01/bundle"),
        new("GET /.well-known/puente-keys.json",             [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),

        new("POST /api/applicants",                          [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /api/applicants/me",                        [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        // Any body that is not an image is refused (400) before the traveller is looked up.
        new("POST /api/applicants/me/travellers",            [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        new("PUT /api/applicants/me/travellers/{travellerId:guid}", [Login, Deny, Deny, Deny, Allow, Deny,  Deny,  Hide], "/api/applicants/me/travellers/{traveller}"),
        new("DELETE /api/applicants/me/travellers/{travellerId:guid}", [Login, Deny, Deny, Deny, Allow, Deny, Deny, Hide], "/api/applicants/me/travellers/{traveller}"),
        new("PUT /api/applicants/me/travellers/{travellerId:guid}/photo", [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow], "/api/applicants/me/travellers/{request}/photo"),
        // Only a traveller due today at the officer's port has a photo to show: any other id is none.
        new("GET /api/checkins/photos/{travellerId:guid}",  [Login, Deny,  Deny,  Hide,  Deny,  Deny,  Deny,  Deny], "/api/checkins/photos/{request}"),
        new("GET /api/checkins/manifest",                   [Login, Deny,  Deny,  Allow, Deny,  Deny,  Deny,  Deny]),
        new("POST /api/applicants/verify",                   [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("POST /api/applicants/resend",                   [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("POST /api/requests",                            [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        new("GET /api/requests",                             [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        new("GET /api/requests/{id:guid}",                   [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/api/requests/{request}"),
        new("DELETE /api/requests/{id:guid}",                [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/api/requests/{request}"),
        new("GET /api/appointments",                         [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        new("GET /api/appointments/{id:guid}/pass",          [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/api/appointments/{appointment}/pass"),
        new("GET /api/appointments/{id:guid}/pass.png",      [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/api/appointments/{appointment}/pass.png"),
        new("GET /api/appointments/{id:guid}/pass.pdf",      [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/api/appointments/{appointment}/pass.pdf"),
        new("POST /api/appointments/{id:guid}/cancel",       [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/api/appointments/{appointment}/cancel"),

        new("POST /api/checkins",                            [Login, Deny,  Deny,  Allow, Deny,  Deny,  Deny,  Deny]),
        new("POST /api/checkins/verify",                     [Login, Deny,  Deny,  Allow, Deny,  Deny,  Deny,  Deny]),

        new("GET /api/capacity/{port}/{date}",               [Login, Allow, Deny,  Deny,  Deny,  Deny,  Deny,  Deny], "/api/capacity/2504/2026-12-01"),
        new("PUT /api/capacity/{port}/{date}",               [Login, Allow, Deny,  Deny,  Deny,  Deny,  Deny,  Deny], "/api/capacity/2504/2026-12-01"),
        new("DELETE /api/capacity/{port}/{date}",            [Login, Allow, Deny,  Deny,  Deny,  Deny,  Deny,  Deny], "/api/capacity/2504/2026-12-01"),

        new("GET /api/consulates",                           [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /api/consulates/jurisdiction",              [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/api/consulates/jurisdiction?county=06037"),
        new("GET /api/audit/checkpoints",                    [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        // {case} is an unassigned Los Angeles case: the demo caseworker (Los Angeles) may see its summary and take it,
        // but not open its full record (403) or its history (scoped out like another consulate's, 404).
        new("POST /api/protection/cases",                    [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny]),
        new("GET /api/protection/cases/queue/{queue}",       [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny], "/api/protection/cases/queue/unassigned"),
        new("GET /api/protection/cases/search",              [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny], "/api/protection/cases/search?name=garcia"),
        new("GET /api/protection/cases/{id:guid}",           [Login, Deny,  Deny,  Deny,  Deny,  Deny,  Allow, Deny], "/api/protection/cases/{case}"),
        new("GET /api/protection/cases/{id:guid}/history",   [Login, Deny,  Deny,  Deny,  Deny,  Hide,  Allow, Deny], "/api/protection/cases/{case}/history"),
        new("POST /api/protection/cases/{id:guid}/assign",   [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny], "/api/protection/cases/{case}/assign"),
        new("POST /api/protection/cases/{id:guid}/transitions", [Login, Deny, Deny, Deny, Deny, Allow, Allow, Deny], "/api/protection/cases/{case}/transitions"),
        new("POST /api/protection/cases/{id:guid}/notes",    [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny], "/api/protection/cases/{case}/notes"),
        new("PATCH /api/protection/cases/{id:guid}",         [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny], "/api/protection/cases/{case}"),
        new("POST /api/protection/cases/{id:guid}/transfer", [Login, Deny,  Deny,  Deny,  Deny,  Deny,  Allow, Deny], "/api/protection/cases/{case}/transfer"),
        new("GET /api/protection/statistics",                [Login, Allow, Allow, Deny,  Deny,  Deny,  Deny,  Deny]),
        new("GET /api/binational/figures",                   [Login, Allow, Allow, Deny,  Deny,  Deny,  Deny,  Deny]),
        new("GET /api/binational/public-figures",            [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),

        new("GET /opendata/{file}",                          [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/opendata/closures.csv"),
        new("GET /opendata",                                 [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Binational/Simulator",                     [Login, Allow, Allow, Deny,  Deny,  Deny,  Deny,  Deny]),

        new("ANY /health/live",                              [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("ANY /health/ready",                             [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /openapi/{documentName}.json",              [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/openapi/v1.json"),
        new("GET /scalar/scalar.js",                         [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /scalar/scalar.aspnetcore.js",              [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /scalar/favicon.svg",                       [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /scalar/{documentName?}",                   [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/scalar"),

        // Pages
        new("GET /",                                         [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Error",                                    [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/Error?code=400"),
        new("POST /Error",                                   [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/Error?code=400"),
        new("GET /Language",                                 [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("POST /Language",                                [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Account/Login",                            [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("POST /Account/Login",                           [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Account/Denied",                           [Deny,  Deny,  Deny,  Deny,  Deny,  Deny,  Deny,  Deny]),
        new("GET /Account/Logout",                           [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("POST /Account/Logout",                          [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Ports",                                    [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Ports/{code}",                             [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/Ports/2504"),
        new("GET /Ports/{code}/Waits",                       [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/Ports/2504/Waits"),
        new("GET /Ports/{code}/Flows",                       [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/Ports/2504/Flows"),
        new("GET /Draws",                                    [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Draws/{date}",                             [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/Draws/2026-12-01"),
        new("GET /Apply/Start",                              [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Account/Recover",                          [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("POST /Account/Recover",                         [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("POST /Account/Recover?handler=Reset",           [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Apply/Register",                           [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("POST /Apply/Register",                          [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Apply",                                    [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        new("GET /Apply/Verify",                             [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        new("POST /Apply/Verify?handler=Verify",             [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        new("POST /Apply/Verify?handler=Resend",             [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        new("POST /Apply?handler=Request",                   [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        // Another applicant's request is not theirs to withdraw: the page just shows their own list again.
        new("POST /Apply?handler=Withdraw",                  [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow], "/Apply?handler=Withdraw&id={request}"),
        new("GET /Apply/Receipt/{id:guid}",                  [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/Apply/Receipt/{request}"),
        new("GET /Appointments",                             [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        new("GET /Appointments/{id:guid}/Cancel",            [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/Appointments/{appointment}/Cancel"),
        new("POST /Appointments/{id:guid}/Cancel",           [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/Appointments/{appointment}/Cancel"),
        new("GET /Apply/Travellers",                         [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Allow]),
        // Another applicant's traveller is not theirs to remove: 404, as one that does not exist.
        new("POST /Apply/Travellers?handler=Remove",         [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/Apply/Travellers?handler=Remove&id={traveller}"),
        new("GET /Apply/Traveller/{id:guid?}",               [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/Apply/Traveller/{traveller}"),
        new("POST /Apply/Traveller/{id:guid?}",              [Login, Deny,  Deny,  Deny,  Allow, Deny,  Deny,  Hide], "/Apply/Traveller/{traveller}"),
        new("GET /Ports/Status",                             [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Officer/Ports/{code}/Status",              [Login, Allow, Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/Officer/Ports/2504/Status"),
        new("POST /Officer/Ports/{code}/Status?handler=Change", [Login, Allow, Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/Officer/Ports/2504/Status?handler=Change"),
        new("POST /Officer/Ports/{code}/Status?handler=Reopen", [Login, Allow, Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/Officer/Ports/2504/Status?handler=Reopen"),
        new("GET /Officer/Ports/{code}/Close",               [Login, Allow, Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/Officer/Ports/2504/Close"),
        new("POST /Officer/Ports/{code}/Close?handler=Preview", [Login, Allow, Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/Officer/Ports/2504/Close?handler=Preview"),
        new("POST /Officer/Ports/{code}/Close?handler=Confirm", [Login, Allow, Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/Officer/Ports/2504/Close?handler=Confirm"),
        new("GET /Officer/CheckIn",                          [Login, Deny,  Deny,  Allow, Deny,  Deny,  Deny,  Deny]),
        new("POST /Officer/CheckIn?handler=Verify",          [Login, Deny,  Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/Officer/CheckIn?handler=Verify&pass=not-a-pass"),
        new("POST /Officer/CheckIn?handler=Confirm",         [Login, Deny,  Deny,  Allow, Deny,  Deny,  Deny,  Deny], "/Officer/CheckIn?handler=Confirm&pass=not-a-pass"),
        new("GET /Admin/Capacity",                           [Login, Allow, Deny,  Deny,  Deny,  Deny,  Deny,  Deny], "/Admin/Capacity?port=2504&date=2026-12-01"),
        new("POST /Admin/Capacity?handler=Save",             [Login, Allow, Deny,  Deny,  Deny,  Deny,  Deny,  Deny], "/Admin/Capacity?handler=Save&port=2504&date=2026-12-01"),
        new("POST /Admin/Capacity?handler=Reset",            [Login, Allow, Deny,  Deny,  Deny,  Deny,  Deny,  Deny], "/Admin/Capacity?handler=Reset&port=2504&date=2026-12-01"),
        new("GET /Binational",                               [Login, Allow, Allow, Deny,  Deny,  Deny,  Deny,  Deny]),
        new("GET /Binational/Public",                        [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow]),
        new("GET /Binational/Briefing",                      [Login, Allow, Allow, Deny,  Deny,  Deny,  Deny,  Deny]),
        new("GET /Consulates",                               [Allow, Allow, Allow, Allow, Allow, Allow, Allow, Allow], "/Consulates?county=06037"),
        new("GET /Protection",                               [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny]),
        new("GET /Protection/Intake",                        [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny]),
        new("POST /Protection/Intake",                       [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny]),
        new("GET /Protection/Cases/{id:guid}",               [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny], "/Protection/Cases/{case}"),
        new("POST /Protection/Cases/{id:guid}?handler=Take", [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny], "/Protection/Cases/{case}?handler=Take"),
        new("POST /Protection/Cases/{id:guid}?handler=Move", [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny], "/Protection/Cases/{case}?handler=Move"),
        new("POST /Protection/Cases/{id:guid}?handler=Note", [Login, Deny,  Deny,  Deny,  Deny,  Allow, Allow, Deny], "/Protection/Cases/{case}?handler=Note"),
        new("GET /Protection/Cases/{id:guid}/History",       [Login, Deny,  Deny,  Deny,  Deny,  Hide,  Allow, Deny], "/Protection/Cases/{case}/History"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_table_says()
    {
        await using var app = new PuenteApp();
        var driver = new PathwaysDriver(app);
        await driver.Announce();
        await driver.Register(OtherApplicant);
        var appointment = await Bookings.Book(app);
        var request = (await Bookings.Read(app, appointment)).RequestId;
        // One of the first applicant's travellers, entered in {request}: it can no longer be changed or removed.
        var traveller = await EnteredTraveller(app, request);
        var closure = await Closures.CloseLater(app);
        var protectionCase = (await Protection.CaseDesk.Open(await app.ClientFor(Protection.CaseDesk.LosAngeles))).GetProperty("id").GetString();
        var mapped = await MappedEndpoints(app);
        var problems = new List<string>();
        problems.AddRange(mapped.Keys.Except(Table.Select(r => r.Endpoint)).Select(e => $"{e}: mapped but not in the table"));
        problems.AddRange(Table.Select(r => r.Endpoint).Except(mapped.Keys).Select(e => $"{e}: in the table but not mapped"));
        problems.AddRange(Table.GroupBy(r => r.Endpoint).Where(g => g.Count() > 1).Select(g => $"{g.Key}: listed twice"));
        problems.AddRange(Table.Where(r => r.Expected.Length != Callers.Length).Select(r => $"{r.Endpoint}: {r.Expected.Length} verdicts for {Callers.Length} callers"));

        var callers = new List<Caller>();
        foreach (var email in Callers)
        {
            callers.Add(await SignIn(app, email));
        }
        foreach (var row in Table.Where(r => mapped.ContainsKey(r.Endpoint)).OrderBy(RunOrder))
        {
            var url = row.Url.Replace("{request}", request.ToString(), StringComparison.Ordinal)
                .Replace("{appointment}", appointment.ToString(), StringComparison.Ordinal)
                .Replace("{closure}", closure.ToString(), StringComparison.Ordinal)
                .Replace("{case}", protectionCase, StringComparison.Ordinal)
                .Replace("{traveller}", traveller.ToString(), StringComparison.Ordinal);
            foreach (var (caller, expected) in callers.Zip(row.Expected))
            {
                var response = await Send(caller, row.Method, url, page: mapped[row.Endpoint]);
                if (!Matches(expected, response, api: url.StartsWith("/api/", StringComparison.Ordinal)))
                {
                    problems.Add($"{row.Endpoint} as {caller.Name}: expected {expected}, got {Describe(response)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static async Task<Guid> EnteredTraveller(PuenteApp app, Guid request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            scope.ServiceProvider.GetRequiredService<Puente.Web.Database.PuenteDb>().RequestTravellers
                .Where(t => t.RequestId == request).Select(t => t.TravellerId), Ct);
    }

    private sealed record Row(string Endpoint, Verdict[] Expected, string? CallUrl = null)
    {
        public string Method => Endpoint[..Endpoint.IndexOf(' ', StringComparison.Ordinal)];
        public string Url => CallUrl ?? Endpoint[(Endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    }

    private sealed record Caller(string Name, HttpClient Api, HttpClient Pages, string Home);

    /// <summary>
    /// "METHOD /route" for every endpoint, true for pages. A page answers GET whatever its handlers, and
    /// each other handler is one more entry ("POST /Apply?handler=Withdraw"); an endpoint without
    /// methods (health checks) answers ANY.
    /// </summary>
    private static async Task<Dictionary<string, bool>> MappedEndpoints(PuenteApp app)
    {
        var pages = app.Services.GetRequiredService<PageLoader>();
        var mapped = new Dictionary<string, bool>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.Cast<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                mapped[$"GET {route}"] = true;
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod != "Get"))
                {
                    mapped[$"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is null ? "" : "?handler=" + handler.Name)}"] = true;
                }
            }
            else
            {
                foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                {
                    mapped[$"{method} {route}"] = false;
                }
            }
        }
        return mapped;
    }

    private static async Task<Caller> SignIn(PuenteApp app, string? email)
    {
        var noRedirects = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        var password = email == OtherApplicant ? PathwaysDriver.Password : PuenteApp.DemoPassword;
        var api = email is null ? app.CreateClient(noRedirects) : await app.ClientFor(email, password, followRedirects: false);
        var pages = email is null ? app.CreateClient(noRedirects) : await PageForms.SignIn(app, email, password: password, followRedirects: false);
        // Every page carries the language form, so the home page holds an antiforgery token for this caller.
        return new Caller(email ?? "anonymous", api, pages, await pages.GetStringAsync("/", Ct));
    }

    // Reads first, so the owner's cancellation cannot change a later read; signing out last of all.
    private static int RunOrder(Row row) =>
        row.Endpoint == "POST /Account/Logout" ? 2 : row.Method is "GET" or "ANY" ? 0 : 1;

    private static Task<HttpResponseMessage> Send(Caller caller, string method, string url, bool page)
    {
        if (method is "GET" or "ANY")
        {
            return (page ? caller.Pages : caller.Api).GetAsync(url, Ct);
        }
        if (page)
        {
            return PageForms.Post(caller.Pages, url, caller.Home, new());
        }
        // A minimal body: authorization is decided before it is read, and what the handler makes of it does not matter here.
        return caller.Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) }, Ct);
    }

    private static bool Matches(Verdict expected, HttpResponseMessage response, bool api)
    {
        var status = (int)response.StatusCode;
        var toLogin = RedirectsTo(response, "/Account/Login");
        var toDenied = RedirectsTo(response, "/Account/Denied");
        return expected switch
        {
            Login => api ? status == 401 : toLogin,
            Deny => api ? status == 403 : toDenied || status == 403,
            Hide => status == 404,
            _ => status is not (401 or 403 or 404) && !toLogin && !toDenied,
        };
    }

    private static bool RedirectsTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
        && new Uri(new Uri("http://localhost"), location).AbsolutePath == path;

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? $" to {location}" : "")}";
}
