using System.CommandLine;
using Puente.Cli.Commands;

// `puente` is the operators' tool. Each command builds the same services as the web host
// (configuration from appsettings.json in the working directory and PUENTE-style environment
// variables such as Database__Provider and ConnectionStrings__Puente).
var root = new RootCommand("Puente: the operators' command-line tool.")
{
    DbCommands.Create(),
    UsersCommands.Create(),
};
return await root.Parse(args).InvokeAsync();
