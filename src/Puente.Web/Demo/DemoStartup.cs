using Microsoft.EntityFrameworkCore;
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

        // A newcomer should find a finished draw to look at and verify.
        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        if (demo.SimulatedApplicants > 0 && !await db.DrawDays.AnyAsync())
        {
            var yesterday = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(-1);
            await RunSimulation.Handle(services.GetRequiredService<IConfiguration>(), yesterday, demo.SimulatedApplicants, seed: 2026);
        }
    }
}
