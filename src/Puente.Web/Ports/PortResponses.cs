using Puente.Domain.Ports;

namespace Puente.Web.Ports;

public sealed record PortResponse(
    string Code,
    string Name,
    string State,
    double Latitude,
    double Longitude,
    string TimeZone,
    string MexicanCity,
    string MexicanState,
    IReadOnlyList<CrossingResponse> Crossings);

public sealed record CrossingResponse(string Number, string Name, IReadOnlyList<LaneType> Lanes);
