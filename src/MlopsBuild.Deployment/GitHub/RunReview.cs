namespace MlopsBuild.Deployment.GitHub;

/// <summary>
/// One entry of a run's deployment review history, as GitHub lists it: who reviewed, <c>approved</c>, <c>rejected</c> or
/// <c>pending</c> (a comment without a decision), their comment, and the environments the review was for.
/// GitHub gives no time for a review.
/// </summary>
public sealed record RunReview(string Reviewer, string State, string Comment, IReadOnlyList<string> Environments);
