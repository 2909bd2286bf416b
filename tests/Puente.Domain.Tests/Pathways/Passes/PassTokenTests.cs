using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Puente.Domain.Pathways.Passes;

namespace Puente.Domain.Tests.Pathways.Passes;

public sealed class PassTokenTests
{
    private static readonly PassClaims Family = new(
        PassId: "p-7f3a9c",
        Ticket: "T-0042",
        Port: "2504",
        ServiceDate: new DateOnly(2026, 11, 30),
        Slot: "08:30",
        GroupSize: 3,
        Travellers: [new("MG", 1988), new("JG", 2015), new("ÁG", 2019)]);

    private const string PassPayload = """{"pid":"p1","tkt":"T1","prt":"2504","d":"2026-11-30","s":"08:30","g":1,"t":[["AB",1990]]}""";

    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly Dictionary<string, ECDsa> Published = new() { ["k1"] = Key, ["k12"] = Key };

    [Fact]
    public void A_signed_pass_verifies_and_gives_back_its_claims()
    {
        var token = PassToken.Sign(Family, "k1", Key);

        var result = PassToken.Verify(token, Published);

        Assert.True(result.IsValid);
        Assert.Null(result.Rejection);
        Assert.Equal("k1", result.KeyId);
        Assert.True(Family.Matches(result.Claims!));
    }

    private static readonly System.Numerics.BigInteger P256Order = System.Numerics.BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Every_signature_is_canonical_and_its_high_s_twin_is_refused_though_the_curve_would_accept_it()
    {
        for (var i = 0; i < 40; i++)
        {
            var token = PassToken.Sign(Family with { PassId = $"p-{i}" }, "k1", Key);
            var parts = token.Split('.');
            var signature = Base64Url.DecodeFromChars(parts[2]);
            Assert.True(PassToken.IsLowS(signature), $"pass {i} was signed with a high s");
            // About half the curve's signatures come out high and are turned low: each must still verify.
            Assert.True(PassToken.Verify(token, Published).IsValid, $"pass {i} does not verify");

            // (r, n - s) is the same signature to the curve: .NET verifies it, Puente refuses it.
            var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
            var twin = (byte[])signature.Clone();
            Array.Clear(twin, 32, 32);
            var high = (P256Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
            high.CopyTo(twin, 64 - high.Length);
            Assert.True(Key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), twin, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
            var result = PassToken.Verify($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(twin)}", Published);
            Assert.Equal(PassRejection.BadSignature, result.Rejection);
        }
    }

    [Fact]
    public void A_stored_token_reads_back_its_claims_and_anything_else_is_a_format_error()
    {
        Assert.True(Family.Matches(PassToken.ReadClaims(PassToken.Sign(Family, "k1", Key))));
        Assert.Throws<FormatException>(() => PassToken.ReadClaims("not.a.pass"));
        Assert.Throws<FormatException>(() => PassToken.ReadClaims("onlyone"));
    }

    [Fact]
    public void The_header_names_the_algorithm_the_key_and_the_type()
    {
        var header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(PassToken.Sign(Family, "k1", Key).Split('.')[0]));
        Assert.Equal("""{"alg":"ES256","kid":"k1","typ":"puente-pass"}""", header);
    }

    [Fact]
    public void Every_single_character_change_in_the_payload_or_signature_is_rejected()
    {
        var token = PassToken.Sign(Family, "k1", Key);
        var payloadStart = token.IndexOf('.', StringComparison.Ordinal) + 1;
        for (var i = payloadStart; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            var result = PassToken.Verify(changed, Published);
            Assert.False(result.IsValid, $"position {i} still verifies");
            Assert.Contains(result.Rejection, new PassRejection?[] { PassRejection.BadSignature, PassRejection.Malformed });
        }
    }

    [Fact]
    public void A_pass_signed_by_another_key_with_the_same_kid_has_a_bad_signature()
    {
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var result = PassToken.Verify(PassToken.Sign(Family, "k1", forger), Published);
        Assert.Equal(PassRejection.BadSignature, result.Rejection);
    }

