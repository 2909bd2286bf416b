namespace Puente.Domain.Pathways.Draws;

/// <summary>A selected entry: where and when the group is expected, and which phase chose it.</summary>
/// <param name="Ticket">The entry's ticket.</param>
/// <param name="Port">The port code assigned.</param>
/// <param name="Slot">The assigned slot's <c>HH:MM</c> start.</param>
/// <param name="Phase">1 for waiting time, 2 for the lottery.</param>
public sealed record DrawResult(string Ticket, string Port, string Slot, int Phase);
