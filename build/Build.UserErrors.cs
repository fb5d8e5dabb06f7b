using MlopsBuild.Containers.Engine;
using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.GitHub;
using MlopsBuild.Deployment.Rollouts;
using MlopsBuild.Deployment.Smoke;
using MlopsBuild.Engine;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Training;
using MlopsBuild.Quality.Gates;
using MlopsBuild.Registry.Errors;
using MlopsBuild.Containers.Distribution;

partial class Build
{
    /// <summary>
    /// Runs a stage's work with the errors users cause or meet (bad data, schema, parameters, model files, registry
    /// entries, gate declarations, an engine or image registry that does not answer, a policy or approval that does not
    /// hold, a deployment that failed its checks) shown as a plain message, without the exception's type or a stack
    /// trace: they are the user's to fix or to read, not ours.
    /// </summary>
    static void FailClearly(Action work)
    {
        try
        {
            work();
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            throw new BuildFailedException(e.Message);
        }
    }

    static async Task FailClearlyAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            throw new BuildFailedException(e.Message);
        }
    }

    static bool IsUserFacing(Exception e) =>
        e is TrainingException or DataFormatException or SchemaFileException or ModelFormatException or RegistryException
            or GateDeclarationException or DataValidationFileException
            or DockerException or OciRegistryException
            or ApprovalPolicyException or ApprovalKeyException or ApprovalRecordException or GitHubApprovalsException
            or DeploymentException or SwitchedBackException or SmokeTestException;
}
