using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Puente.Web;
using Puente.Web.Accounts;

namespace Puente.Cli.Commands;

internal static class UsersCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The account's email address.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}.", Required = true };
        var ports = new Option<string[]>("--port")
        {
            Description = "BTS port code an officer works at (repeat for several).",
            AllowMultipleArgumentsPerToken = true,
        };
        var consulate = new Option<string?>("--consulate") { Description = "The consulate a caseworker works for (required), or a supervisor supervises (optional: none means the whole network), e.g. los-angeles." };
        var password = new Option<string?>("--password")
        {
            Description = "Initial password; when omitted a strong one is generated and printed once.",
        };

        var add = new Command("add", "Create an account with a role.") { email, role, ports, consulate, password };
        add.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<AddUser>().Handle(
                new AddUser.Command(
                    parse.GetValue(email)!,
                    parse.GetValue(role)!,
                    parse.GetValue(password),
                    parse.GetValue(ports),
                    parse.GetValue(consulate)),
                cancellationToken);
            if (outcome is AddUser.Invalid invalid)
            {
                var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
                foreach (var error in invalid.Errors)
                {
                    await Console.Error.WriteLineAsync($"--{error.Field}: {error.Text(text)}");
                }
                return 2;
            }
            Console.WriteLine($"Created {parse.GetValue(email)} ({Roles.Find(parse.GetValue(role)!)}).");
            if (outcome is AddUser.Added { GeneratedPassword: { } generated })
            {
                Console.WriteLine($"Initial password (shown once): {generated}");
            }
            return 0;
        });
        return new Command("users", "Accounts and roles.") { add };
    }
}
