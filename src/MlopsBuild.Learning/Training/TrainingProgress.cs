using System.Globalization;

namespace MlopsBuild.Learning.Training;

/// <summary>
/// One finished step of a fit, for progress displays: a boosting round ("round 37/100, validation loss 0.3412") or
/// an optimiser iteration ("iteration 12/200, objective 0.4511").
/// </summary>
/// <param name="Step">What a step is called: "round" or "iteration".</param>
/// <param name="Completed">Steps done so far, from 1.</param>
/// <param name="Total">Most steps the fit will take (it may stop earlier).</param>
/// <param name="Measure">What <paramref name="Value"/> is, e.g. "validation loss"; null when nothing is measured.</param>
public sealed record TrainingProgress(string Step, int Completed, int Total, string? Measure = null, double Value = double.NaN)
{
    public override string ToString() => Measure is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Step} {Completed}/{Total}")
        : string.Create(CultureInfo.InvariantCulture, $"{Step} {Completed}/{Total}, {Measure} {Value:G4}");
}
