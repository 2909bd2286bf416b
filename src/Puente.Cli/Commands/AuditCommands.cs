using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Puente.Domain.Audit;
using Puente.Web.Audit;

namespace Puente.Cli.Commands;

/// <summary>Exit codes: 0 the chain is intact, 1 it is broken (the first broken entry is named).</summary>
internal static class AuditCommands
{
    private const int Broken = 1;

    public static Command Create() => new("audit", "The platform's tamper-evident audit log.")
    {
        Verify(),
        Publish(),
    };

    private static Command Verify()
    {
        var command = new Command("verify", "Walk the hash chain, the head and every published checkpoint; name the first broken entry.");
        command.SetAction(async (_, ct) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            switch (await scope.ServiceProvider.GetRequiredService<VerifyAuditLog>().Handle(ct))
            {
                case VerifyAuditLog.Intact intact:
                    Console.WriteLine($"The audit log is intact: {intact.Entries} entries, head {intact.HeadHash}.");
                    return 0;
                case VerifyAuditLog.Broken broken:
                    await Console.Error.WriteLineAsync($"The audit log is broken at entry {broken.Sequence}: {Describe(broken.Fault)}.");
                    return Broken;
                case var other:
                    throw new InvalidOperationException($"Unexpected outcome {other}.");
            }
        });
        return command;
    }

    private static Command Publish()
    {
        var command = new Command("publish", "Publish yesterday's chain head as a checkpoint, if not yet published (the web host does it hourly).");
        command.SetAction(async (_, ct) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var checkpoint = await scope.ServiceProvider.GetRequiredService<PublishAuditHead>().Handle(ct);
            Console.WriteLine($"{checkpoint.Day:yyyy-MM-dd}  entry {checkpoint.Sequence}  {checkpoint.Hash}");
            return 0;
        });
        return command;
    }

    private static string Describe(ChainFault fault) => fault switch
    {
        ChainFault.HashMismatch => "its fields no longer match its hash (edited)",
        ChainFault.LinkBroken => "it does not link to the entry before it (edited or inserted)",
        ChainFault.Missing => "it is missing (deleted)",
        ChainFault.HeadMismatch => "the chain's head or a published checkpoint no longer matches it (entries deleted or rewritten)",
        _ => fault.ToString(),
    };
}
