namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// A policy file that cannot be used, with where and what to do:
/// "<c>deploy/approval-policy.yaml(3,21): required_approvals is 3 but only 2 approvers are listed. …</c>".
/// Lines and columns are 1-based; 0 when the problem is the file as a whole.
/// </summary>
public sealed class ApprovalPolicyException(string file, int line, int column, string problem, string remedy)
    : Exception(line > 0 ? $"{file}({line},{column}): {problem}. {remedy}" : $"{file}: {problem}. {remedy}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
}
