using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Puente.Web.Demo;

/// <summary>
/// Runs <see cref="SimulateDay"/> in a service provider of its own whose clock is simulated, so the
/// web host (whose clock is real) and the CLI can both run a simulated day against the same database.
/// </summary>
internal static class RunSimulation
{
    /// <param name="family">An applicant already registered (the demo's) who asks for the day too, at the demo officer's port.</param>
    public static async Task<SimulateDay.Summary> Handle(
        IConfiguration configuration, DateOnly serviceDate, int applicants, int seed, string? family = null, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddPuenteCore(configuration);
        services.AddPuenteIdentityCore();
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch);
        services.AddSingleton(clock);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        services.AddScoped<SimulateDay>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SimulateDay>().Handle(serviceDate, applicants, seed, family, cancellationToken);
    }
}
