using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Puente.Web;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Pathways.Draws;

namespace Puente.Benchmarks;

/// <summary>
/// `surge-prepare`: readies a PostgreSQL database for bench/surge/run. Migrates it, announces the
/// given dates, writes N verified applicants (one traveller each) straight into the tables without
/// hashing a password, and issues each a bearer token the way the sign-in endpoint does (the same
/// data-protection key ring, in the same database). Writes one line per applicant: token, traveller id.
/// Configuration comes from the environment, as for the host (ConnectionStrings__Puente, Pathways__...).
/// </summary>
internal static class SurgePreparation
{
    public static async Task<int> Run(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var applicants) || applicants < 1)
        {
            await Console.Error.WriteLineAsync("usage: surge-prepare APPLICANTS DATE[,DATE...] TOKENS_FILE");
            return 2;
        }
        var dates = args[1].Split(',').Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        // The host's shipped settings (the ports' default slots), then the environment, as the host reads them.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" })
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPuenteCore(configuration);
        services.AddPuenteIdentityCore();
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();

        await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().Handle();
        foreach (var date in dates)
        {
            if (await scope.ServiceProvider.GetRequiredService<AnnounceDraw>().Handle(date) is not AnnounceDraw.Announced)
            {
                await Console.Error.WriteLineAsync($"{date:yyyy-MM-dd} could not be announced (no capacity configured?).");
                return 1;
            }
            Console.WriteLine($"announced {date:yyyy-MM-dd}");
        }
        await db.Database.ExecuteSqlRawAsync(Applicants, [applicants]);
        Console.WriteLine($"applicants: {applicants}");

        var identity = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var bearer = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var expires = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow() + bearer.BearerTokenExpiration;
        await using var tokens = new StreamWriter(args[2]);
        for (var i = 0; i < applicants; i++)
        {
            // The claims Identity's principal factory gives an applicant (BearerTokenHandler signs in the same principal).
            var user = new ClaimsIdentity(IdentityConstants.ApplicationScheme, identity.UserNameClaimType, identity.RoleClaimType);
            user.AddClaim(new Claim(identity.UserIdClaimType, UserId(i)));
            user.AddClaim(new Claim(identity.UserNameClaimType, $"surge{i}@puente.test"));
            user.AddClaim(new Claim(identity.EmailClaimType, $"surge{i}@puente.test"));
            user.AddClaim(new Claim(identity.SecurityStampClaimType, Stamp));
            user.AddClaim(new Claim(identity.RoleClaimType, Roles.Applicant));
            var ticket = new AuthenticationTicket(new ClaimsPrincipal(user), new AuthenticationProperties { ExpiresUtc = expires },
                $"{IdentityConstants.BearerScheme}:AccessToken");
            // Fixed-width lines: the load generator's threads seek straight to their own share.
            await tokens.WriteLineAsync($"{bearer.BearerTokenProtector.Protect(ticket)} {TravellerId(i)}".PadRight(LineWidth - 1));
        }
        Console.WriteLine($"tokens: {args[2]}");
        return 0;
    }

    private const string Stamp = "SURGESTAMP";

    /// <summary>Bytes per line of the tokens file, newline included (bench/surge/submit.lua reads the same).</summary>
    /// <summary>Every line of the tokens file is this long, so a driver can seek to an applicant.</summary>
    internal const int LineWidth = 1024;

    private static string UserId(int i) => $"surge-{i}";

    private static string TravellerId(int i) => $"00000000-0000-4000-8000-{i:x12}";

    /// <summary>Verified accounts in the Applicant role, each with one traveller whose keys are their own.</summary>
    private const string Applicants = """
        INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
            "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "PreferredLanguage")
        SELECT 'surge-' || i, 'surge' || i || '@puente.test', 'SURGE' || i || '@PUENTE.TEST', 'surge' || i || '@puente.test', 'SURGE' || i || '@PUENTE.TEST', true,
            'SURGESTAMP', 'surge', false, false, true, 0, 'es'
        FROM generate_series(0, {0} - 1) AS i;
        INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
        SELECT 'surge-' || i, (SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'Applicant') FROM generate_series(0, {0} - 1) AS i;
        INSERT INTO applicants ("UserId", "RegisteredOn", "RegisteredAt")
        SELECT 'surge-' || i, DATE '2026-06-01' + (i % 180), TIMESTAMPTZ '2026-06-01 12:00Z' + (i % 180) * INTERVAL '1 day' FROM generate_series(0, {0} - 1) AS i;
        INSERT INTO travellers ("Id", "ApplicantUserId", "IsApplicant", "GivenNames", "FamilyNames", "BirthDate", "Nationality",
            "DocumentType", "DocumentCountry", "DocumentNumber", "NamesKey", "EntryKey")
        SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'surge-' || i, true, 'Ana', 'Surge', DATE '1990-01-01', 'MEX',
            'Passport', 'MEX', 'S' || i, 'surge|' || i, 'doc:MEX:S' || i
        FROM generate_series(0, {0} - 1) AS i;
        ANALYZE;
        """;
}
