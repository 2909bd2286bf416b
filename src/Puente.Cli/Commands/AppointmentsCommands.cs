using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Pathways.Appointments;

namespace Puente.Cli.Commands;

internal static class AppointmentsCommands
{
    public static Command Create()
    {
        var markNoShows = new Command("mark-no-shows", "Mark booked appointments whose day is over at their port as no-shows.");
        markNoShows.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var marked = await scope.ServiceProvider.GetRequiredService<MarkNoShows>().Handle(cancellationToken);
            Console.WriteLine($"Marked {marked} appointment(s) as no-shows.");
            return 0;
        });
        return new Command("appointments", "Appointments at ports of entry.") { markNoShows };
    }
}
