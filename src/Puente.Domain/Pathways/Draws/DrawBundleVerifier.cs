using System.Globalization;

namespace Puente.Domain.Pathways.Draws;

/// <summary>Recomputes a published bundle from its inputs and names every place it disagrees (spec section 6).</summary>
public static class DrawBundleVerifier
{
    // A wrong seed changes nearly every result; past this many the rest are summarised in one line.
    private const int MaxResultDifferences = 100;

    /// <summary>Every difference found, each naming what failed; empty when the bundle is valid.</summary>
    public static IReadOnlyList<string> Verify(DrawBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var differences = new List<string>(DrawInputValidator.Validate(bundle.Announcement, bundle.Entries));
        var inputsValid = differences.Count == 0;

        var entriesDigest = DrawDigests.EntriesDigest(bundle.Entries);
        if (bundle.EntriesDigest != entriesDigest)
        {
            differences.Add($"entriesDigest: bundle says {bundle.EntriesDigest}, recomputed {entriesDigest}");
        }

        if (bundle.Reveal is null)
        {
            differences.Add("reveal: missing, so the draw cannot be checked (it may not have run yet)");
            return differences;
        }
        if (!DrawDigests.TryParseLowerHex(bundle.Reveal.Secret, 32, out var secret))
        {
            differences.Add("reveal: secret must be 64 lowercase hex characters (32 bytes)");
            return differences;
        }

        var commitment = DrawDigests.Commitment(secret);
        if (bundle.Announcement.Commitment != commitment)
        {
            differences.Add($"commitment does not match SHA-256(secret): announcement says {bundle.Announcement.Commitment}, SHA-256(secret) is {commitment}");
        }

        var seed = DrawDigests.Seed(secret, bundle.Announcement.ServiceDate, entriesDigest, bundle.Reveal.Beacon);
        var seedHex = Convert.ToHexStringLower(seed);
        if (bundle.Seed != seedHex)
        {
            differences.Add($"seed: bundle says {bundle.Seed ?? "nothing"}, recomputed {seedHex} from the secret, service date, recomputed entriesDigest and beacon");
        }
        DrawBeaconVerifier.Verify(bundle, bundle.Reveal, differences);

        var claimed = bundle.Results ?? [];
        if (bundle.Results is null)
        {
            differences.Add("results: missing");
        }
        if (!inputsValid)
        {
            differences.Add("results: not recomputed because the inputs are invalid (see above)");
            CompareDigest(bundle.ResultsDigest, DrawDigests.ResultsDigest(claimed), "the bundle's own results", differences);
            return differences;
        }

        var recomputed = DrawAllocator.Allocate(bundle.Announcement, bundle.Entries, seed);
        CompareResults(claimed, recomputed, differences);
        CompareDigest(bundle.ResultsDigest, DrawDigests.ResultsDigest(recomputed), "the recomputed results", differences);
        return differences;
    }

    private static void CompareDigest(string? claimed, string recomputed, string source, List<string> differences)
    {
        if (claimed != recomputed)
        {
            differences.Add($"resultsDigest: bundle says {claimed ?? "nothing"}, recomputed {recomputed} from {source}");
        }
    }

    private static void CompareResults(IReadOnlyList<DrawResult> claimed, IReadOnlyList<DrawResult> recomputed, List<string> differences)
    {
        var claimedByTicket = new Dictionary<string, DrawResult>(StringComparer.Ordinal);
        foreach (var result in claimed)
        {
            if (!claimedByTicket.TryAdd(result.Ticket, result))
            {
                differences.Add($"results: ticket {result.Ticket} appears more than once");
            }
        }
        var recomputedByTicket = recomputed.ToDictionary(r => r.Ticket, StringComparer.Ordinal);

        var tickets = claimedByTicket.Keys.Union(recomputedByTicket.Keys).Order(StringComparer.Ordinal);
        var found = 0;
        foreach (var ticket in tickets)
        {
            var said = claimedByTicket.GetValueOrDefault(ticket);
            var expected = recomputedByTicket.GetValueOrDefault(ticket);
            if (said == expected)
            {
                continue;
            }
            if (++found <= MaxResultDifferences)
            {
                differences.Add($"results: ticket {ticket} bundle says {Describe(said)}, recomputed {Describe(expected)}");
            }
        }
        if (found > MaxResultDifferences)
        {
            differences.Add($"results: {found - MaxResultDifferences} more tickets differ");
        }
    }

    private static string Describe(DrawResult? result) => result is null
        ? "not selected"
        : string.Create(CultureInfo.InvariantCulture, $"{result.Port} {result.Slot} phase {result.Phase}");
}
