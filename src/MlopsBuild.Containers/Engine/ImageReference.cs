namespace MlopsBuild.Containers.Engine;

/// <summary>An image reference split into repository and tag: <c>127.0.0.1:5000/team/app:1</c> → (<c>127.0.0.1:5000/team/app</c>, <c>1</c>).</summary>
public readonly record struct ImageReference(string Repository, string Tag)
{
    public static ImageReference Parse(string reference)
    {
        var colon = reference.LastIndexOf(':');
        var slash = reference.LastIndexOf('/');
        if (reference.Contains('@') || reference.Length == 0)
            throw new ArgumentException($"'{reference}' is not a tagged image reference: use repository:tag (digests are not accepted here).");
        return colon > slash ? new ImageReference(reference[..colon], reference[(colon + 1)..]) : new ImageReference(reference, "latest");
    }

    public override string ToString() => $"{Repository}:{Tag}";
}
