using System.ComponentModel.DataAnnotations;

namespace Puente.Web.Ports.WaitTimes;

/// <summary>Bound from the <c>WaitTimes</c> section: where CBP's feed is polled and when a reading counts as fresh.</summary>
internal sealed class WaitTimesOptions
{
    public const string Section = "WaitTimes";

    /// <summary>The feed to poll (CBP's bwt.xml or its bwtnew JSON). Empty, the default, means no polling.</summary>
    [Url]
    public string? PollUrl { get; set; }

    /// <summary>Minutes between polls; CBP updates about hourly.</summary>
    [Range(5, 24 * 60)]
    public int PollMinutes { get; set; } = 60;

    /// <summary>A lane updated by CBP at most this many minutes before it was collected is fresh; older is stale.</summary>
    [Range(1, 24 * 60)]
    public int FreshMinutes { get; set; } = 120;
}
