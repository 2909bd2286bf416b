namespace Puente.Domain.Binational;

/// <summary>
/// Withholds small counts from a two-way table published with its row, column and grand totals, so that no
/// withheld count can be worked out from what is published. A count from 1 to <see cref="Threshold"/> − 1
/// (a total too) is withheld; then, until nothing changes, more counts are withheld where the rest would give
/// one away:
/// <list type="bullet">
/// <item>a row or column (totals included) with exactly one withheld count: the smallest positive count beside it;</item>
/// <item>a withheld count that sits on no cycle of withheld counts (a "bridge": its row and column equations
/// pin it down): the smallest positive count that closes a cycle through it.</item>
/// </list>
/// With totals negated, every row and column of the table sums to zero, so the withheld counts can all move
/// together around any cycle without changing what is published; a withheld count on a cycle is not
/// determined, and one on no cycle is. Zero counts are not withheld and are chosen as complements only when
/// no positive count would do.
/// </summary>
public static class SmallCellSuppression
{
    public const int Threshold = 5;

    /// <param name="counts">Rows × columns, without totals; every count ≥ 0.</param>
    /// <returns>Which counts to withhold, for the table with totals: index <c>[rows, c]</c> is column c's
    /// total, <c>[r, columns]</c> row r's, <c>[rows, columns]</c> the grand total.</returns>
    public static bool[,] Suppress(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var table = WithTotals(counts);
        var (rows, columns) = (table.GetLength(0), table.GetLength(1));
        var hidden = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                hidden[r, c] = table[r, c] is > 0 and < Threshold;
            }
        }
        while (HideBesideLoneCell(table, hidden) || CloseCycleThroughBridge(table, hidden))
        {
        }
        return hidden;
    }

    /// <summary>
    /// Withholds counts of a one-way breakdown of a total published beside it (the parts add up to the total), once
    /// the total's own fate is decided by <see cref="Suppress"/>: a part from 1 to <see cref="Threshold"/> − 1 is
    /// withheld; with the total published, a lone withheld part gets a second one withheld beside it; with the total
    /// withheld, at least one part is withheld, so the parts cannot add up to it. The complement is the smallest
    /// positive part (a zero only when nothing positive is left), the first of equals, so the choice is deterministic.
    /// </summary>
    public static bool[] SuppressBreakdown(IReadOnlyList<int> parts, bool totalWithheld)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var hidden = parts.Select(p => p is > 0 and < Threshold).ToArray();
        var needed = totalWithheld ? 1 : hidden.Contains(true) ? 2 : 0;
        while (hidden.Count(h => h) < needed)
        {
            var complement = Enumerable.Range(0, parts.Count)
                .Where(k => !hidden[k])
                .OrderBy(k => parts[k] == 0).ThenBy(k => parts[k]).ThenBy(k => k)
                .Select(k => (int?)k)
                .FirstOrDefault();
            if (complement is not { } k)
            {
                break;
            }
            hidden[k] = true;
        }
        return hidden;
    }

    /// <summary>The table with a total column, a total row and the grand total appended.</summary>
    public static long[,] WithTotals(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (rows, columns) = (counts.GetLength(0), counts.GetLength(1));
        var table = new long[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(counts[r, c]);
                table[r, c] = counts[r, c];
                table[r, columns] += counts[r, c];
                table[rows, c] += counts[r, c];
                table[rows, columns] += counts[r, c];
            }
        }
        return table;
    }

    private static bool HideBesideLoneCell(long[,] table, bool[,] hidden)
    {
        var (rows, columns) = (table.GetLength(0), table.GetLength(1));
        for (var r = 0; r < rows; r++)
        {
            if (Enumerable.Range(0, columns).Count(c => hidden[r, c]) == 1)
            {
                return Hide(table, hidden, Enumerable.Range(0, columns).Select(c => (r, c)));
            }
        }
        for (var c = 0; c < columns; c++)
        {
            if (Enumerable.Range(0, rows).Count(r => hidden[r, c]) == 1)
            {
                return Hide(table, hidden, Enumerable.Range(0, rows).Select(r => (r, c)));
            }
        }
        return false;
    }

    private static bool CloseCycleThroughBridge(long[,] table, bool[,] hidden)
    {
        var (rows, columns) = (table.GetLength(0), table.GetLength(1));
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (!hidden[r, c])
                {
                    continue;
                }
                hidden[r, c] = false;
                var (rowSide, columnSide) = Reachable(hidden, r);
                hidden[r, c] = true;
                if (columnSide[c])
                {
                    continue;
                }
                // Any count joining r's side to c's side closes a cycle through (r, c).
                var (otherRows, otherColumns) = Reachable(hidden, rows + c);
                var candidates =
                    from row in Enumerable.Range(0, rows)
                    from column in Enumerable.Range(0, columns)
                    where !hidden[row, column]
                        && ((rowSide[row] && otherColumns[column]) || (otherRows[row] && columnSide[column]))
                    select (row, column);
                return Hide(table, hidden, candidates);
            }
        }
        return false;
    }

    /// <summary>Rows and columns joined to a vertex by withheld counts; vertices are rows 0..R-1 then columns.</summary>
    private static (bool[] Rows, bool[] Columns) Reachable(bool[,] hidden, int from)
    {
        var (rows, columns) = (hidden.GetLength(0), hidden.GetLength(1));
        var seen = new bool[rows + columns];
        var queue = new Queue<int>([from]);
        seen[from] = true;
        while (queue.TryDequeue(out var vertex))
        {
            var neighbours = vertex < rows
                ? Enumerable.Range(0, columns).Where(c => hidden[vertex, c]).Select(c => rows + c)
                : Enumerable.Range(0, rows).Where(r => hidden[r, vertex - rows]);
            foreach (var next in neighbours.Where(n => !seen[n]))
            {
                seen[next] = true;
                queue.Enqueue(next);
            }
        }
        return (seen[..rows], seen[rows..]);
    }

    /// <summary>Withholds the best complement among candidates: a positive count before a zero, a count
    /// before a total, the smallest, then the first in row-major order so the choice is deterministic.</summary>
    private static bool Hide(long[,] table, bool[,] hidden, IEnumerable<(int Row, int Column)> candidates)
    {
        var (rows, columns) = (table.GetLength(0) - 1, table.GetLength(1) - 1);
        var best = candidates
            .Where(p => !hidden[p.Row, p.Column])
            .OrderBy(p => table[p.Row, p.Column] == 0)
            .ThenBy(p => p.Row == rows || p.Column == columns)
            .ThenBy(p => table[p.Row, p.Column])
            .ThenBy(p => p.Row).ThenBy(p => p.Column)
            .Select(p => ((int Row, int Column)?)p)
            .FirstOrDefault();
        if (best is not { } cell)
        {
            return false;
        }
        hidden[cell.Row, cell.Column] = true;
        return true;
    }
}
