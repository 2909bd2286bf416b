using System.ComponentModel.DataAnnotations;
using Puente.Domain.Pathways.Draws;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// Bound from the <c>Beacon</c> section: the drand chain whose rounds make each draw unpredictable
/// to the operator too. Off while <see cref="BaseUrl"/> is empty (the shipped default), so the demo
/// needs no network.
/// </summary>
internal sealed class BeaconOptions : IValidatableObject
{
    public const string Section = "Beacon";

    /// <summary>A drand HTTP relay, e.g. <c>https://api.drand.sh</c>; empty turns the beacon off.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The chain's hash (64 hex characters), as its <c>/info</c> gives it.</summary>
    public string? ChainHash { get; set; }

    /// <summary>The chain's <c>genesis_time</c> from <c>/info</c>, in Unix seconds.</summary>
    public long GenesisTime { get; set; }

    /// <summary>The chain's <c>period</c> from <c>/info</c>, in seconds.</summary>
    public int PeriodSeconds { get; set; }

    /// <summary>The round named is the first published at least this long after the window closes,
    /// so a server clock a little behind drand's cannot let a round be known before entries are fixed.</summary>
    [Range(0, 3600)]
    public int MarginSeconds { get; set; } = 30;

    /// <summary>How long after the round's time the draw keeps trying the relay before it runs with an
    /// empty beacon and says so publicly.</summary>
    [Range(1, 7 * 24 * 60)]
    public int DeadlineMinutes { get; set; } = 60;

    /// <summary>How long one request to the relay may take.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(BaseUrl);

    public DrandChain Chain => new(GenesisTime, PeriodSeconds);

    public TimeSpan Deadline => TimeSpan.FromMinutes(DeadlineMinutes);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Beacon:BaseUrl '{BaseUrl}' must be an absolute http or https address.", [nameof(BaseUrl)]);
        }
        if (!DrawBeaconRound.IsChainHash(ChainHash))
        {
            yield return new ValidationResult("Beacon:ChainHash must be the chain's hash, 64 lowercase hex characters, when Beacon:BaseUrl is set.", [nameof(ChainHash)]);
        }
        if (GenesisTime <= 0)
        {
            yield return new ValidationResult("Beacon:GenesisTime must be the chain's genesis_time (Unix seconds) when Beacon:BaseUrl is set.", [nameof(GenesisTime)]);
        }
        if (PeriodSeconds is < 1 or > 3600)
        {
            yield return new ValidationResult("Beacon:PeriodSeconds must be the chain's period, 1 to 3600 seconds, when Beacon:BaseUrl is set.", [nameof(PeriodSeconds)]);
        }
    }
}

internal static class BeaconServices
{
    /// <summary>The beacon's options and the relay's typed HTTP client, for the web host and the CLI alike.</summary>
    public static IServiceCollection AddDrawBeacon(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BeaconOptions>()
            .Bind(configuration.GetSection(BeaconOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<FetchBeaconRound>((provider, http) =>
        {
            http.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<BeaconOptions>>().Value.TimeoutSeconds);
            // A round is a few hundred bytes; anything much larger is not one.
            http.MaxResponseContentBufferSize = 64 * 1024;
        });
        return services;
    }
}
