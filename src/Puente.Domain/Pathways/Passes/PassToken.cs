using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Puente.Domain.Pathways.Passes;

public enum PassRejection
{
    Malformed,
    UnknownKey,
    BadSignature,
}

/// <summary>Either the claims of a pass whose signature holds, or why it does not.</summary>
public sealed record PassVerification(PassClaims? Claims, string? KeyId, PassRejection? Rejection)
{
    public bool IsValid => Claims is not null;
}

/// <summary>
/// A pass as a compact JWS (RFC 7515) signed with ES256 (RFC 7518 §3.4: P-256, SHA-256, the
/// signature as r||s). Payload names are short because every byte makes the QR code denser.
/// </summary>
public static class PassToken
{
    public const string Algorithm = "ES256";
    public const string Type = "puente-pass";

    // Far above any real pass (a group of ten is ~600 characters); bounds the work on garbage.
    private const int MaxLength = 4096;
    private const int SignatureLength = 64;

    // The header depends on the key alone: encoded once per key id (a deployment has a handful).
    private static readonly ConcurrentDictionary<string, string> Headers = new(StringComparer.Ordinal);

    private static string Header(string keyId)
    {
        if (Headers.TryGetValue(keyId, out var header))
        {
            return header;
        }
        // Counting takes every lock of the dictionary: only when a new key id comes.
        if (Headers.Count > 64)
        {
            Headers.Clear();
        }
        return Headers.GetOrAdd(keyId, static kid => Base64Url.EncodeToString(Json(w =>
        {
            w.WriteString("alg", Algorithm);
            w.WriteString("kid", kid);
            w.WriteString("typ", Type);
        })));
    }

    public static string Sign(PassClaims claims, string keyId, ECDsa privateKey)
    {
        var header = Header(keyId);
        var payload = Base64Url.EncodeToString(Json(w =>
        {
            w.WriteString("pid", claims.PassId);
            w.WriteString("tkt", claims.Ticket);
            w.WriteString("prt", claims.Port);
            w.WriteString("d", claims.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("s", claims.Slot);
            w.WriteNumber("g", claims.GroupSize);
            w.WriteStartArray("t");
            foreach (var traveller in claims.Travellers)
            {
                w.WriteStartArray();
                w.WriteStringValue(traveller.Initials);
                w.WriteNumberValue(traveller.BirthYear);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }));
        var signingInput = $"{header}.{payload}";
        var signature = privateKey.SignData(
            Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url.EncodeToString(LowS(signature))}";
    }

    /// <summary>Checks the signature against the key the header names. Never throws on bad input.</summary>
    public static PassVerification Verify(string? token, IReadOnlyDictionary<string, ECDsa> publicKeysByKid)
    {
        var trimmed = token?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength)
        {
            return Malformed(null);
        }
        var parts = trimmed.Split('.');
        if (parts.Length != 3
            || Decode(parts[0]) is not { } headerBytes
            || Decode(parts[1]) is not { } payloadBytes
            || Decode(parts[2]) is not { } signature
            || ReadHeader(headerBytes) is not { } keyId)
        {
            return Malformed(null);
        }
        if (!publicKeysByKid.TryGetValue(keyId, out var key))
        {
            return new PassVerification(null, keyId, PassRejection.UnknownKey);
        }
        if (signature.Length != SignatureLength || !IsLowS(signature) || !SignatureHolds(key, $"{parts[0]}.{parts[1]}", signature))
        {
            return new PassVerification(null, keyId, PassRejection.BadSignature);
        }
        return ReadPayload(payloadBytes) is { } claims
            ? new PassVerification(claims, keyId, null)
            : Malformed(keyId);
    }

    /// <summary>
    /// The claims of a token Puente signed and stored itself, read without checking the signature:
    /// for showing a stored pass, never for admitting one (that is <see cref="Verify"/>).
    /// </summary>
    /// <exception cref="FormatException">The text is not a pass token.</exception>
    public static PassClaims ReadClaims(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 3 && Decode(parts[1]) is { } payload && ReadPayload(payload) is { } claims
            ? claims
            : throw new FormatException("Not a pass token.");
    }

    private static PassVerification Malformed(string? keyId) => new(null, keyId, PassRejection.Malformed);

    // The order n of P-256, big-endian. A signature (r, s) also verifies as (r, n - s); only the one with s at
    // most n/2 is accepted, so one pass has exactly one valid signature and one valid token.
    private static readonly byte[] Order = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    private static readonly byte[] HalfOrder = Convert.FromHexString("7FFFFFFF800000007FFFFFFFFFFFFFFFDE737D56D38BCF4279DCE5617E3192A8");

    /// <summary>Whether the signature's s is in the lower half, the one form <see cref="Verify"/> accepts.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureLength && signature[(SignatureLength / 2)..].SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>The same signature with s in the lower half (n - s, big-endian with borrow, when s is above n/2).</summary>
    private static byte[] LowS(byte[] signature)
    {
        if (IsLowS(signature))
        {
            return signature;
        }
        var s = signature.AsSpan(SignatureLength / 2);
        var borrow = 0;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            var difference = Order[i] - s[i] - borrow;
            borrow = difference < 0 ? 1 : 0;
            s[i] = (byte)(difference + (borrow << 8));
        }
        return signature;
    }

    private static bool SignatureHolds(ECDsa key, string signingInput, byte[] signature)
    {
        try
        {
            return key.VerifyData(
                Encoding.ASCII.GetBytes(signingInput), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Strict base64url: only the canonical spelling of each byte string is accepted, so no
    /// two different tokens carry the same signed bytes.</summary>
    private static byte[]? Decode(string part)
    {
        if (part.Length == 0 || !Base64Url.IsValid(part))
        {
            return null;
        }
        try
        {
            var bytes = Base64Url.DecodeFromChars(part);
            return Base64Url.EncodeToString(bytes) == part ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? ReadHeader(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && Text(root, "alg") == Algorithm
                && Text(root, "typ") == Type
                && Text(root, "kid") is { Length: > 0 } kid
                ? kid
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PassClaims? ReadPayload(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "pid") is not { } passId
                || Text(root, "tkt") is not { } ticket
                || Text(root, "prt") is not { } port
                || Text(root, "s") is not { } slot
                || !DateOnly.TryParseExact(Text(root, "d"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !root.TryGetProperty("g", out var group) || !group.TryGetInt32(out var groupSize)
                || !root.TryGetProperty("t", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var travellers = new List<PassTraveller>();
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2
                    || item[0].ValueKind != JsonValueKind.String
                    || !item[1].TryGetInt32(out var year))
                {
                    return null;
                }
                travellers.Add(new PassTraveller(item[0].GetString()!, year));
            }
            return new PassClaims(passId, ticket, port, date, slot, groupSize, travellers);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
