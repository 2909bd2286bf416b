namespace Puente.Domain.Ports.WaitTimes;

/// <summary>The element names CBP uses for lane types and kinds, the same in its XML and its JSON.</summary>
public static class BwtLaneGroups
{
    public sealed record Group(string Element, LaneType Type, IReadOnlyList<(string Element, LaneKind Kind)> Kinds);

    public static IReadOnlyList<Group> All { get; } =
    [
        new("commercial_vehicle_lanes", LaneType.Commercial, [("standard_lanes", LaneKind.Standard), ("FAST_lanes", LaneKind.Fast)]),
        new("passenger_vehicle_lanes", LaneType.PassengerVehicle,
            [("standard_lanes", LaneKind.Standard), ("NEXUS_SENTRI_lanes", LaneKind.NexusSentri), ("ready_lanes", LaneKind.Ready)]),
        new("pedestrian_lanes", LaneType.Pedestrian, [("standard_lanes", LaneKind.Standard), ("ready_lanes", LaneKind.Ready)]),
    ];
}
