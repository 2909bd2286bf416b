using Microsoft.Extensions.Options;
using Puente.Web.Database;

namespace Puente.Web.Demo;

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

        // A newcomer finds a living day: today's draw to look at and verify, a family with a pass, a port checking people in.
        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.SimulatedApplicants > 0)
        {
            await scope.ServiceProvider.GetRequiredService<StartDemoDay>().Handle();
        }
    }
}
