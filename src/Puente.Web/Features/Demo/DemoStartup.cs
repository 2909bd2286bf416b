using Microsoft.Extensions.Options;
using Puente.Web.Database;

namespace Puente.Web.Features.Demo;

internal static class DemoStartup
{
    public static async Task PrepareDatabaseIfDemo(IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().Handle();
        await scope.ServiceProvider.GetRequiredService<SeedDemoData>().Handle();
    }
}
