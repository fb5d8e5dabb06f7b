using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning;

/// <summary>Everything a model file holds: the signature, the predictor and how it was trained.</summary>
public sealed class TrainedModel
{
    public TrainedModel(ModelSignature signature, Predictor predictor, TrainingMetadata metadata)
    {
        if (predictor.FeatureCount != signature.Inputs.Count)
            throw new ArgumentException($"The predictor reads {predictor.FeatureCount} features, the signature has {signature.Inputs.Count} inputs.", nameof(predictor));
        Signature = signature;
        Predictor = predictor;
        Metadata = metadata;
        Featurizer = new Featurizer(signature);
    }

    public ModelSignature Signature { get; }

    public Predictor Predictor { get; }

    public TrainingMetadata Metadata { get; }

    public Featurizer Featurizer { get; }

    public LearningTask Task => Predictor.Task;
}
