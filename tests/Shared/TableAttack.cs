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
