namespace Puente.Domain.Ports;

/// <summary>The kinds of problem <see cref="PortsRegistryValidator"/> reports.</summary>
public enum PortsRegistryProblemKind
{
    NoPorts,
    InvalidPortCode,
    DuplicatePortCode,
    InvalidCrossingNumber,
    DuplicateCrossingNumber,
    InvalidAlias,
    NoCrossings,
    NoLanes,
    DuplicateLane,
    OutsideBorderRegion,
    UnknownTimeZone,
    UnknownState,
    MissingName,
    InvalidAppointmentLane,
}

/// <summary>One broken invariant; <paramref name="Where"/> names the port or crossing.</summary>
public sealed record PortsRegistryProblem(PortsRegistryProblemKind Kind, string Where, string Message);

/// <summary>Checks the invariants of the ports reference data.</summary>
public static class PortsRegistryValidator
{
    /// <summary>IANA zones of the US side of the border; Arizona's has no daylight saving time.</summary>
    public static IReadOnlyList<string> BorderTimeZones { get; } =
        ["America/Los_Angeles", "America/Phoenix", "America/Denver", "America/Chicago"];

    /// <summary>Two-letter codes of the US border states.</summary>
    public static IReadOnlyList<string> BorderStates { get; } = ["CA", "AZ", "NM", "TX"];

    // A box around the land border from Tijuana to Matamoros, with room for the port buildings:
    // a point outside it is a swapped sign or a swapped latitude/longitude, not a real port.
    public const double MinLatitude = 25.0;
    public const double MaxLatitude = 33.5;
    public const double MinLongitude = -118.0;
    public const double MaxLongitude = -97.0;

    /// <summary>Every problem found; an empty list means the registry is usable.</summary>
    public static IReadOnlyList<PortsRegistryProblem> Validate(PortsRegistry registry)
    {
        var problems = new List<PortsRegistryProblem>();
        if (registry.Ports.Count == 0)
        {
            problems.Add(new(PortsRegistryProblemKind.NoPorts, "registry", "The registry has no ports."));
        }

        var portCodes = new HashSet<string>(StringComparer.Ordinal);
        // Numbers and aliases share one namespace: a feed identifier must lead to exactly one crossing.
        var crossingIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in registry.Ports)
        {
            var where = $"port {port.Code}";
            if (!IsDigits(port.Code, 4))
            {
                problems.Add(new(PortsRegistryProblemKind.InvalidPortCode, where, $"Port code '{port.Code}' is not 4 digits."));
            }
            else if (!portCodes.Add(port.Code))
            {
                problems.Add(new(PortsRegistryProblemKind.DuplicatePortCode, where, $"Port code {port.Code} appears more than once."));
            }

            CheckName(problems, where, "name", port.Name);
            CheckName(problems, where, "mexicanCity", port.MexicanCity);
            CheckName(problems, where, "mexicanState", port.MexicanState);

            if (!BorderStates.Contains(port.State, StringComparer.Ordinal))
            {
                problems.Add(new(PortsRegistryProblemKind.UnknownState, where, $"State '{port.State}' is not one of {string.Join(", ", BorderStates)}."));
            }

            if (!BorderTimeZones.Contains(port.TimeZone, StringComparer.Ordinal))
            {
                problems.Add(new(PortsRegistryProblemKind.UnknownTimeZone, where, $"Time zone '{port.TimeZone}' is not a US border zone."));
            }

            // Written as negated ranges so that NaN fails too.
            if (!(port.Latitude >= MinLatitude && port.Latitude <= MaxLatitude)
                || !(port.Longitude >= MinLongitude && port.Longitude <= MaxLongitude))
            {
                problems.Add(new(PortsRegistryProblemKind.OutsideBorderRegion, where, $"({port.Latitude}, {port.Longitude}) is outside the border region."));
            }

            if (port.Crossings.Count == 0)
            {
                problems.Add(new(PortsRegistryProblemKind.NoCrossings, where, "The port has no crossings."));
            }

            foreach (var crossing in port.Crossings)
            {
                CheckCrossing(problems, crossingIds, $"{where}, crossing {crossing.Number}", crossing);
            }

            if (port.Appointments is { } appointments
                && !port.Crossings.Any(c => c.Number == appointments.Crossing && c.Lanes.Contains(appointments.Lane)))
            {
                problems.Add(new(PortsRegistryProblemKind.InvalidAppointmentLane, where,
                    $"Appointments are processed at crossing {appointments.Crossing}, lane {appointments.Lane}, which this port does not have."));
            }
        }

        return problems;
    }

    private static void CheckCrossing(List<PortsRegistryProblem> problems, HashSet<string> crossingIds, string where, Crossing crossing)
    {
        if (!IsDigits(crossing.Number, 6))
        {
            problems.Add(new(PortsRegistryProblemKind.InvalidCrossingNumber, where, $"Crossing number '{crossing.Number}' is not 6 digits."));
        }
        else if (!crossingIds.Add(crossing.Number))
        {
            problems.Add(new(PortsRegistryProblemKind.DuplicateCrossingNumber, where, $"Crossing number {crossing.Number} is already used."));
        }

        foreach (var alias in crossing.Aliases)
        {
            if (string.IsNullOrWhiteSpace(alias))
            {
                problems.Add(new(PortsRegistryProblemKind.InvalidAlias, where, "An alias is empty."));
            }
            else if (!crossingIds.Add(alias))
            {
                problems.Add(new(PortsRegistryProblemKind.DuplicateCrossingNumber, where, $"Alias {alias} is already used."));
            }
        }

        CheckName(problems, where, "name", crossing.Name);

        if (crossing.Lanes.Count == 0)
        {
            problems.Add(new(PortsRegistryProblemKind.NoLanes, where, "The crossing has no lanes."));
        }
        else if (crossing.Lanes.Distinct().Count() != crossing.Lanes.Count)
        {
            problems.Add(new(PortsRegistryProblemKind.DuplicateLane, where, "A lane type is listed more than once."));
        }
    }

    private static void CheckName(List<PortsRegistryProblem> problems, string where, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(PortsRegistryProblemKind.MissingName, where, $"'{field}' is empty."));
        }
    }

    // Ordinal ASCII check: char.IsDigit would also accept Arabic-Indic and other Unicode digits.
    private static bool IsDigits(string value, int length) =>
        value.Length == length && value.All(char.IsAsciiDigit);
}
