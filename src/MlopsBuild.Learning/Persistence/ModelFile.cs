using System.Buffers;
using MlopsBuild.Core.IO;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// A trained model as one versioned, self-describing file: a JSON header with the input signature (which is the
/// featurizer: input types and category codes), the task, the predictor's kind and the training metadata; the
/// predictor's numbers in a little-endian binary section; and a SHA-256 checksum of it all (see
/// <see cref="ModelEnvelope"/>). The same model always gives the same bytes. Loading verifies the checksum, then every
/// bound and number, so a damaged or forged file fails with a <see cref="ModelFormatException"/>, never a crash or a
/// wrong prediction. Nothing is deserialised by type name.
/// </summary>
public static class ModelFile
{
    /// <summary>Writes the model atomically: readers see the old file or the new one, never half of one.</summary>
    /// <exception cref="ArgumentException">The model is not one a model file can hold (see <see cref="ToBytes"/>).</exception>
    public static void Save(TrainedModel model, string path) => AtomicFile.WriteAllBytes(path, ToBytes(model));

    /// <exception cref="ModelFormatException">The file does not exist, or is not a valid model file.</exception>
    public static TrainedModel Load(string path) => FromBytes(ReadFile(path), path);

    /// <summary>The header alone (after the checksum is verified), for tools that describe a model.</summary>
    /// <exception cref="ModelFormatException">The file does not exist, or is not a valid model file.</exception>
    public static ModelFileInfo ReadInfo(string path) => ReadInfo(ReadFile(path), path);

    /// <inheritdoc cref="ReadInfo(string)"/>
    public static ModelFileInfo ReadInfo(ReadOnlySpan<byte> bytes, string source = "model")
    {
        try
        {
            ModelEnvelope.Open(bytes, out var header, out _, out _);
            return ReadHeader(header);
        }
        catch (InvalidModelException e)
        {
            throw new ModelFormatException(source, e.Location, e.Problem, e.Remedy);
        }
    }

    /// <exception cref="ArgumentException">
    /// The predictor is neither a <see cref="TreeEnsemble"/> nor a <see cref="LinearModel"/>, or breaks a rule that
    /// loading checks (a trainer bug: the message names the rule).
    /// </exception>
    public static byte[] ToBytes(TrainedModel model)
    {
        var info = InfoOf(model);
        var body = new ArrayBufferWriter<byte>();
        var writer = new LittleEndianWriter(body);
        try
        {
            HeaderChecks.Check(info);
            var features = model.Signature.Features();
            switch (model.Predictor)
            {
                case TreeEnsemble ensemble:
                    TreeChecks.Check(ensemble.BaseScores, ensemble.Trees, features);
                    TreeEnsembleSection.Write(writer, ensemble);
                    break;
                case LinearModel linear:
                    LinearChecks.Check(linear, features);
                    LinearModelSection.Write(writer, linear);
                    break;
            }
            return ModelEnvelope.Write(HeaderWriter.Write(info), body.WrittenSpan);
        }
        catch (InvalidModelException e)
        {
            throw new ArgumentException($"The model cannot be saved: {e.Message}.", nameof(model));
        }
    }

    /// <param name="source">What to call the bytes in error messages (a path, a URL).</param>
    /// <exception cref="ModelFormatException">The bytes are not a valid model file.</exception>
    public static TrainedModel FromBytes(ReadOnlySpan<byte> bytes, string source = "model")
    {
        try
        {
            ModelEnvelope.Open(bytes, out var header, out var body, out var bodyOffset);
            var info = ReadHeader(header);
            var features = info.Signature.Features();
            var reader = new LittleEndianReader(body, bodyOffset);
            Prediction.Predictor predictor = info.PredictorKind == PredictorKind.TreeEnsemble
                ? TreeEnsembleSection.Read(ref reader, info, features)
                : LinearModelSection.Read(ref reader, info, features);
            reader.ExpectEnd("predictor");
            return new TrainedModel(info.Signature, predictor, info.Metadata);
        }
        catch (InvalidModelException e)
        {
            throw new ModelFormatException(source, e.Location, e.Problem, e.Remedy);
        }
    }

    static ModelFileInfo ReadHeader(ReadOnlySpan<byte> header)
    {
        var info = HeaderReader.Read(header, ModelEnvelope.FormatVersion);
        HeaderChecks.Check(info);
        return info;
    }

    static ModelFileInfo InfoOf(TrainedModel model)
    {
        var (kind, trees, terms) = model.Predictor switch
        {
            TreeEnsemble ensemble => (PredictorKind.TreeEnsemble, ensemble.Trees.Count, 0),
            LinearModel linear => (PredictorKind.Linear, 0, linear.Terms.Count),
            var other => throw new ArgumentException(
                $"A model file holds tree ensembles and linear models, not {other.GetType().Name}.", nameof(model)),
        };
        return new ModelFileInfo(ModelEnvelope.FormatVersion, model.Task, kind, model.Predictor.ScoreCount, trees, terms, model.Signature, model.Metadata);
    }

    static byte[] ReadFile(string path) =>
        File.Exists(path) ? File.ReadAllBytes(path)
        : throw new ModelFormatException(path, "", "the model file does not exist", "Check the path, or train the model first.");
}
