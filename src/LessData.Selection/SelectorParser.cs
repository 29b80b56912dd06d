using System.Globalization;

namespace LessData.Selection;

/// <summary>
/// Parses --selector: which images fill each epoch's budget. Forms: random | rs2 | loss[:hard=H][,unbiased] |
/// infobatch[:r=R][,delta=D][,target=T][,public] | seta[:prune=P][,k=K][,window=W][,delta=D][,target=T][,fullanneal].
/// The --unbiased and --target-fraction flags fold into the spec; the selector's
/// Spec is the canonical spec recorded in run.json.
/// </summary>
internal static class SelectorParser
{
    public const string Forms = "random | rs2 | loss[:hard=H,unbiased] | infobatch[:r=R,delta=D,target=T,public] | seta[:prune=P,k=K,window=W,delta=D,target=T,fullanneal]";
    private const string TargetOwners = "the infobatch and seta selectors";

    public static ISelector Parse(string? spec, bool unbiased = false, double? targetFraction = null)
    {
        string text = (spec ?? "random").Trim().ToLowerInvariant();
        int colon = text.IndexOf(':');
        string name = colon < 0 ? text : text[..colon];
        var options = colon < 0 ? [] : Options(text[(colon + 1)..], spec!);
        switch (name)
        {
            case "random" or "":
                Reject(options, spec!);
                if (unbiased) throw new SelectionException("unbiased", "unbiased weights apply to the loss selector (random keeps every image at weight 1)");
                if (targetFraction is not null) throw new SelectionException("targetFraction", $"a target fraction applies to {TargetOwners}; with random, the schedule sets the share");
                return new RandomSelector();
            case "rs2":
                Reject(options, spec!);
                if (unbiased) throw new SelectionException("unbiased", "unbiased weights apply to the loss selector (rs2 keeps every image at weight 1)");
                if (targetFraction is not null) throw new SelectionException("targetFraction", $"a target fraction applies to {TargetOwners}; with rs2, the schedule sets the share");
                return new Rs2Selector();
            case "loss":
                if (targetFraction is not null) throw new SelectionException("targetFraction", $"a target fraction applies to {TargetOwners}; with loss, the schedule sets the share");
                var loss = new LossSelector(Take(options, "hard", 0.5, spec!), unbiased | TakeFlag(options, "unbiased"));
                Reject(options, spec!);
                return loss;
            case "infobatch":
                if (unbiased) throw new SelectionException("unbiased", "unbiased weights apply to the loss selector; infobatch always rescales the kept low-loss samples");
                double r = Take(options, "r", 0.5, spec!), delta = Take(options, "delta", 0.875, spec!);
                double? target = targetFraction ?? (options.ContainsKey("target") ? Take(options, "target", 1, spec!) : null);
                bool publicCount = TakeFlag(options, "public");
                Reject(options, spec!);
                return new InfoBatchSelector(r, delta, target, publicCount);
            case "seta":
                if (unbiased) throw new SelectionException("unbiased", "unbiased weights apply to the loss selector; seta trains on its window unweighted");
                double prune = Take(options, "prune", 0.1, spec!), window = Take(options, "window", 0.9, spec!), setaDelta = Take(options, "delta", 0.875, spec!);
                int groups = TakeWhole(options, "k", 5, spec!);
                double? setaTarget = targetFraction ?? (options.ContainsKey("target") ? Take(options, "target", 1, spec!) : null);
                bool fullAnneal = TakeFlag(options, "fullanneal");
                Reject(options, spec!);
                return new SetaSelector(prune, groups, window, setaDelta, setaTarget, fullAnneal);
            default:
                throw new SelectionException("selector", $"unknown selector '{spec}': use one of {Forms}");
        }
    }

    private static Dictionary<string, string?> Options(string text, string spec)
    {
        var options = new Dictionary<string, string?>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0) throw new SelectionException("selector", $"selector '{spec}': empty option; write options as key=value separated by commas");
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (!options.TryAdd(kv[0], kv.Length == 2 ? kv[1] : null)) throw new SelectionException("selector", $"selector '{spec}': option '{kv[0]}' appears twice");
        }
        return options;
    }

    private static double Take(Dictionary<string, string?> options, string key, double fallback, string spec)
    {
        if (!options.Remove(key, out var value)) return fallback;
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v
            : throw new SelectionException("selector", $"selector '{spec}': option {key} needs a number (got '{value}')");
    }

    private static int TakeWhole(Dictionary<string, string?> options, string key, int fallback, string spec)
    {
        double v = Take(options, key, fallback, spec);
        return v == Math.Floor(v) && v is >= 1 and <= int.MaxValue
            ? (int)v
            : throw new SelectionException("selector", string.Create(CultureInfo.InvariantCulture, $"selector '{spec}': option {key} needs a whole number, at least 1 (got {v})"));
    }

    private static bool TakeFlag(Dictionary<string, string?> options, string key)
    {
        if (!options.Remove(key, out var value)) return false;
        return value is null ? true : throw new SelectionException("selector", $"selector: option {key} takes no value (got '{value}')");
    }

    private static void Reject(Dictionary<string, string?> options, string spec)
    {
        if (options.Count > 0) throw new SelectionException("selector", $"selector '{spec}': unknown option '{options.Keys.First()}'; forms: {Forms}");
    }
}
