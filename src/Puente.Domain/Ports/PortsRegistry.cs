namespace Puente.Domain.Ports;

/// <summary>The kinds of lane a crossing can have.</summary>
public enum LaneType
{
    Commercial,
    PassengerVehicle,
    Pedestrian,
    Rail,
    Bus,
}

/// <summary>One crossing of a port, named by CBP's six-character port number (e.g. 250407).</summary>
public sealed record Crossing(string Number, string Name, IReadOnlyList<LaneType> Lanes)
{
    /// <summary>
    /// Other identifiers CBP's wait-time feed has used for this same crossing, verbatim
    /// (they need not be six digits, e.g. Fort Hancock's <c>l24501</c>).
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Why this entry departs from its public sources, if it does.</summary>
    public string? Notes { get; init; }
}

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
    IReadOnlyList<Crossing> Crossings)
{
    /// <summary>Why this entry departs from its public sources, if it does.</summary>
    public string? Notes { get; init; }

    /// <summary>The crossing and lane that process this port's appointments; absent when the port takes none.</summary>
    public AppointmentLane? Appointments { get; init; }
}

/// <summary>Where a port's appointments are processed: one lane of one of its crossings.</summary>
public sealed record AppointmentLane(string Crossing, LaneType Lane);

/// <summary>The ports reference data as of an effective date.</summary>
public sealed record PortsRegistry(DateOnly EffectiveFrom, IReadOnlyList<Port> Ports)
{
    /// <summary>Which public facts the data was written from.</summary>
    public string? Source { get; init; }
}
