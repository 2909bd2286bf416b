using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Database;

namespace Puente.Cli.Commands;

internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending migrations and load reference data (roles, ports registry).");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().Handle(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? "Database is up to date; reference data refreshed."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}; reference data loaded.");
            return 0;
        });
        return new Command("db", "Database administration.") { migrate };
    }
}
