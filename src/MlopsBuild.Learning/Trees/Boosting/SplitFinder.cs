namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>The best split of one feature from a leaf's histogram of it. Ties keep the first candidate found.</summary>
internal static class SplitFinder
{
    public static SplitCandidate Best(ReadOnlySpan<HistogramBin> histogram, FeatureBins bins, int feature, LeafTotals parent, SplitRules rules) =>
        bins.IsCategorical ? BestCategorical(histogram, bins, feature, parent, rules) : BestNumeric(histogram, bins, feature, parent, rules);

    /// <remarks>
    /// The hottest loop after the histograms: every bin of every feature of both children of every split. Kept to plain
    /// locals (no totals or candidates copied per bin), with the parent's term of the gain computed once per leaf.
    /// </remarks>
    static SplitCandidate BestNumeric(ReadOnlySpan<HistogramBin> histogram, FeatureBins bins, int feature, LeafTotals parent, SplitRules rules)
    {
        ref readonly var missingBin = ref histogram[bins.MissingBin];
        double missingGradient = missingBin.Gradient, missingHessian = missingBin.Hessian;
        var missingCount = missingBin.Count;
        double parentGradient = parent.Gradient, parentHessian = parent.Hessian;
        var parentCount = parent.Count;
        var l2 = rules.L2;
        var parentTerm = rules.ParentTerm(parent);
        var minCount = rules.MinSamplesPerLeaf;
        const double minHessian = SplitRules.MinHessian;

        var bestGain = double.NegativeInfinity;
        var bestBin = -1;
        var bestDefaultLeft = false;
        double bestGradient = 0, bestHessian = 0;
        var bestCount = 0;
        double gradient = 0, hessian = 0;
        var count = 0;
        for (var b = 0; b < bins.ValueBinCount - 1; b++)
        {
            ref readonly var bin = ref histogram[b];
            if (bin.Rows == 0) continue; // the same partition as the bin before
            gradient += bin.Gradient;
            hessian += bin.Hessian;
            count += bin.Count;
            if (parentCount - count < minCount) break; // the right side only shrinks from here
            double rightGradient = parentGradient - gradient, rightHessian = parentHessian - hessian;
            if (count >= minCount && hessian >= minHessian && rightHessian >= minHessian)
            {
                var gain = SplitRules.Gain(gradient, hessian, rightGradient, rightHessian, l2, parentTerm);
                // Missing values go right; with none in this leaf, unseen ones follow the majority.
                if (gain > bestGain)
                    (bestGain, bestBin, bestDefaultLeft, bestGradient, bestHessian, bestCount) =
                        (gain, b, missingCount == 0 && count >= parentCount - count, gradient, hessian, count);
            }
            if (missingCount == 0) continue;
            double withMissingGradient = gradient + missingGradient, withMissingHessian = hessian + missingHessian;
            var withMissingCount = count + missingCount;
            double otherGradient = parentGradient - withMissingGradient, otherHessian = parentHessian - withMissingHessian;
            if (withMissingCount < minCount || parentCount - withMissingCount < minCount || withMissingHessian < minHessian || otherHessian < minHessian) continue;
            var gainWithMissing = SplitRules.Gain(withMissingGradient, withMissingHessian, otherGradient, otherHessian, l2, parentTerm);
            if (gainWithMissing > bestGain)
                (bestGain, bestBin, bestDefaultLeft, bestGradient, bestHessian, bestCount) = (gainWithMissing, b, true, withMissingGradient, withMissingHessian, withMissingCount);
        }
        return bestBin < 0
            ? SplitCandidate.None
            : new SplitCandidate { Gain = bestGain, Feature = feature, ThresholdBin = bestBin, DefaultLeft = bestDefaultLeft, Left = new LeafTotals(bestGradient, bestHessian, bestCount) };
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
