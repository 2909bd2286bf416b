namespace Puente.Tests;

/// <summary>Tries to work out withheld counts of a published table from its totals, as anyone reading it could.</summary>
internal static class TableAttack
{
    /// <summary>
    /// The attack on a table published with its totals (last row and column), whose withheld counts are marked in
    /// <paramref name="hidden"/>: every published count is known, each row and column of the table with totals is an
    /// equation, and a withheld count is recovered when its unit vector lies in the span of those equations
    /// restricted to the withheld counts (Gaussian elimination, independent of the routine under test).
    /// </summary>
    public static List<(int Row, int Column)> Recoverable(bool[,] hidden)
    {
        var (rows, columns) = (hidden.GetLength(0), hidden.GetLength(1));
        var unknowns = new List<(int Row, int Column)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (hidden[r, c])
                {
                    unknowns.Add((r, c));
                }
            }
        }
        var equations = new List<double[]>();
        for (var r = 0; r < rows; r++)
        {
            // Row r: its counts minus its total are zero (the total row likewise, with the grand total).
            equations.Add([.. unknowns.Select(u => u.Row != r ? 0.0 : u.Column == columns - 1 ? -1.0 : 1.0)]);
        }
        for (var c = 0; c < columns; c++)
        {
            equations.Add([.. unknowns.Select(u => u.Column != c ? 0.0 : u.Row == rows - 1 ? -1.0 : 1.0)]);
        }
        var rank = Rank(equations);
        return [.. unknowns.Where((_, k) =>
        {
            var unit = new double[unknowns.Count];
            unit[k] = 1;
            return Rank([.. equations, unit]) == rank;
        })];
    }

    /// <summary>
    /// The attack on breakdowns published beside one total (each group of counts adds up to it), as the dashboard
    /// shows protection cases by consulate, category and urgency: each group is an equation, the total an unknown when
    /// withheld. Returns the (group, index) of every withheld count the equations pin down.
    /// </summary>
    public static List<(int Group, int Index)> RecoverableFromSums(IReadOnlyList<bool[]> groups, bool totalHidden)
    {
        var unknowns = groups.SelectMany((g, k) => g.Select((hidden, i) => (hidden, k, i))).Where(u => u.hidden).Select(u => (u.k, u.i)).ToList();
        var width = unknowns.Count + (totalHidden ? 1 : 0);
        var equations = groups.Select((_, k) =>
        {
            var equation = new double[width];
            for (var u = 0; u < unknowns.Count; u++)
            {
                equation[u] = unknowns[u].k == k ? 1 : 0;
            }
            if (totalHidden)
            {
                equation[^1] = -1;
            }
            return equation;
        }).ToList();
        var rank = Rank(equations);
        return [.. unknowns.Where((_, u) =>
        {
            var unit = new double[width];
            unit[u] = 1;
            return Rank([.. equations, unit]) == rank;
        })];
    }

    private static int Rank(List<double[]> matrix)
    {
        var m = matrix.Select(row => (double[])row.Clone()).ToList();
        var width = m.Count == 0 ? 0 : m[0].Length;
        var rank = 0;
        for (var column = 0; column < width && rank < m.Count; column++)
        {
            var pivot = Enumerable.Range(rank, m.Count - rank).FirstOrDefault(r => Math.Abs(m[r][column]) > 1e-9, -1);
            if (pivot < 0)
            {
                continue;
            }
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Count; r++)
            {
                if (r != rank && Math.Abs(m[r][column]) > 1e-9)
                {
                    var factor = m[r][column] / m[rank][column];
                    for (var c = column; c < width; c++)
                    {
                        m[r][c] -= factor * m[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
