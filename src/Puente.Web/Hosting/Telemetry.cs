using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Puente.Web.Hosting;

internal static class Telemetry
{
    /// <summary>
    /// Traces and metrics go out over OTLP only when <c>Telemetry:OtlpEndpoint</c> is set; by
    /// default nothing is exported and nothing is collected.
    /// </summary>
    public static IServiceCollection AddPuenteTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("puente"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = uri))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = uri));
        return services;
    }
}
