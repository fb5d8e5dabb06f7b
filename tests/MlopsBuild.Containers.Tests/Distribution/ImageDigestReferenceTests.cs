using MlopsBuild.Containers.Distribution;

namespace MlopsBuild.Containers.Tests.Distribution;

public sealed class ImageDigestReferenceTests
{
    const string Digest = "sha256:3a7f0c5e9d1b2a4c6e8f0a1b3c5d7e9f1a2b3c4d5e6f708192a3b4c5d6e7f809";

    [Fact]
    public void A_repository_with_its_host_and_a_digest_parses_and_prints_back()
    {
        var reference = ImageDigestReference.Parse($"127.0.0.1:5000/loans-model/lab@{Digest}");

        Assert.Equal(("127.0.0.1:5000/loans-model/lab", Digest), (reference.Repository, reference.Digest));
        Assert.Equal($"127.0.0.1:5000/loans-model/lab@{Digest}", reference.ToString());
    }

    [Fact]
    public void With_repository_keeps_the_digest()
    {
        var lab = ImageDigestReference.Parse($"127.0.0.1:5000/loans-model/lab@{Digest}");

        var factory = lab.WithRepository("ghcr.io/team/loans-model/factory");

        Assert.Equal($"ghcr.io/team/loans-model/factory@{Digest}", factory.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:5000/loans-model/lab:v1", "it has no '@sha256:…'")]
    [InlineData("127.0.0.1:5000/loans-model/lab@sha256:3A7F", "the digest 'sha256:3A7F' is not sha256:<64 lowercase hex digits>")]
    [InlineData("127.0.0.1:5000/loans-model/lab@md5:0123", "the digest 'md5:0123' is not sha256:<64 lowercase hex digits>")]
    [InlineData("loans-model/lab@" + Digest, "'loans-model' is not a registry host")]
    [InlineData("127.0.0.1:5000/Loans/lab@" + Digest, "the path component 'Loans' is not lowercase letters and digits")]
    public void A_bad_reference_is_refused_naming_the_value_the_problem_and_the_expected_form(string value, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => ImageDigestReference.Parse(value));

        Assert.StartsWith($"'{value}' is not an image digest reference (", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains("expected <registry host>[:port]/<path>@sha256:<64 lowercase hex digits>", error.Message);
    }

    [Fact]
    public void Another_repository_must_be_valid_too()
    {
        var lab = ImageDigestReference.Parse($"127.0.0.1:5000/loans-model/lab@{Digest}");

        var error = Assert.Throws<ArgumentException>(() => lab.WithRepository("127.0.0.1:5000/loans-model/Factory"));

        Assert.Contains("'Factory'", error.Message);
    }
}
