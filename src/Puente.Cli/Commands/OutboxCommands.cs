using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Messaging;

namespace Puente.Cli.Commands;

internal static class OutboxCommands
{
    public static Command Create()
    {
        var send = new Command("send", "Deliver the messages that are due now, once (what the web host's outbox worker does every few seconds).");
        send.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var round = await scope.ServiceProvider.GetRequiredService<SendOutboxMessages>().Handle(cancellationToken);
            if (!round.Configured)
            {
                await Console.Error.WriteLineAsync("Smtp:Host is not set; messages stay queued. Set Smtp__Host and Smtp__From.");
                return 1;
            }
            Console.WriteLine($"Sent {round.Sent}, failed {round.Failed} (failed messages are retried later).");
            return 0;
        });
        return new Command("outbox", "Outgoing email and text messages.") { send };
    }
}
