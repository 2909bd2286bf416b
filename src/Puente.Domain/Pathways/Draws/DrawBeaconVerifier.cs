namespace Puente.Domain.Pathways.Draws;

/// <summary>
/// The beacon's part of verifying a bundle: the round reported is the round announced, a used round
/// is well-formed and is exactly the <c>reveal.beacon</c> that went into the seed, and a round not
/// used left the beacon empty. Bundles without any beacon information are checked by the spec alone.
/// </summary>
internal static class DrawBeaconVerifier
{
    public static void Verify(DrawBundle bundle, DrawReveal reveal, List<string> differences)
    {
        var named = bundle.Announcement.Beacon;
        var report = bundle.Beacon;
        if (named is null)
        {
            if (report is null)
            {
                return;
            }
            if (report.Status != DrawBeaconStatus.NotConfigured)
            {
                differences.Add($"beacon: the bundle reports status \"{report.Status}\", but the announcement named no beacon round");
            }
            else if (reveal.Beacon.Length > 0)
            {
                differences.Add("beacon: the bundle says no beacon was configured, but reveal.beacon is not empty");
            }
            return;
        }
        if (report is null)
        {
            differences.Add($"beacon: the announcement named round {named.Round} of chain {named.ChainHash}, but the bundle does not say what became of it");
            return;
        }
        if (report.ChainHash != named.ChainHash || report.Round != named.Round)
        {
            differences.Add($"beacon: the bundle reports round {report.Round?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} of chain {report.ChainHash ?? "nothing"}, the announcement named round {named.Round} of chain {named.ChainHash}");
        }
        switch (report.Status)
        {
            case DrawBeaconStatus.Used:
                foreach (var problem in DrandBeacon.FieldProblems(report.Randomness, report.Signature, report.PreviousSignature))
                {
                    differences.Add($"beacon: {problem}");
                }
                if (reveal.Beacon != report.Randomness)
                {
                    differences.Add($"beacon: reveal.beacon is \"{reveal.Beacon}\", but the round's randomness is {report.Randomness ?? "missing"}");
                }
                break;
            case DrawBeaconStatus.Unavailable:
                if (!DrawBeaconReason.IsKnown(report.Reason))
                {
                    differences.Add($"beacon: marked unavailable with reason \"{report.Reason}\", which is none of unreachable, invalid, notConfigured");
                }
                if (reveal.Beacon.Length > 0)
                {
                    differences.Add("beacon: marked unavailable, but reveal.beacon is not empty");
                }
                break;
            default:
                differences.Add($"beacon: status \"{report.Status}\" is not possible for an announced round (expected \"used\" or \"unavailable\")");
                break;
        }
    }
}
