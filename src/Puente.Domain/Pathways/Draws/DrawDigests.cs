using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// The hashes of <c>puente-draw/1</c>, byte-exact with the spec: lines end in <c>\n</c>, rows are
/// sorted by ticket in ordinal order, hex is lowercase.
/// </summary>
public static class DrawDigests
{
    /// <summary>SHA-256 over <c>ticket|registeredOn|size|port1,port2,...\n</c> per entry, sorted by ticket.</summary>
    public static string EntriesDigest(IReadOnlyList<DrawEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = new HashedLines();
        foreach (var i in OrderByTicket(entries.Count, i => entries[i].Ticket))
        {
            var entry = entries[i];
            writer.Append(entry.Ticket);
            writer.Append('|');
            writer.Append(entry.RegisteredOn);
            writer.Append('|');
            writer.Append(entry.Size);
            writer.Append('|');
            for (var p = 0; p < entry.Ports.Count; p++)
            {
                if (p > 0)
                {
                    writer.Append(',');
                }
                writer.Append(entry.Ports[p]);
            }
            writer.Append('\n');
        }
        return writer.FinishHex();
    }

    /// <summary>SHA-256 over <c>ticket|port|slot|phase\n</c> per result, sorted by ticket.</summary>
    public static string ResultsDigest(IReadOnlyList<DrawResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var writer = new HashedLines();
        foreach (var i in OrderByTicket(results.Count, i => results[i].Ticket))
        {
            var result = results[i];
            writer.Append(result.Ticket);
            writer.Append('|');
            writer.Append(result.Port);
            writer.Append('|');
            writer.Append(result.Slot);
            writer.Append('|');
            writer.Append(result.Phase);
            writer.Append('\n');
        }
        return writer.FinishHex();
    }

    /// <summary>The value published in the announcement: lowercase hex SHA-256 of the secret bytes.</summary>
    public static string Commitment(ReadOnlySpan<byte> secret) =>
        Convert.ToHexStringLower(SHA256.HashData(secret));

    /// <summary>
    /// SHA-256(secret ‖ UTF-8("puente-draw/1|" + serviceDate + "|" + entriesDigest + "|" + beacon)).
    /// Binding the entries digest means the operator cannot add or drop entries after seeing the seed.
    /// </summary>
    public static byte[] Seed(ReadOnlySpan<byte> secret, DateOnly serviceDate, string entriesDigest, string beacon)
    {
        var suffix = string.Concat(
            DrawProtocol.Name, "|",
            serviceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "|",
            entriesDigest, "|",
            beacon);
        var message = new byte[secret.Length + Encoding.UTF8.GetByteCount(suffix)];
        secret.CopyTo(message);
        Encoding.UTF8.GetBytes(suffix, message.AsSpan(secret.Length));
        return SHA256.HashData(message);
    }

    /// <summary>First 8 bytes of HMAC-SHA256(seed, UTF-8(ticket)), read big-endian.</summary>
    public static ulong Key(ReadOnlySpan<byte> seed, string ticket)
    {
        using var keyer = new DrawKeyer(seed);
        return keyer.Key(ticket);
    }

    internal static int[] OrderByTicket(int count, Func<int, string> ticketAt)
    {
        var order = new int[count];
        var tickets = new string[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            tickets[i] = ticketAt(i);
        }
        // Tickets are ASCII once validated, where UTF-16 ordinal order equals the spec's byte order.
        Array.Sort(tickets, order, StringComparer.Ordinal);
        return order;
    }

    internal static bool TryParseLowerHex(string? hex, int byteLength, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length != byteLength * 2 || !IsLowerHex(hex))
        {
            return false;
        }
        bytes = Convert.FromHexString(hex);
        return true;
    }

    internal static bool IsLowerHex(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Feeds UTF-8 text into SHA-256 through a reused buffer, so a million lines need no million strings.</summary>
    private sealed class HashedLines : IDisposable
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] buffer = new byte[64 * 1024];
        private int used;

        public void Append(char ascii)
        {
            Reserve(1);
            buffer[used++] = (byte)ascii;
        }

        public void Append(int value)
        {
            Reserve(11);
            value.TryFormat(buffer.AsSpan(used), out var written, default, CultureInfo.InvariantCulture);
            used += written;
        }

        public void Append(DateOnly value)
        {
            Reserve(10);
            value.TryFormat(buffer.AsSpan(used), out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            used += written;
        }

        public void Append(string value)
        {
            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (max > buffer.Length)
            {
                Flush();
                hash.AppendData(Encoding.UTF8.GetBytes(value));
                return;
            }
            Reserve(max);
            used += Encoding.UTF8.GetBytes(value, buffer.AsSpan(used));
        }

        public string FinishHex()
        {
            Flush();
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        public void Dispose() => hash.Dispose();

        private void Reserve(int bytes)
        {
            if (buffer.Length - used < bytes)
            {
                Flush();
            }
        }

        private void Flush()
        {
            hash.AppendData(buffer, 0, used);
            used = 0;
        }
    }
}
