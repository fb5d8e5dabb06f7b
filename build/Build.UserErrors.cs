using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Engine;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Training;
using MlopsBuild.Quality.Gates;
using MlopsBuild.Registry.Errors;

partial class Build
{
    /// <summary>
    /// Runs a stage's work with the errors users cause (bad data, schema, parameters, model files, registry entries,
    /// gate declarations) shown as a plain message, without the exception's type or a stack trace: they are the
    /// user's to fix, not ours.
    /// </summary>
    static void FailClearly(Action work)
    {
        try
        {
            work();
        }
        catch (Exception e) when (e is TrainingException or DataFormatException or SchemaFileException or ModelFormatException
                                      or RegistryException or GateDeclarationException or DataValidationFileException)
        {
            throw new BuildFailedException(e.Message);
        }
    }
}
