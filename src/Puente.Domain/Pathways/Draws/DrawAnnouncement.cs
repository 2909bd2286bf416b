namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// What is published when the request window for a service date opens: the capacity on offer,
/// the share reserved for waiting time, and a commitment to the secret that will seed the draw.
/// </summary>
/// <param name="Protocol">Always <see cref="DrawProtocol.Name"/> for this version.</param>
/// <param name="ServiceDate">The day the appointments are for.</param>
/// <param name="Commitment">Lowercase hex SHA-256 of the 32-byte secret.</param>
/// <param name="PriorityPercent">Share (0..100) of each port's capacity given by waiting time.</param>
/// <param name="Ports">Ports with their slots in ascending start order.</param>
/// <param name="Beacon">The public randomness round the draw will wait for, named before the window
/// opens; absent when no beacon is configured (an addition to the spec's announcement).</param>
public sealed record DrawAnnouncement(
    string Protocol,
    DateOnly ServiceDate,
    string Commitment,
    int PriorityPercent,
    IReadOnlyList<DrawPort> Ports,
    DrawBeaconRound? Beacon = null);

/// <summary>A port of entry taking part in a draw, named by its BTS port code.</summary>
public sealed record DrawPort(string Code, IReadOnlyList<DrawSlot> Slots);

/// <summary>An appointment slot: port-local start time as <c>HH:MM</c> and a capacity in persons.</summary>
public sealed record DrawSlot(string Start, int Capacity);

/// <summary>Constants of the <c>puente-draw/1</c> protocol.</summary>
public static class DrawProtocol
{
    /// <summary>The protocol identifier carried by every announcement of this version.</summary>
    public const string Name = "puente-draw/1";
}
