namespace Puente.Domain.Pathways.Draws;

/// <summary>One request for a service date, naming a group that travels together.</summary>
/// <param name="Ticket">Random receipt code, 1–64 characters from <c>[A-Za-z0-9_-]</c>.</param>
/// <param name="RegisteredOn">The day the applicant's registration was completed.</param>
/// <param name="Size">Persons in the group; groups are never split.</param>
/// <param name="Ports">One to three distinct port codes, in order of preference.</param>
public sealed record DrawEntry(string Ticket, DateOnly RegisteredOn, int Size, IReadOnlyList<string> Ports);
