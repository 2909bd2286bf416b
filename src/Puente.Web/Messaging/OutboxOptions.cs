using System.ComponentModel.DataAnnotations;

namespace Puente.Web.Messaging;

/// <summary>How much the outbox worker sends per round (how often: BackgroundJobs:OutboxPollSeconds).</summary>
internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed message is hidden from other instances while one sends it.</summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 120;
}
