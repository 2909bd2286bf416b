using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Puente.Web;

namespace Puente.Cli;

/// <summary>The services of the web host, without the web: one scope per command.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPuenteCore(builder.Configuration);
        builder.Services.AddPuenteIdentityCore();
        return builder.Build();
    }
}
