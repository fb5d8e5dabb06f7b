using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Fingerprints;

namespace MlopsBuild.Engine.Tests.Fingerprints
{
    public sealed class DefinitionFingerprintTests
    {
        static string TrainHash<T>() where T : PipelineBuild, new()
        {
            var target = TargetCatalog.Create(new T(), null).Single(t => t.Name == "Train");
            return new DefinitionFingerprint(typeof(T)).Of(target);
        }

        [Fact]
        public void Adding_or_editing_other_targets_leaves_a_targets_definition_hash_alone()
        {
            Assert.Equal(TrainHash<Original.Build>(), TrainHash<Neighbours.Build>());
        }

        [Fact]
        public void Editing_the_target_or_a_helper_it_calls_changes_its_hash()
        {
            Assert.NotEqual(TrainHash<Original.Build>(), TrainHash<EditedLambda.Build>());
            Assert.NotEqual(TrainHash<Original.Build>(), TrainHash<EditedHelper.Build>());
        }

        [Fact]
        public void The_hash_is_the_same_every_time_it_is_computed()
        {
            Assert.Equal(TrainHash<Original.Build>(), TrainHash<Original.Build>());
            Assert.StartsWith("sha256:", TrainHash<Original.Build>());
        }
    }
}

namespace MlopsBuild.Engine.Tests.Fingerprints.Original
{
    class Build : PipelineBuild
    {
        Target Prepare => _ => _.Executes(() => Console.WriteLine("prepare"));
        Target Train => _ => _.DependsOn(Prepare).Executes(() => Console.WriteLine(Describe(3)));
        static string Describe(int trees) => $"trees={trees}";
    }
}

namespace MlopsBuild.Engine.Tests.Fingerprints.Neighbours
{
    class Build : PipelineBuild
    {
        Target Added => _ => _.Executes(() => Console.WriteLine("a new target above"));
        Target Prepare => _ => _.Executes(() => Console.WriteLine("prepare differently"));
        Target Train => _ => _.DependsOn(Prepare).Executes(() => Console.WriteLine(Describe(3)));
        static string Describe(int trees) => $"trees={trees}";
    }
}

namespace MlopsBuild.Engine.Tests.Fingerprints.EditedLambda
{
    class Build : PipelineBuild
    {
        Target Prepare => _ => _.Executes(() => Console.WriteLine("prepare"));
        Target Train => _ => _.DependsOn(Prepare).Executes(() => Console.WriteLine(Describe(4)));
        static string Describe(int trees) => $"trees={trees}";
    }
}

namespace MlopsBuild.Engine.Tests.Fingerprints.EditedHelper
{
    class Build : PipelineBuild
    {
        Target Prepare => _ => _.Executes(() => Console.WriteLine("prepare"));
        Target Train => _ => _.DependsOn(Prepare).Executes(() => Console.WriteLine(Describe(3)));
        static string Describe(int trees) => $"number of trees: {trees}";
    }
}
