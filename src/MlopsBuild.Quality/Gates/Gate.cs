namespace MlopsBuild.Quality.Gates;

/// <summary>
/// One declared rule a candidate must meet (see <see cref="QualityGates"/> for how to declare them). A gate may give
/// several checks: a slice gate one per slice and floor.
/// </summary>
public abstract class Gate
{
    private protected Gate()
    {
    }

    /// <summary>The rule as it reads in reports: "auc_roc ≥ 0.85", "invariant to application_date".</summary>
    public abstract string Name { get; }

    /// <summary>Throws a <see cref="GateDeclarationException"/> when the gate cannot apply to this model and data.</summary>
    internal abstract void Validate(GateRun run);

    /// <summary>Runs the checks. Never throws for the model's quality: a bad model gives failed checks.</summary>
    internal abstract IEnumerable<CheckResult> Check(GateRun run);
}
