using MlopsBuild.Learning.Features;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// Changing a column must not change any prediction: the column's values are rotated by one among the test rows (row
/// i takes row i + 1's value, the last the first's), so every row gets a real value of the column, and every output
/// must stay within the tolerance. A column the model does not read passes.
/// </summary>
public sealed class InvarianceGate : Gate
{
    internal InvarianceGate(string column, double tolerance)
    {
        Column = column;
        Tolerance = tolerance;
    }

    public const double DefaultTolerance = 1e-9;

    public string Column { get; }

    public double Tolerance { get; }

    public override string Name => $"predictions invariant to {Column}";

    internal override void Validate(GateRun run)
    {
        ColumnDeclaration.RequireName(this, Column);
        if (!(Tolerance >= 0 && double.IsFinite(Tolerance)))
            throw GateDeclarationException.For(this, $"the tolerance is {Numbers.Exact(Tolerance)}; give a number ≥ 0");
        if (ColumnDeclaration.InputIndex(run, Column) < 0) ColumnDeclaration.RequireKnown(this, run, Column);
    }

    internal override IEnumerable<CheckResult> Check(GateRun run)
    {
        var input = ColumnDeclaration.InputIndex(run, Column);
        if (input < 0)
        {
            yield return new CheckResult(CheckKinds.Invariance, Name, true, "not an input of the model, so it cannot change a prediction");
            yield break;
        }
        var original = run.Features.Columns[input];
        var rotated = new float[original.Length];
        for (var i = 0; i < rotated.Length; i++) rotated[i] = original[(i + 1) % original.Length];
        var altered = run.Features.Columns.ToArray();
        altered[input] = rotated;
        var before = run.CandidateOutputs;
        var after = run.PredictCandidate(new FeatureMatrix(run.Features.Features, altered));

        var outputs = run.OutputCount;
        var (worst, worstRow, changedRows, alteredRows) = (0.0, -1, 0, 0);
        for (var row = 0; row < rotated.Length; row++)
        {
            if (!SameValue(original[row], rotated[row])) alteredRows++;
            var change = 0.0;
            for (var k = 0; k < outputs; k++) change = Math.Max(change, Math.Abs(after[row * outputs + k] - before[row * outputs + k]));
            if (change > Tolerance) changedRows++;
            if (change > worst) (worst, worstRow) = (change, row);
        }
        var rows = rotated.Length;
        if (changedRows == 0)
            yield return new CheckResult(CheckKinds.Invariance, Name, true,
                $"no prediction moved by more than {Numbers.Exact(Tolerance)} (largest change {Numbers.Measured(worst)}) when {alteredRows} of {rows} test rows took another row's value{(alteredRows == 0 ? "; the column holds one value on every test row, so this proves little" : "")}",
                worst, Tolerance);
        else
            yield return new CheckResult(CheckKinds.Invariance, Name, false,
                $"{changedRows} of {rows} test rows changed prediction by more than {Numbers.Exact(Tolerance)} when {Column} took another row's value; the largest change, {Numbers.Measured(worst)}, is on data row {run.Context.TestRows[worstRow]}",
                worst, Tolerance);
    }

    static bool SameValue(float a, float b) => a == b || (float.IsNaN(a) && float.IsNaN(b));
}
