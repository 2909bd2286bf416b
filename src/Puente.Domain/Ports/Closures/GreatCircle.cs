namespace Puente.Domain.Ports.Closures;

/// <summary>Distances along the Earth's surface between registry coordinates.</summary>
public static class GreatCircle
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance in kilometres between two points given in decimal degrees.</summary>
    public static double Kilometres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var phi1 = Radians(latitude1);
        var phi2 = Radians(latitude2);
        var dPhi = Radians(latitude2 - latitude1);
        var dLambda = Radians(longitude2 - longitude1);
        var h = (Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2))
            + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
