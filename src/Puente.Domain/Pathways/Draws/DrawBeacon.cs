using System.Text.Json.Serialization;

namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// The public randomness round an announcement names before its window opens: a drand round
/// (chain hash and round number) published only after the window has closed.
/// </summary>
public sealed record DrawBeaconRound(string ChainHash, long Round)
{
    /// <summary>Whether <paramref name="hash"/> has the form of a drand chain hash: 64 lowercase hex characters.</summary>
    public static bool IsChainHash(string? hash) => hash is { Length: 64 } && DrawDigests.IsLowerHex(hash);
}

/// <summary>
/// What the draw did about the beacon, published in the bundle beside the spec's <c>reveal.beacon</c>:
/// the round as fetched (so anyone can fetch it again and compare), or why none was used.
/// </summary>
/// <param name="Status">One of <see cref="DrawBeaconStatus"/>.</param>
/// <param name="Reason">With <see cref="DrawBeaconStatus.Unavailable"/>: one of <see cref="DrawBeaconReason"/>.</param>
public sealed record DrawBeaconReport(
    string Status,
    string? ChainHash = null,
    long? Round = null,
    string? Randomness = null,
    string? Signature = null,
    string? PreviousSignature = null,
    string? Reason = null)
{
    /// <summary>The announced round was fetched and its randomness is the draw's beacon.</summary>
    public static DrawBeaconReport Used(DrawBeaconRound named, DrandBeacon beacon) =>
        new(DrawBeaconStatus.Used, named.ChainHash, named.Round, beacon.Randomness, beacon.Signature, beacon.PreviousSignature);

    /// <summary>The announced round could not be had by the deadline; the draw ran with an empty beacon.</summary>
    public static DrawBeaconReport Unavailable(DrawBeaconRound named, string reason) =>
        new(DrawBeaconStatus.Unavailable, named.ChainHash, named.Round, Reason: reason);

    /// <summary>No round was announced for the date; the draw depends on the committed secret alone.</summary>
    public static DrawBeaconReport NotConfigured { get; } = new(DrawBeaconStatus.NotConfigured);

    /// <summary>The value the spec's <c>reveal.beacon</c> must hold: the randomness when used, empty otherwise.</summary>
    [JsonIgnore]
    public string RevealValue => Status == DrawBeaconStatus.Used ? Randomness ?? "" : "";
}

/// <summary>Values of <see cref="DrawBeaconReport.Status"/>.</summary>
public static class DrawBeaconStatus
{
    public const string Used = "used";
    public const string Unavailable = "unavailable";
    public const string NotConfigured = "notConfigured";
}

/// <summary>Why an announced round was not used (<see cref="DrawBeaconReport.Reason"/>).</summary>
public static class DrawBeaconReason
{
    /// <summary>No relay answered with the round (network error, time-out, HTTP error) before the deadline.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>A relay answered, but not with a well-formed round: wrong round, bad hex, or randomness ≠ SHA-256(signature).</summary>
    public const string Invalid = "invalid";

    /// <summary>At draw time this instance had no relay configured for the announced chain.</summary>
    public const string NotConfigured = "notConfigured";

    public static bool IsKnown(string? reason) => reason is Unreachable or Invalid or NotConfigured;
}
