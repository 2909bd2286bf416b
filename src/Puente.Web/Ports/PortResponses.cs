using Puente.Domain.Ports;

namespace Puente.Web.Ports;

internal sealed record PortResponse(
    string Code,
    string Name,
    string State,
    double Latitude,
    double Longitude,
    string TimeZone,
    string MexicanCity,
    string MexicanState,
    IReadOnlyList<CrossingResponse> Crossings);

internal sealed record CrossingResponse(string Number, string Name, IReadOnlyList<LaneType> Lanes);
