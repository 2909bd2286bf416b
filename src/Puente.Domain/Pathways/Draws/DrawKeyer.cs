using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// Computes ticket keys with one keyed HMAC instance, so the key schedule runs once per draw
/// instead of once per ticket. Not thread-safe: one per thread.
/// </summary>
internal sealed class DrawKeyer(ReadOnlySpan<byte> seed) : IDisposable
{
    // Valid tickets are at most 64 ASCII characters; longer input takes the pooled path.
    private const int StackTicketBytes = 256;

    private readonly HMACSHA256 hmac = new(seed.ToArray());

    public ulong Key(string ticket)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var max = Encoding.UTF8.GetMaxByteCount(ticket.Length);
        if (max <= StackTicketBytes)
        {
            Span<byte> message = stackalloc byte[StackTicketBytes];
            var length = Encoding.UTF8.GetBytes(ticket, message);
            hmac.TryComputeHash(message[..length], mac, out _);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent(max);
            var length = Encoding.UTF8.GetBytes(ticket, rented);
            hmac.TryComputeHash(rented.AsSpan(0, length), mac, out _);
            ArrayPool<byte>.Shared.Return(rented);
        }
        return BinaryPrimitives.ReadUInt64BigEndian(mac);
    }

    /// <summary>Keys for every entry, in entry order; work is split across cores because it dominates a draw.</summary>
    public static ulong[] KeysFor(ReadOnlySpan<byte> seed, IReadOnlyList<DrawEntry> entries)
    {
        var keys = new ulong[entries.Count];
        const int Chunk = 16 * 1024;
        if (entries.Count <= Chunk)
        {
            using var keyer = new DrawKeyer(seed);
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = keyer.Key(entries[i].Ticket);
            }
            return keys;
        }
        var seedCopy = seed.ToArray();
        var chunks = (keys.Length + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, c =>
        {
            using var keyer = new DrawKeyer(seedCopy);
            var end = Math.Min(keys.Length, (c + 1) * Chunk);
            for (var i = c * Chunk; i < end; i++)
            {
                keys[i] = keyer.Key(entries[i].Ticket);
            }
        });
        return keys;
    }

    public void Dispose() => hmac.Dispose();
}
