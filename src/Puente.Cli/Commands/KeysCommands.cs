using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Pathways.Passes;

namespace Puente.Cli.Commands;

internal static class KeysCommands
{
    public static Command Create()
    {
        var rotate = new Command("rotate", "Make a new pass-signing key active; old keys stay published so their passes still verify.");
        rotate.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<RotateSigningKey>().Handle(cancellationToken);
            Console.WriteLine($"Active signing key: {outcome.ActiveKeyId}; {outcome.PassesSigned} live pass(es) signed with it.");
            if (outcome.RetiredKeyIds.Count > 0)
            {
                Console.WriteLine($"Retired (still published): {string.Join(", ", outcome.RetiredKeyIds)}.");
            }
            return 0;
        });
        return new Command("keys", "Keys that sign appointment passes.") { rotate };
    }
}