    [Fact]
    public void A_pass_whose_kid_is_not_published_is_an_unknown_key()
    {
        var result = PassToken.Verify(PassToken.Sign(Family, "k9", Key), Published);
        Assert.Equal(PassRejection.UnknownKey, result.Rejection);
        Assert.Equal("k9", result.KeyId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    [InlineData("!!!.???.***")]
    [InlineData("e30.e30.e30")]
    [InlineData("bnVsbA.bnVsbA.bnVsbA")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    [InlineData("eyJhbGciOiJFUzI1NiIsImtpZCI6MX0.e30.AAAA")]
    public void Malformed_input_is_rejected_without_throwing(string? token)
    {
        var result = PassToken.Verify(token, Published);
        Assert.Equal(PassRejection.Malformed, result.Rejection);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void A_header_with_another_algorithm_is_malformed()
    {
        var token = PassToken.Sign(Family, "k1", Key);
        var noneHeader = Base64Url.EncodeToString("""{"alg":"none","kid":"k1","typ":"puente-pass"}"""u8);
        var result = PassToken.Verify(noneHeader + token[token.IndexOf('.', StringComparison.Ordinal)..], Published);
        Assert.Equal(PassRejection.Malformed, result.Rejection);
    }

    [Fact]
    public void A_hand_written_payload_in_the_shape_of_a_pass_verifies()
    {
        var result = PassToken.Verify(SignedToken(PassPayload), Published);

        Assert.True(result.IsValid);
        Assert.True(new PassClaims("p1", "T1", "2504", new DateOnly(2026, 11, 30), "08:30", 1, [new("AB", 1990)]).Matches(result.Claims!));
    }

    [Theory]
    [InlineData("""{"pid":"x","t":"not a list"}""")]
    [InlineData("not json")]
    [InlineData("""{"pid":"p1","tkt":"T1","prt":"2504","d":"2026-11-30","s":"08:30","g":"1","t":[["AB",1990]]}""")]
    [InlineData("""{"pid":"p1","tkt":"T1","prt":"2504","d":"2026-11-30","s":"08:30","g":1,"t":[["AB",1990,1]]}""")]
    [InlineData("""{"pid":"p1","tkt":"T1","prt":"2504","d":"2026-11-30","s":"08:30","g":1,"t":[["AB"]]}""")]
    [InlineData("""{"pid":"p1","tkt":"T1","prt":"2504","d":"2026-11-30","s":"08:30","g":1,"t":[[1990,"AB"]]}""")]
    [InlineData("""{"pid":"p1","tkt":"T1","prt":"2504","d":"2026-11-30","s":"08:30","g":1,"t":[["AB","1990"]]}""")]
    [InlineData("""{"pid":"p1","tkt":"T1","prt":"2504","d":"2026-11-30","s":"08:30","g":1,"t":["AB"]}""")]
    public void A_correctly_signed_payload_that_is_not_a_pass_is_malformed(string payload)
    {
        var result = PassToken.Verify(SignedToken(payload), Published);

        Assert.Equal(PassRejection.Malformed, result.Rejection);
        Assert.Null(result.Claims);
    }

    [Theory]
    [InlineData("""{"alg":"ES256","kid":1,"typ":"puente-pass"}""")]
    [InlineData("""{"alg":"ES256","kid":"","typ":"puente-pass"}""")]
    [InlineData("""{"alg":"ES256","kid":"k1","typ":"JWT"}""")]
    [InlineData("""["ES256","k1","puente-pass"]""")]
    [InlineData("not json")]
    public void A_header_that_does_not_name_the_algorithm_a_key_and_the_pass_type_is_malformed(string header)
    {
        var result = PassToken.Verify(SignedToken(PassPayload, header), Published);

        Assert.Equal(PassRejection.Malformed, result.Rejection);
        Assert.Null(result.KeyId);
    }

    [Fact]
    public void A_token_with_an_empty_part_is_malformed()
    {
        var parts = PassToken.Sign(Family, "k1", Key).Split('.');

        Assert.Equal(PassRejection.Malformed, PassToken.Verify($"{parts[0]}.{parts[1]}.", Published).Rejection);
        Assert.Equal(PassRejection.Malformed, PassToken.Verify($"{parts[0]}..{parts[2]}", Published).Rejection);
    }

    [Theory]
    [InlineData("==", 86)]
    [InlineData(" ", 43)]
    [InlineData("\n", 43)]
    public void A_signature_spelled_another_way_that_decodes_to_the_same_bytes_is_malformed(string added, int at)
    {
        // The decoder accepts padding and whitespace; only the canonical spelling may count, so no
        // two different tokens carry the same signed pass.
        var token = PassToken.Sign(Family, "k1", Key);
        var signatureStart = token.LastIndexOf('.') + 1;

        var respelled = token.Insert(signatureStart + at, added);

        Assert.Equal(PassRejection.Malformed, PassToken.Verify(respelled, Published).Rejection);
    }

    [Fact]
    public void A_token_of_4096_characters_is_read_and_a_longer_one_is_malformed()
    {
        Assert.True(PassToken.Verify(TokenOfLength(4096), Published).IsValid);
        Assert.Equal(PassRejection.Malformed, PassToken.Verify(TokenOfLength(4097), Published).Rejection);
    }

    [Fact]
    public void A_DER_encoded_signature_is_not_accepted_in_place_of_r_and_s()
    {
        var token = PassToken.Sign(Family, "k1", Key);
        var signingInput = token[..token.LastIndexOf('.')];
        var der = Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        var result = PassToken.Verify($"{signingInput}.{Base64Url.EncodeToString(der)}", Published);

        Assert.Equal(PassRejection.BadSignature, result.Rejection);
    }

    public static TheoryData<string> ClaimChanges => ["PassId", "Ticket", "Port", "ServiceDate", "Slot", "GroupSize", "Travellers"];

    [Theory]
    [MemberData(nameof(ClaimChanges))]
    public void Claims_that_differ_in_any_one_field_do_not_match(string field)
    {
        var changed = field switch
        {
            "PassId" => Family with { PassId = "p-000000" },
            "Ticket" => Family with { Ticket = "T-0043" },
            "Port" => Family with { Port = "2506" },
            "ServiceDate" => Family with { ServiceDate = Family.ServiceDate.AddDays(1) },
            "Slot" => Family with { Slot = "09:30" },
            "GroupSize" => Family with { GroupSize = 2 },
            _ => Family with { Travellers = [.. Family.Travellers.Take(2), new("AG", 2019)] },
        };

        Assert.False(Family.Matches(changed));
        Assert.False(changed.Matches(Family));
        Assert.True(changed.Matches(changed with { Travellers = [.. changed.Travellers] }));
    }

    [Fact]
    public void A_pass_for_a_family_of_ten_stays_small_enough_for_a_readable_QR_code()
    {
        var travellers = Enumerable.Range(0, 10).Select(i => new PassTraveller("AB", 1980 + i)).ToList();
        var token = PassToken.Sign(Family with { GroupSize = 10, Travellers = travellers }, "abcdefghijklmnop", Key);
        Assert.InRange(token.Length, 1, 600);
    }

    /// <summary>A token over hand-written JSON, signed with the published key.</summary>
    private static string SignedToken(string payload, string header = """{"alg":"ES256","kid":"k1","typ":"puente-pass"}""")
    {
        var signingInput = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}";
        // Signed until the signature is the canonical (low-s) one, as Puente signs.
        byte[] signature;
        do
        {
            signature = Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        while (!PassToken.IsLowS(signature));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>A pass whose token is exactly <paramref name="length"/> characters, padded through its
    /// pass id and key id (base64url has no length of 1 mod 4, so the key id's length fills the gap).</summary>
    private static string TokenOfLength(int length)
    {
        foreach (var keyId in new[] { "k1", "k12" })
        {
            for (var padding = 0; padding < length; padding++)
            {
                var token = PassToken.Sign(Family with { PassId = new string('p', padding) }, keyId, Key);
                if (token.Length == length)
                {
                    return token;
                }
                if (token.Length > length)
                {
                    break;
                }
            }
        }
        throw new InvalidOperationException($"No pass token is {length} characters long.");
    }
}
