namespace Puente.Domain.Ports.WaitTimes;

/// <summary>The kinds of lane inside a lane type that CBP reports separately.</summary>
public enum LaneKind
{
    Standard,
    Fast,
    NexusSentri,
    Ready,
}

/// <summary>
/// One lane's reading, with every value exactly as CBP wrote it (strings, possibly empty) beside what
/// could be read from it. A value CBP left empty or wrote as <c>N/A</c> stays null, never zero.
/// </summary>
public sealed record LaneReading(
    LaneType Type,
    LaneKind Kind,
    string UpdateTime,
    string OperationalStatus,
    string DelayMinutes,
    string LanesOpen,
    string MaximumLanes)
{
    public int? Delay => WaitValues.Number(DelayMinutes);

    public int? Open => WaitValues.Number(LanesOpen);

    public int? Maximum => WaitValues.Number(MaximumLanes);

    /// <summary>True when CBP wrote nothing for this lane but <c>N/A</c> or empty strings.</summary>
    public bool IsBlank =>
        UpdateTime.Length == 0 && DelayMinutes.Length == 0 && LanesOpen.Length == 0
        && (OperationalStatus.Length == 0 || OperationalStatus.Equals(WaitValues.NotApplicable, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One crossing in a feed: CBP's identifiers and local date and time, and its lanes.</summary>
public sealed record CrossingReport(
    string PortNumber,
    string Border,
    string PortName,
    string CrossingName,
    string Date,
    string Time,
    string PortStatus,
    IReadOnlyList<LaneReading> Lanes)
{
    /// <summary>Canadian-border crossings are in the same feed; Puente counts them and skips them.</summary>
    public bool IsMexicanBorder => Border.Contains("Mexic", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A whole feed as read, or why it could not be read.</summary>
public sealed record WaitFeed(IReadOnlyList<CrossingReport> Crossings, IReadOnlyList<string> Problems)
{
    public static WaitFeed Unreadable(string problem) => new([], [problem]);
}

/// <summary>How CBP writes values: strings, with words where a number is missing.</summary>
public static class WaitValues
{
    public const string NotApplicable = "N/A";

    /// <summary>The number in a value such as <c>"25"</c>; null for <c>""</c>, <c>"N/A"</c>, <c>"Lanes Closed"</c> or anything else.</summary>
    public static int? Number(string value) =>
        int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
