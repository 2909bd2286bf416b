using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Puente.Web.Accounts;
using Puente.Web.Ports.Closures;

namespace Puente.Web.Demo;

/// <summary>One account per role so a newcomer can try every part of Puente. Only when demo is on.</summary>
internal sealed class SeedDemoData(
    IOptions<DemoOptions> options, UserManager<PuenteUser> users, AddUser addUser, RecordDecember2023Closures closures, TimeProvider clock)
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
    }
}
