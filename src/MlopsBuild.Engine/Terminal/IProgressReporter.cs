namespace MlopsBuild.Engine.Terminal;

/// <summary>
/// Long work in a target telling how far it has got (see <see cref="PipelineBuild"/>'s <c>Progress(...)</c>).
/// Nothing is drawn before the first report, so a reporter can be made before the work starts; dispose it when the work ends.
/// </summary>
public interface IProgressReporter : IDisposable
{
    /// <param name="completed">Work done so far, in the reporter's unit.</param>
    /// <param name="total">The whole work, when it is learnt (or changes) along the way.</param>
    /// <param name="status">What is happening now, shown instead of the amount: "round 37/100, validation loss 0.3412".</param>
    void Report(long completed, long? total = null, string? status = null);
}
