namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>The best split of one feature from a leaf's histogram of it. Ties keep the first candidate found.</summary>
internal static class SplitFinder
{
    public static SplitCandidate Best(ReadOnlySpan<HistogramBin> histogram, FeatureBins bins, int feature, LeafTotals parent, SplitRules rules) =>
        bins.IsCategorical ? BestCategorical(histogram, bins, feature, parent, rules) : BestNumeric(histogram, bins, feature, parent, rules);

    static SplitCandidate BestNumeric(ReadOnlySpan<HistogramBin> histogram, FeatureBins bins, int feature, LeafTotals parent, SplitRules rules)
    {
        var best = SplitCandidate.None;
        ref readonly var missingBin = ref histogram[bins.MissingBin];
        var missing = new LeafTotals(missingBin.Gradient, missingBin.Hessian, missingBin.Count);
        double gradient = 0, hessian = 0;
        var count = 0;
        for (var b = 0; b < bins.ValueBinCount - 1; b++)
        {
            ref readonly var bin = ref histogram[b];
            if (bin.Count == 0) continue; // the same partition as the bin before
            gradient += bin.Gradient;
            hessian += bin.Hessian;
            count += bin.Count;
            if (parent.Count - count < rules.MinSamplesPerLeaf) break; // the right side only shrinks from here
            var left = new LeafTotals(gradient, hessian, count);
            var right = parent.Minus(left);
            if (missing.Count == 0)
            {
                // No missing value in this leaf: unseen missing values follow the majority.
                Consider(ref best, left, right, parent, rules, rules.L2, feature, b, defaultLeft: left.Count >= right.Count);
            }
            else
            {
                Consider(ref best, left, right, parent, rules, rules.L2, feature, b, defaultLeft: false);
                var leftWithMissing = new LeafTotals(gradient + missing.Gradient, hessian + missing.Hessian, count + missing.Count);
                Consider(ref best, leftWithMissing, parent.Minus(leftWithMissing), parent, rules, rules.L2, feature, b, defaultLeft: true);
            }
        }
        return best;
    }

    static void Consider(ref SplitCandidate best, LeafTotals left, LeafTotals right, LeafTotals parent, SplitRules rules, double l2, int feature, int thresholdBin, bool defaultLeft)
    {
        if (!rules.Allows(left, right)) return;
        var gain = rules.Gain(left, right, parent, l2);
        if (!(gain > best.Gain)) return;
        best = new SplitCandidate { Gain = gain, Feature = feature, ThresholdBin = thresholdBin, DefaultLeft = defaultLeft, Left = left };
    }

    /// <summary>
    /// LightGBM's categorical split: with few categories each one against the rest; otherwise categories ordered by
    /// gradient / (hessian + smoothing), and the best prefix of that order (from either end) goes left.
    /// </summary>
    static SplitCandidate BestCategorical(ReadOnlySpan<HistogramBin> histogram, FeatureBins bins, int feature, LeafTotals parent, SplitRules rules)
    {
        Span<int> present = stackalloc int[bins.ValueBinCount];
        var presentCount = 0;
        for (var b = 0; b < bins.ValueBinCount; b++)
            if (histogram[b].Count > 0) present[presentCount++] = b;
        present = present[..presentCount];
        ref readonly var missingBin = ref histogram[bins.MissingBin];
        var missing = new LeafTotals(missingBin.Gradient, missingBin.Hessian, missingBin.Count);

        var best = SplitCandidate.None;
        if (presentCount <= SplitRules.OneVsRestCategories)
        {
            foreach (var b in present)
            {
                var set = new BinSet();
                set.Add(b);
                ConsiderSet(ref best, new LeafTotals(histogram[b].Gradient, histogram[b].Hessian, histogram[b].Count), missing, parent, rules, rules.L2, feature, set);
            }
            return best;
        }

        Span<double> ratio = stackalloc double[presentCount];
        for (var i = 0; i < presentCount; i++)
            ratio[i] = histogram[present[i]].Gradient / (histogram[present[i]].Hessian + SplitRules.CategorySmoothing);
        ratio.Sort(present); // not stable, but deterministic: the same histogram always gives the same order

        var l2 = rules.L2 + SplitRules.CategoricalL2;
        var maxSide = Math.Min(SplitRules.MaxCategoriesPerSide, presentCount - 1);
        for (var direction = 0; direction < 2; direction++)
        {
            var set = new BinSet();
            double gradient = 0, hessian = 0;
            var count = 0;
            for (var i = 0; i < maxSide; i++)
            {
                var b = present[direction == 0 ? i : presentCount - 1 - i];
                set.Add(b);
                gradient += histogram[b].Gradient;
                hessian += histogram[b].Hessian;
                count += histogram[b].Count;
                ConsiderSet(ref best, new LeafTotals(gradient, hessian, count), missing, parent, rules, l2, feature, set);
            }
        }
        return best;
    }

    static void ConsiderSet(ref SplitCandidate best, LeafTotals inSet, LeafTotals missing, LeafTotals parent, SplitRules rules, double l2, int feature, BinSet set)
    {
        for (var missingLeft = 0; missingLeft < 2; missingLeft++)
        {
            if (missingLeft == 1 && missing.Count == 0) break;
            var left = missingLeft == 1 ? new LeafTotals(inSet.Gradient + missing.Gradient, inSet.Hessian + missing.Hessian, inSet.Count + missing.Count) : inSet;
            var right = parent.Minus(left);
            if (!rules.Allows(left, right)) continue;
            var gain = rules.Gain(left, right, parent, l2);
            if (!(gain > best.Gain)) continue;
            var defaultLeft = missing.Count == 0 ? left.Count >= right.Count : missingLeft == 1;
            best = new SplitCandidate { Gain = gain, Feature = feature, IsCategorical = true, LeftBins = set, DefaultLeft = defaultLeft, Left = left };
        }
    }
}
