namespace LessData.Selection;

/// <summary>
/// Random sampling without replacement across epochs (RS2): pass 0 is a permutation of 0..n−1 seeded by
/// (seed, stream, 0), and epoch e takes the next b_e positions of the stream of passes. When an epoch needs more than
/// its pass has left, it takes those leftovers first and the rest from pass p+1, a fresh permutation seeded by
/// (seed, stream, p+1) in which this epoch's leftovers are moved to the end (kept in their relative order). So no
/// epoch holds an image twice, every pass holds every image once, and no image is seen twice before all were seen once.
/// Pure: the chunk of epoch e is a function of (n, b_0..b_e, seed, stream). The walk keeps its position only to avoid
/// replaying earlier passes when asked for the next epoch; any other request replays from pass 0.
/// </summary>
internal sealed class PermutationWalk(int n, int seed, ulong stream)
{
    private readonly List<int> _budgets = [];
    private int[] _order = Pass(seed, stream, 0, n);
    private int _pass;
    private long _passStart, _start; // stream positions: where _order begins, where the next epoch begins

    /// <summary>The indices of the last epoch of <paramref name="budgets"/> (each budget in [0, n]).</summary>
    public int[] Chunk(IReadOnlyList<int> budgets)
    {
        if (budgets.Count == 0) throw new ArgumentException("no epochs", nameof(budgets));
        if (!IsPrefix(budgets)) Restart();
        for (int e = _budgets.Count; e < budgets.Count - 1; e++) Advance(budgets[e], keep: false);
        return Advance(budgets[^1], keep: true)!; // the walk stays before the last epoch: the next epoch costs one step
    }

    private bool IsPrefix(IReadOnlyList<int> budgets)
    {
        if (_budgets.Count > budgets.Count - 1) return false;
        for (int e = 0; e < _budgets.Count; e++)
            if (_budgets[e] != budgets[e]) return false;
        return true;
    }

    private void Restart()
    {
        _budgets.Clear();
        _order = Pass(seed, stream, 0, n);
        _pass = 0;
        _passStart = _start = 0;
    }

    /// <summary>Takes one epoch of <paramref name="budget"/> images; records the step unless <paramref name="keep"/> (a query).</summary>
    private int[]? Advance(int budget, bool keep)
    {
        if (budget < 0 || budget > n) throw new ArgumentOutOfRangeException(nameof(budget), $"budget {budget} is outside [0, {n}]");
        int position = (int)(_start - _passStart);
        int left = n - position;
        int[] chunk;
        int[] order = _order;
        int pass = _pass;
        long passStart = _passStart;
        if (budget < left)
        {
            chunk = order[position..(position + budget)];
        }
        else
        {
            // budget == left ends the pass exactly: nothing is left over, so the next pass is a plain fresh permutation.
            var next = budget == left ? Pass(seed, stream, pass + 1, n) : NextPass(order, position, pass + 1);
            chunk = [.. order[position..], .. next[..(budget - left)]];
            order = next;
            pass++;
            passStart += n;
        }
        if (keep) return chunk;
        _budgets.Add(budget);
        _order = order;
        _pass = pass;
        _passStart = passStart;
        _start += budget;
        return null;
    }

    /// <summary>Pass p+1: a fresh permutation with the leftovers of pass p (order[position..]) moved to its end.</summary>
    private int[] NextPass(int[] order, int position, int pass)
    {
        var fresh = Pass(seed, stream, pass, n);
        var leftover = new bool[n];
        for (int k = position; k < n; k++) leftover[order[k]] = true;
        return [.. fresh.Where(i => !leftover[i]), .. fresh.Where(i => leftover[i])];
    }

    private static int[] Pass(int seed, ulong stream, int pass, int n) => SeededRandom.For(seed, stream, pass).Permutation(n);
}
