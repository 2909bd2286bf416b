using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Puente.Web.Accounts;
using Puente.Web.Binational.Encounters;
using Puente.Web.Ports.Closures;
using Puente.Web.Ports.Flows;

namespace Puente.Web.Demo;

/// <summary>One account per role so a newcomer can try every part of Puente. Only when demo is on.</summary>
internal sealed class SeedDemoData(
    IOptions<DemoOptions> options, UserManager<PuenteUser> users, AddUser addUser, RecordDecember2023Closures closures, ImportEncounters encounters,
    ImportBtsFlows flows, IConfiguration configuration, TimeProvider clock)
{
    public static readonly IReadOnlyList<AddUser.Command> Accounts =
    [
        new("admin@puente.test", Roles.Admin),
        new("analyst@puente.test", Roles.Analyst),
        new("officer.sanysidro@puente.test", Roles.PortOfficer, Ports: ["2504"]),
        new("applicant@puente.test", Roles.Applicant),
        new("caseworker.losangeles@puente.test", Roles.Caseworker, Consulate: "los-angeles"),
        new("supervisor@puente.test", Roles.Supervisor),
    ];

    public async Task Handle(CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            throw new InvalidOperationException("Demo data is only seeded when Demo:Enabled is true.");
        }
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }
            if (await addUser.Handle(account with { Password = options.Value.Password }, cancellationToken) is AddUser.Invalid invalid)
            {
                throw new InvalidOperationException(
                    $"Demo account {account.Email}: {string.Join("; ", invalid.Errors.Select(e => $"{e.Field} {e.Code}"))}");
            }
        }
        // The crossings closed in December 2023, as history the status pages and the API show.
        var admin = await users.FindByEmailAsync(Accounts[0].Email);
        await closures.Handle(admin!.Id, clock.GetUtcNow(), cancellationToken);
        // Their estimates need monthly counts: a small made-up fixture, labelled as such, until 'puente import bts' brings BTS's.
        await flows.DemoFixture(cancellationToken);

        // CBP's encounters for the binational view: the real file when the shared data folder is configured
        // (PUENTE_REAL_DATA), otherwise a small sample in the same format. A second run adds nothing.
        using var file = EncountersFile() is { } path ? new StreamReader(path) : new StreamReader(ImportEncounters.SampleFile());
        await encounters.Handle(file, cancellationToken);
    }

    public const string EncountersFileName = "cbp_sw_land_border_encounters_fy22-fy25aug_sbo.csv";

    private string? EncountersFile() =>
        configuration["PUENTE_REAL_DATA"] is { Length: > 0 } folder && Path.Combine(folder, EncountersFileName) is var path && File.Exists(path) ? path : null;
}
