namespace MlopsBuild.Containers.Distribution;

/// <summary>
/// An image named by its manifest digest, <c>127.0.0.1:5000/loans-model/lab@sha256:…</c>: the exact bytes, whatever
/// tags point at later. Everything after Package refers to the model server image this way.
/// </summary>
public readonly record struct ImageDigestReference
{
    const string ExpectedForm =
        "expected <registry host>[:port]/<path>@" + Sha256Digest.Form + ", e.g. 127.0.0.1:5000/loans-model/lab@sha256:3a7f…";

    public ImageDigestReference(string repository, string digest)
    {
        if (ProblemWith(repository, digest) is { } problem)
            throw new ArgumentException($"'{repository}@{digest}' is not an image digest reference ({problem}): {ExpectedForm}.");
        Repository = repository;
        Digest = digest;
    }

    /// <summary>The repository with its registry host, e.g. <c>127.0.0.1:5000/loans-model/lab</c>.</summary>
    public string Repository { get; }

    /// <summary>The manifest digest, <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public string Digest { get; }

    public static ImageDigestReference Parse(string reference)
    {
        var at = reference.IndexOf('@');
        if (at < 0)
            throw new ArgumentException($"'{reference}' is not an image digest reference (it has no '@sha256:…'): {ExpectedForm}.");
        var (repository, digest) = (reference[..at], reference[(at + 1)..]);
        if (ProblemWith(repository, digest) is { } problem)
            throw new ArgumentException($"'{reference}' is not an image digest reference ({problem}): {ExpectedForm}.");
        return new ImageDigestReference(repository, digest);
    }

    /// <summary>The same image in another repository (where a copy puts it).</summary>
    public ImageDigestReference WithRepository(string repository) => new(repository, Digest);

    public override string ToString() => $"{Repository}@{Digest}";

    static string? ProblemWith(string repository, string digest) =>
        RegistryRepository.ProblemWith(repository)
        ?? (Sha256Digest.IsValid(digest) ? null : $"the digest '{digest}' is not {Sha256Digest.Form}");
}
