namespace Puente.Domain.Pathways.Draws;

/// <summary>One selected entry as the draw's results and its bundle describe it.</summary>
public sealed record RankedSelection(string Ticket, int Phase, DateOnly RegisteredOn);

/// <summary>
/// The order in which a draw chose its selections, recomputed from the published seed: phase 1 in
/// waiting-time order (registeredOn, key, ticket), then phase 2 in lottery order (key, ticket). Whoever
/// the draw reached first keeps that precedence when a closure has to move them.
/// </summary>
public static class DrawRanking
{
    /// <summary>The selections sorted in draw order; every ticket is keyed with <paramref name="seed"/>.</summary>
    public static IReadOnlyList<RankedSelection> Order(ReadOnlySpan<byte> seed, IReadOnlyList<RankedSelection> selections)
    {
        ArgumentNullException.ThrowIfNull(selections);
        var keys = new ulong[selections.Count];
        using (var keyer = new DrawKeyer(seed))
        {
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = keyer.Key(selections[i].Ticket);
            }
        }
        var indices = Enumerable.Range(0, selections.Count).ToArray();
        Array.Sort(indices, (a, b) =>
        {
            var x = selections[a];
            var y = selections[b];
            var byPhase = x.Phase.CompareTo(y.Phase);
            if (byPhase != 0)
            {
                return byPhase;
            }
            if (x.Phase == 1 && x.RegisteredOn != y.RegisteredOn)
            {
                return x.RegisteredOn.CompareTo(y.RegisteredOn);
            }
            var byKey = keys[a].CompareTo(keys[b]);
            return byKey != 0 ? byKey : string.CompareOrdinal(x.Ticket, y.Ticket);
        });
        return indices.Select(i => selections[i]).ToList();
    }
}
