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
        var who = new Option<string>("--email") { Description = "The account's email address (or phone, as it signs in).", Required = true };
        Command Access(string name, string description, CloseAccess.Action action)
        {
            var command = new Command(name, description) { who };
            command.SetAction(async (parse, cancellationToken) =>
            {
                using var host = CliHost.Build();
                await using var scope = host.Services.CreateAsyncScope();
                var account = parse.GetValue(who)!;
                switch (await scope.ServiceProvider.GetRequiredService<CloseAccess>().Handle(account, action, cancellationToken: cancellationToken))
                {
                    case CloseAccess.Done:
                        Console.WriteLine(action == CloseAccess.Action.Enable
                            ? $"{account}: enabled; it can sign in again."
                            : $"{account}: {name}d; its sessions and tokens end within a minute.");
                        return 0;
                    case CloseAccess.StillReferenced:
                        await Console.Error.WriteLineAsync($"{account} still owns records that must keep their author; disable it instead.");
                        return 1;
                    default:
                        await Console.Error.WriteLineAsync($"No account {account}.");
                        return 1;
                }
            });
            return command;
        }

        var newRole = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}.", Required = true };
        var setRole = new Command("set-role", "Give an account one role (and its ports or consulate) in place of its roles; its sessions end within a minute.")
            { who, newRole, ports, consulate };
        setRole.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var account = parse.GetValue(who)!;
            switch (await scope.ServiceProvider.GetRequiredService<ChangeRole>().Handle(
                account, parse.GetValue(newRole)!, parse.GetValue(ports), parse.GetValue(consulate), cancellationToken: cancellationToken))
            {
                case ChangeRole.Changed changed:
                    Console.WriteLine($"{account} is now {changed.Role}. Its sessions and tokens end within a minute.");
                    return 0;
                case ChangeRole.Invalid invalid:
                    var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
                    foreach (var error in invalid.Errors)
                    {
                        await Console.Error.WriteLineAsync($"--{error.Field}: {error.Text(text)}");
                    }
                    return 2;
                default:
                    await Console.Error.WriteLineAsync($"No account {account}.");
                    return 1;
            }
        });

        var listRole = new Option<string?>("--role") { Description = "Only accounts with this role (default: every account that is not only an applicant)." };
        var list = new Command("list", "Accounts with their roles, scope and whether they are disabled.") { listRole };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var role = parse.GetValue(listRole) is { } name ? Roles.Find(name) ?? name : null;
            foreach (var account in await scope.ServiceProvider.GetRequiredService<ListUsers>().Handle(role, cancellationToken))
            {
                var where = account.Ports.Count > 0 ? " ports " + string.Join(",", account.Ports) : account.Consulate is { } c ? " consulate " + c : "";
                Console.WriteLine($"{account.UserName}\t{string.Join(",", account.Roles)}{where}{(account.Disabled ? "\tdisabled" : "")}");
            }
            return 0;
        });

        return new Command("users", "Accounts and roles.")
        {
            add,
            Access("disable", "Disable an account: it cannot sign in and its sessions and tokens end within a minute.", CloseAccess.Action.Disable),
            Access("enable", "Enable a disabled account again.", CloseAccess.Action.Enable),
            Access("remove", "Remove an account that owns no records; its sessions and tokens end within a minute.", CloseAccess.Action.Remove),
            setRole,
            list,
        };
    }
}
