namespace Puente.Domain.Ports.Flows;

/// <summary>What BTS counts at a port each month: inbound crossings into the United States.</summary>
public enum BtsMeasure
{
    Trucks,
    TruckContainersLoaded,
    TruckContainersEmpty,
    Trains,
    RailContainersLoaded,
    RailContainersEmpty,
    TrainPassengers,
    Buses,
    BusPassengers,
    PersonalVehicles,
    PersonalVehiclePassengers,
    Pedestrians,
}

/// <summary>The measure names as BTS writes them in its files.</summary>
public static class BtsMeasureNames
{
    private static readonly Dictionary<string, BtsMeasure> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Trucks"] = BtsMeasure.Trucks,
        ["Truck Containers Loaded"] = BtsMeasure.TruckContainersLoaded,
        ["Truck Containers Empty"] = BtsMeasure.TruckContainersEmpty,
        ["Trains"] = BtsMeasure.Trains,
        ["Rail Containers Loaded"] = BtsMeasure.RailContainersLoaded,
        ["Rail Containers Empty"] = BtsMeasure.RailContainersEmpty,
        ["Train Passengers"] = BtsMeasure.TrainPassengers,
        ["Buses"] = BtsMeasure.Buses,
        ["Bus Passengers"] = BtsMeasure.BusPassengers,
        ["Personal Vehicles"] = BtsMeasure.PersonalVehicles,
        ["Personal Vehicle Passengers"] = BtsMeasure.PersonalVehiclePassengers,
        ["Pedestrians"] = BtsMeasure.Pedestrians,
    };

    private static readonly Dictionary<string, BtsMeasure>.AlternateLookup<ReadOnlySpan<char>> BySpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    // BTS's own spelling, looked up ordinally first: hashing without case folding is what a file of 94,000 rows notices.
    private static readonly Dictionary<string, BtsMeasure>.AlternateLookup<ReadOnlySpan<char>> Exact =
        new Dictionary<string, BtsMeasure>(ByName, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Case-insensitive, surrounding spaces ignored; an unknown name gives false.</summary>
    public static bool TryParse(string name, out BtsMeasure measure) => TryParse(name.AsSpan(), out measure);

    /// <inheritdoc cref="TryParse(string, out BtsMeasure)"/>
    public static bool TryParse(ReadOnlySpan<char> name, out BtsMeasure measure) =>
        Exact.TryGetValue(name, out measure) || BySpan.TryGetValue(name.Trim(), out measure);
}
