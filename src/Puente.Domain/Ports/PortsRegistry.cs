namespace Puente.Domain.Ports;

/// <summary>The kinds of lane a crossing can have.</summary>
public enum LaneType
{
    Commercial,
    PassengerVehicle,
    Pedestrian,
    Rail,
}

/// <summary>One crossing of a port, named by CBP's six-character port number (e.g. 250407).</summary>
public sealed record Crossing(string Number, string Name, IReadOnlyList<LaneType> Lanes);

/// <summary>A US–Mexico land port of entry, named by its BTS port code (e.g. 2504).</summary>
public sealed record Port(
    string Code,
    string Name,
    string State,
    double Latitude,
    double Longitude,
    string TimeZone,
    string MexicanCity,
    string MexicanState,
    IReadOnlyList<Crossing> Crossings);

/// <summary>The ports reference data as of an effective date.</summary>
public sealed record PortsRegistry(DateOnly EffectiveFrom, IReadOnlyList<Port> Ports);
