using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Puente.Domain.Pathways.Draws;

namespace Puente.Domain.Tests.Pathways.Draws;

/// <summary>The digests and keys of sections 2 and 3 against a plain reading of their formulas, on
/// inputs larger than the buffers the implementation reuses.</summary>
public sealed class DigestTests
{
    [Fact]
    public void The_entries_digest_of_a_draw_many_times_larger_than_the_hash_buffer_is_the_hash_of_its_lines()
    {
        // Short tickets and mixed sizes and dates, so the lines end at every position of the buffer.
        var random = new Random(11);
        var entries = Enumerable.Range(0, 250_000).Select(i => new DrawEntry(
            Ticket(i), DateOnly.FromDayNumber(random.Next(DateOnly.MaxValue.DayNumber)), random.Next(1, 1_000_000),
            [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"25{random.Next(100):00}")])).ToList();

        Assert.Equal(HashOfLines(entries), DrawDigests.EntriesDigest(entries));
    }

    [Fact]
    public void A_line_longer_than_the_hash_buffer_is_hashed_whole()
    {
        DrawEntry[] entries =
        [
            DrawTestVector.Entry("A1", "2026-09-01", 2, "2504"),
            DrawTestVector.Entry(new string('B', 70_000), "2026-09-01", 1, "2506"),
            DrawTestVector.Entry("C3", "2026-09-01", 1, new string('9', 30_000)),
        ];

        Assert.Equal(HashOfLines(entries), DrawDigests.EntriesDigest(entries));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(85)]
    [InlineData(86)]
    [InlineData(300)]
    public void A_key_is_the_first_8_bytes_of_the_HMAC_of_the_ticket_read_big_endian(int length)
    {
        var ticket = string.Concat(Enumerable.Range(0, length).Select(i => RandomDraw.TicketChars[i % RandomDraw.TicketChars.Length]));
        var mac = HMACSHA256.HashData(DrawTestVector.SeedBytes, Encoding.UTF8.GetBytes(ticket));

        Assert.Equal(BinaryPrimitives.ReadUInt64BigEndian(mac), DrawDigests.Key(DrawTestVector.SeedBytes, ticket));
    }

    [Fact]
    public void Digests_of_a_null_list_are_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => DrawDigests.EntriesDigest(null!));
        Assert.Throws<ArgumentNullException>(() => DrawDigests.ResultsDigest(null!));
    }

    private static string Ticket(int i)
    {
        var ticket = new StringBuilder();
        do
        {
            ticket.Append(RandomDraw.TicketChars[i % RandomDraw.TicketChars.Length]);
            i /= RandomDraw.TicketChars.Length;
        }
        while (i > 0);
        return ticket.ToString();
    }

    /// <summary>Section 2 read literally: one <c>ticket|registeredOn|size|ports</c> line per entry, sorted by ticket.</summary>
    private static string HashOfLines(IEnumerable<DrawEntry> entries) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(entries
            .OrderBy(e => e.Ticket, StringComparer.Ordinal)
            .Select(e => FormattableString.Invariant($"{e.Ticket}|{e.RegisteredOn:yyyy-MM-dd}|{e.Size}|{string.Join(',', e.Ports)}\n"))))));
}
