using MlopsBuild.Core.Text;
using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// Metrics per value of a categorical or boolean column, on the test rows holding that value, each against the
/// bounds. Slices with fewer than <see cref="MinimumRows"/> rows, and slices where a metric is undefined (one class
/// only), are reported as skipped (passed, with the reason), never dropped silently. Rows with the value missing form
/// a slice of their own.
/// </summary>
public sealed class SliceGate : Gate
{
    internal SliceGate(string column, IReadOnlyList<ThresholdGate> bounds, int minimumRows)
    {
        Column = column;
        Bounds = bounds;
        MinimumRows = minimumRows;
    }

    public const int DefaultMinimumRows = 30;

    public string Column { get; }

    public IReadOnlyList<ThresholdGate> Bounds { get; }

    public int MinimumRows { get; }

    public override string Name => $"per {Column}: {string.Join(", ", Bounds.Select(b => b.Name))}";

    internal override void Validate(GateRun run)
    {
        ColumnDeclaration.RequireName(this, Column);
        if (Bounds.Count == 0) throw GateDeclarationException.For(this, "no bound: give at least one, as in Slice(\"region\").Each(Metric.AucRoc >= 0.8)");
        if (MinimumRows < 1) throw GateDeclarationException.For(this, $"the minimum slice size is {MinimumRows}; give at least 1 row");
        foreach (var bound in Bounds)
        {
            MetricDeclaration.Require(this, bound.Metric, run.Task);
            MetricDeclaration.RequireFinite(this, bound.Bound, "bound");
        }
        var allowed = SliceableColumns(run).ToArray();
        if (allowed.Contains(Column)) return;
        var what = run.Context.Dataset.Signature.Inputs.Any(c => c.Name == Column)
            ? $"'{Column}' is numeric, and only categorical or boolean feature columns can be sliced"
            : $"the data has no feature column '{Column}'";
        throw GateDeclarationException.For(this,
            $"{what}. Slice by one of {(allowed.Length == 0 ? "(none: the data has no categorical or boolean feature)" : string.Join(", ", allowed))}.{ClosestMatch.Hint(Column, allowed)}");
    }

    internal override IEnumerable<CheckResult> Check(GateRun run)
    {
        foreach (var (value, positions) in Slices(run))
        {
            ModelEvaluation? evaluation = null;
            foreach (var bound in Bounds)
            {
                var name = $"{Column}={value}: {bound.Name}";
                if (positions.Length < MinimumRows)
                {
                    yield return new CheckResult(CheckKinds.Slice, name, true,
                        $"skipped: {positions.Length} test rows, fewer than the {MinimumRows} a slice needs to be judged", Expected: bound.Bound);
                    continue;
                }
                evaluation ??= run.Evaluate(run.Candidate.Predictor, run.Features.Select(positions), positions.Select(p => run.Labels[p]).ToArray());
                var measured = TaskMetrics.ValueOf(evaluation.Values, bound.Metric);
                yield return double.IsNaN(measured)
                    ? new CheckResult(CheckKinds.Slice, name, true,
                        $"skipped: {bound.Metric} is undefined on these {positions.Length} test rows (they hold one class only)", Expected: bound.Bound)
                    : bound.Judge(CheckKinds.Slice, name, measured, $" on {positions.Length} test rows") with
                    {
                        Slice = new SliceOf(Column, value, positions.Length, bound.Metric),
                    };
            }
        }
    }

    static IEnumerable<string> SliceableColumns(GateRun run) =>
        run.Context.Dataset.Signature.Inputs.Where(c => Featurizer.FeatureOf(c).Kind is FeatureKind.Categorical or FeatureKind.Boolean).Select(c => c.Name);

    /// <summary>Each value of the column (in category order, then "(missing)"), with the positions of its test rows.</summary>
    IEnumerable<(string Value, int[] Positions)> Slices(GateRun run)
    {
        var dataset = run.Context.Dataset;
        var index = dataset.Signature.Inputs.Select(c => c.Name).ToList().IndexOf(Column);
        var feature = dataset.Signature.Features()[index];
        var values = dataset.Data.Features.Columns[index];
        var names = feature.Kind == FeatureKind.Boolean ? ["false", "true"] : feature.Categories;
        var groups = new List<int>[names.Count + 1]; // the last: missing
        for (var g = 0; g < groups.Length; g++) groups[g] = [];
        var rows = run.Context.TestRows;
        for (var position = 0; position < rows.Length; position++)
        {
            var value = values[rows[position]];
            groups[float.IsNaN(value) ? names.Count : (int)value].Add(position);
        }
        for (var g = 0; g < names.Count; g++) yield return (names[g], groups[g].ToArray());
        if (groups[^1].Count > 0) yield return ("(missing)", groups[^1].ToArray());
    }
}
