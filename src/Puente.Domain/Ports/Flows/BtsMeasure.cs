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

    // BTS's own spellings, compared ordinally first (length, then text; no hashing): what a file of 94,000 rows notices.
    private static readonly (string Name, BtsMeasure Measure)[] Spellings = [.. ByName.Select(n => (n.Key, n.Value))];

    /// <summary>Case-insensitive, surrounding spaces ignored; an unknown name gives false.</summary>
    public static bool TryParse(string name, out BtsMeasure measure) => TryParse(name.AsSpan(), out measure);

    /// <inheritdoc cref="TryParse(string, out BtsMeasure)"/>
    public static bool TryParse(ReadOnlySpan<char> name, out BtsMeasure measure) =>
        TryExact(name, out measure) || BySpan.TryGetValue(name.Trim(), out measure);

    private static bool TryExact(ReadOnlySpan<char> name, out BtsMeasure measure)
    {
        foreach (var (spelling, value) in Spellings)
        {
            if (spelling.Length == name.Length && name.SequenceEqual(spelling))
            {
                measure = value;
                return true;
            }
        }
        measure = default;
        return false;
    }
}
