using System.CommandLine;
using System.Globalization;
using Puente.Cli.Commands;

namespace Puente.Cli;

/// <summary>
/// `puente`, the operators' tool. Each command builds the same services as the web host, with
/// configuration from appsettings.json in the working directory and environment variables such as
/// Database__Provider and ConnectionStrings__Puente.
/// </summary>
internal static class PuenteCommandLine
{
    public static async Task<int> Main(string[] args)
    {
        // The operators' tool speaks English: texts it shares with the web come from the English resources.
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var root = new RootCommand("Puente: the operators' command-line tool.")
        {
            DbCommands.Create(),
            UsersCommands.Create(),
            DrawCommands.Create(),
            DemoCommands.Create(),
            OutboxCommands.Create(),
            KeysCommands.Create(),
            AppointmentsCommands.Create(),
            CapacityCommands.Create(),
            ImportCommands.Create(),
            PortsCommands.Create(),
            AuditCommands.Create(),
            PolicyCommands.Create(),
        };
        return await root.Parse(args).InvokeAsync();
    }
}
