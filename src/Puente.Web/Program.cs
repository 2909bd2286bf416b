using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using Puente.Web;
using Puente.Web.Accounts;
using Puente.Web.Audit;
using Puente.Web.Binational.Figures;
using Puente.Web.Binational.OpenData;
using Puente.Web.Database;
using Puente.Web.Demo;
using Puente.Web.Hosting;
using Puente.Web.Messaging;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Pathways.CheckIns;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Passes;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;
using Puente.Web.Ports;
using Puente.Web.Ports.Costs;
using Puente.Web.Ports.Flows;
using Puente.Web.Ports.WaitTimes;
using Puente.Web.Ports.Closures;
using Puente.Web.Ports.Status;
using Puente.Web.Protection.Cases;
using Puente.Web.Protection.Jurisdiction;
using Puente.Web.Protection.Statistics;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Database, clock and use cases: the same registrations the `puente` CLI uses.
builder.Services.AddPuenteCore(builder.Configuration);

// Identity in the same database: cookies for pages, bearer tokens for API clients.
builder.Services.AddIdentityApiEndpoints<PuenteUser>(PuenteServices.ConfigureIdentity)
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<PuenteDb>();
builder.Services.ConfigureApplicationCookie(Authentication.ConfigureCookie);
// Cookies are checked against the account's security stamp every minute, like bearer tokens.
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SessionCheck.ValidationInterval);
builder.Services.Configure<AuthenticationSchemeOptions>(Authentication.CombinedScheme, Authentication.ChallengeByPath);
builder.Services.AddAuthorizationBuilder().AddPuentePolicies();

// Every error is RFC 9457 ProblemDetails; request bodies are small and bounded.
builder.Services.AddPuenteProblemDetails();
var maxBody = builder.Configuration.GetValue("Api:MaxRequestBodyBytes", ApiProblems.DefaultMaxRequestBodyBytes);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));

// Accents and Creole letters go out as UTF-8, not as &#x..; entities: smaller and readable.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddRazorPages(o => o.RootDirectory = "/");
builder.Services.AddAntiforgery(o => o.HeaderName = ApiAntiforgery.HeaderName);
builder.Services.AddOpenApi();
// Ready means reachable and fully migrated: a half-upgraded database must not take traffic.
builder.Services.AddHealthChecks().AddDbContextCheck<PuenteDb>(
    tags: ["ready"],
    customTestQuery: async (db, ct) =>
        await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any());
// Limits per signed-in account, or per client address (forwarded only by configured proxies).
builder.Services.AddPuenteClientAddress(builder.Configuration);
builder.Services.AddPuenteRateLimiting(builder.Configuration);
builder.Services.AddPuenteTelemetry(builder.Configuration);
builder.Services.AddPuenteCompression();
// The recurring jobs (off where BackgroundJobs:Enabled is false): draws, outbox delivery, no-shows, the audit head.
builder.Services.AddHostedService<DrawScheduler>();
builder.Services.AddHostedService<OutboxWorker>();
builder.Services.AddHostedService<NoShowSweep>();
builder.Services.AddHostedService<UnverifiedAccountSweep>();
builder.Services.AddHostedService<SignInFailureSweep>();
// CBP's wait-time feed, polled only when WaitTimes:PollUrl is set.
builder.Services.AddHostedService<WaitTimesPoller>();
builder.Services.AddHostedService<AuditHeadPublisher>();
// Closures declared ahead of time close and reopen their lanes on their dates.
builder.Services.AddHostedService<PlannedClosureSweep>();
// The briefing's policy scenarios, computed ahead for the usual periods (the simulator takes seconds).
builder.Services.AddHostedService<Puente.Web.Binational.Scenarios.ScenarioJob>();

var app = builder.Build();

// A new demo database is migrated and filled here so the first run needs no other command.
await DemoStartup.PrepareDatabaseIfDemo(app.Services);

// The client's address, when a configured proxy forwards it, before anything reads it.
app.UsePuenteClientAddress(builder.Configuration);
app.UsePuenteSecurityHeaders();
// Text leaves compressed; each page says how long it may be kept, and by whom.
app.UseResponseCompression();
app.UsePuenteCacheHeaders();
// Before error handling, so a re-executed error page keeps the language of the original request.
app.UsePuenteLocalization();
// API callers get ProblemDetails; people get a translated page.
app.UseWhen(c => c.IsApi(), api => api.UseExceptionHandler().UseStatusCodePages());
app.UseWhen(c => !c.IsApi(), pages => pages
    .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = BadRequestExceptionHandler.PageStatus })
    .UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseApiBodyLimit(maxBody);
app.UseStaticFiles(CacheHeaders.StaticFiles());
app.UseRouting();
// A surge of submissions waits or is refused here, before authentication spends anything on it.
app.Use(SubmissionQueue.Middleware);
app.UseAuthentication();
// A bearer token whose account changed (password, role, disabled, removed) ends within a minute.
app.Use(SessionCheck.Middleware);
// After authentication, so a signed-in person is limited by account, not by the address they share.
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();
// Pages' scripts call the API with the sign-in cookie: an unsafe call so made must carry the page's antiforgery token.
app.Use(ApiAntiforgery.Middleware);

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapOpenApi();
app.MapScalarApiReference();
// Of Identity's API only bearer sign-in and refresh: no open registration, no account management (ADR 0007).
app.MapSignInApi();
app.MapPortStatusApi();
app.MapPortsApi();
app.MapWaitTimesApi();
app.MapFlowsApi();
app.MapCostsApi();
app.MapClosuresApi();
app.MapGetCurrentUser();
app.MapRegistrationApi();
app.MapPathwaysApi();
app.MapDrawsApi();
app.MapPassesApi();
app.MapAppointmentsApi();
app.MapCheckInsApi();
app.MapCapacityApi();
app.MapConsulatesApi();
app.MapCasesApi();
app.MapProtectionStatisticsApi();
app.MapAuditApi();
app.MapBinationalFiguresApi();
app.MapOpenDataApi();
app.MapRazorPages();

app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
