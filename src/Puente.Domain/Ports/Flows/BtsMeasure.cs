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

    // BTS's own spelling of each measure, by the measure's number.
    private static readonly string[] Spellings = [.. ByName.OrderBy(n => n.Value).Select(n => n.Key)];

    /// <summary>Case-insensitive, surrounding spaces ignored; an unknown name gives false.</summary>
    public static bool TryParse(string name, out BtsMeasure measure) => TryParse(name.AsSpan(), out measure);

    /// <inheritdoc cref="TryParse(string, out BtsMeasure)"/>
    public static bool TryParse(ReadOnlySpan<char> name, out BtsMeasure measure) =>
        TryExact(name, out measure) || BySpan.TryGetValue(name.Trim(), out measure);

    // BTS's own spellings first: the length and at most one letter tell them apart, and one ordinal comparison confirms
    // (what a file of 94,000 rows notices); anything else goes through the forgiving lookup.
    private static bool TryExact(ReadOnlySpan<char> name, out BtsMeasure measure)
    {
        measure = name.Length switch
        {
            5 => BtsMeasure.Buses,
            6 => name[3] == 'c' ? BtsMeasure.Trucks : BtsMeasure.Trains,
            11 => BtsMeasure.Pedestrians,
            14 => BtsMeasure.BusPassengers,
            16 => BtsMeasure.TrainPassengers,
            17 => BtsMeasure.PersonalVehicles,
            21 => BtsMeasure.RailContainersEmpty,
            22 => name[0] == 'T' ? BtsMeasure.TruckContainersEmpty : BtsMeasure.RailContainersLoaded,
            23 => BtsMeasure.TruckContainersLoaded,
            27 => BtsMeasure.PersonalVehiclePassengers,
            _ => (BtsMeasure)(-1),
        };
        return measure >= 0 && name.SequenceEqual(Spellings[(int)measure]);
    }
}
