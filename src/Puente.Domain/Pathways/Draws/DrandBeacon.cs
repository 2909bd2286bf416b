using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// A drand round as <c>GET {relay}/{chain hash}/public/{round}</c> returns it. Chained schemes also
/// carry <c>previous_signature</c>; unchained ones (quicknet) do not.
/// </summary>
public sealed record DrandBeacon(long Round, string Randomness, string Signature, string? PreviousSignature = null)
{
    /// <summary>Reads a relay's answer; null when it is not a round in drand's JSON shape.</summary>
    public static DrandBeacon? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DrandJsonContext.Default.DrandBeacon);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every way this round is not the well-formed round <paramref name="expectedRound"/>: the number,
    /// the hex of each field, and randomness = SHA-256(signature), which holds for drand's chained and
    /// unchained schemes and catches a corrupted or invented answer. Empty when it is well-formed.
    /// (The BLS signature itself is not checked here; an auditor can check it with drand's own tools.)
    /// </summary>
    public IReadOnlyList<string> Problems(long expectedRound)
    {
        var problems = new List<string>();
        if (Round != expectedRound)
        {
            problems.Add($"round is {Round}, expected {expectedRound}");
        }
        problems.AddRange(FieldProblems(Randomness, Signature, PreviousSignature));
        return problems;
    }

    internal static List<string> FieldProblems(string? randomness, string? signature, string? previousSignature)
    {
        var problems = new List<string>();
        if (randomness is null || randomness.Length != 64 || !DrawDigests.IsLowerHex(randomness))
        {
            problems.Add("randomness must be 64 lowercase hex characters");
        }
        if (!IsHexBytes(signature))
        {
            problems.Add("signature must be lowercase hex");
        }
        else if (randomness is not null && Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(signature!))) != randomness)
        {
            problems.Add("randomness is not SHA-256(signature)");
        }
        if (previousSignature is not null && previousSignature.Length > 0 && !IsHexBytes(previousSignature))
        {
            problems.Add("previous_signature must be lowercase hex");
        }
        return problems;
    }

    private static bool IsHexBytes(string? hex) =>
        hex is { Length: > 0 } && hex.Length % 2 == 0 && DrawDigests.IsLowerHex(hex);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(DrandBeacon))]
internal sealed partial class DrandJsonContext : JsonSerializerContext;
