namespace MlopsBuild.Serving.Tests;

/// <summary>Test classes that share one trained sample model (training it once per run).</summary>
[CollectionDefinition(Name)]
public sealed class SampleModelCollection : ICollectionFixture<SampleModel>
{
    public const string Name = "sample model";
}
