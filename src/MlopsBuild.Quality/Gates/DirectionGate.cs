using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// Raising a numeric column by a step must not lower (<see cref="Increasing"/>) or raise (decreasing) the score — the
/// positive class's probability, or the regression value — on at least <see cref="RequiredShare"/> of the test rows
/// that have a value. The default step is one standard deviation of the column over the test rows.
/// </summary>
public sealed class DirectionGate : Gate
{
    internal DirectionGate(string column, bool increasing, double? step, double requiredShare)
    {
        Column = column;
        Increasing = increasing;
        Step = step;
        RequiredShare = requiredShare;
    }

    public const double DefaultRequiredShare = 0.95;

    public string Column { get; }

    /// <summary>True: the score must not fall as the column rises; false: it must not rise.</summary>
    public bool Increasing { get; }

    /// <summary>Null: one standard deviation of the column over the test rows.</summary>
    public double? Step { get; }

    public double RequiredShare { get; }

    public override string Name => $"score {(Increasing ? "increasing" : "decreasing")} with {Column}";

    internal override void Validate(GateRun run)
    {
        ColumnDeclaration.RequireName(this, Column);
        if (run.Task == LearningTask.MulticlassClassification)
            throw GateDeclarationException.For(this, "a multiclass model has no single score to rise or fall; directional gates need a binary classifier or a regression model");
        if (Step is { } step && !(step > 0 && double.IsFinite(step)))
            throw GateDeclarationException.For(this, $"the step is {Numbers.Exact(step)}; give a positive number (or none: one standard deviation)");
        if (!(RequiredShare > 0 && RequiredShare <= 1))
            throw GateDeclarationException.For(this, $"the required share is {Numbers.Exact(RequiredShare)}; give a share in (0, 1]");
        var input = ColumnDeclaration.InputIndex(run, Column);
        if (input < 0)
        {
            ColumnDeclaration.RequireKnown(this, run, Column);
            return;
        }
        if (run.Features.Features[input].Kind == FeatureKind.Numeric) return;
        var numeric = run.Features.Features.Where(f => f.Kind == FeatureKind.Numeric).Select(f => f.Name).ToArray();
        throw GateDeclarationException.For(this,
            $"'{Column}' is {run.Features.Features[input].Kind.ToString().ToLowerInvariant()}; only a numeric input can be raised. Numeric inputs: {(numeric.Length == 0 ? "(none)" : string.Join(", ", numeric))}");
    }

    internal override IEnumerable<CheckResult> Check(GateRun run)
    {
        var input = ColumnDeclaration.InputIndex(run, Column);
        if (input < 0)
        {
            yield return new CheckResult(CheckKinds.Direction, Name, false,
                $"{Column} is not an input of the model, so its score cannot follow it");
            yield break;
        }
        var original = run.Features.Columns[input];
        var step = Step ?? StandardDeviation(original);
        if (!(step > 0))
        {
            yield return new CheckResult(CheckKinds.Direction, Name, false,
                $"{Column} has no spread over the test rows (standard deviation 0, or no value), so the default step is 0: give a step");
            yield break;
        }
        var raised = new float[original.Length];
        for (var i = 0; i < raised.Length; i++) raised[i] = (float)(original[i] + step);
        var altered = run.Features.Columns.ToArray();
        altered[input] = raised;
        var before = run.CandidateOutputs;
        var after = run.PredictCandidate(new FeatureMatrix(run.Features.Features, altered));

        var (outputs, scoreIndex) = run.Task == LearningTask.BinaryClassification ? (2, 1) : (1, 0);
        var (rows, followed) = (0, 0);
        for (var row = 0; row < original.Length; row++)
        {
            if (float.IsNaN(original[row])) continue; // a missing value stays missing: there is nothing to raise
            rows++;
            var change = after[row * outputs + scoreIndex] - before[row * outputs + scoreIndex];
            if (Increasing ? change >= 0 : change <= 0) followed++;
        }
        var share = rows == 0 ? 0 : (double)followed / rows;
        var stepText = Step is null ? $"{Numbers.Measured(step)}, one standard deviation" : Numbers.Exact(step);
        var score = run.Task == LearningTask.BinaryClassification ? "the positive-class probability" : "the prediction";
        yield return new CheckResult(CheckKinds.Direction, Name, rows > 0 && share >= RequiredShare,
            $"raising {Column} by {stepText}, {score} did not {(Increasing ? "fall" : "rise")} on {Numbers.Percent(share)} of {rows} test rows ({followed}); at least {Numbers.Percent(RequiredShare)} required",
            share, RequiredShare);
    }

    static double StandardDeviation(float[] values)
    {
        var (count, mean, squares) = (0, 0.0, 0.0);
        foreach (var value in values)
        {
            if (float.IsNaN(value)) continue;
            count++;
            var delta = value - mean; // Welford: stable for large values such as Unix seconds
            mean += delta / count;
            squares += delta * (value - mean);
        }
        return count < 2 ? 0 : Math.Sqrt(squares / (count - 1));
    }
}
