using System.Globalization;
using System.Text;

namespace MlopsBuild.Benchmarks.Training;

/// <summary>
/// A learnable, Higgs-like binary problem: 21 "low-level" normal features and 7 "high-level" features derived from
/// them (as Higgs' invariant masses are), a label drawn from sigmoid(f(x)) with a nonlinear f full of interactions.
/// The true probability is known, so the Bayes-optimal AUC (about 0.8) can be measured. Deterministic.
/// </summary>
internal static class HiggsLikeData
{
    public const int FeatureCount = 28;
    const int LowLevel = 21;

    /// <summary>Writes "f01 … f28,label" rows; returns each row's true probability of label 1.</summary>
    public static double[] WriteCsv(string file, int rows)
    {
        var random = new Normals(0x5EED_C0FFEEUL);
        var probability = new double[rows];
        var x = new double[FeatureCount];
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(string.Join(',', Enumerable.Range(1, FeatureCount).Select(i => $"f{i:D2}")) + ",label\n");
        Span<char> buffer = stackalloc char[32];
        for (var row = 0; row < rows; row++)
        {
            for (var j = 0; j < LowLevel; j++) x[j] = random.Normal();
            x[21] = Math.Sqrt(x[0] * x[0] + x[1] * x[1]);
            x[22] = x[2] * x[3];
            x[23] = Math.Sin(x[4]) + 0.5 * x[5];
            x[24] = Math.Abs(x[6] - x[7]);
            x[25] = Math.Max(x[8], x[9]);
            x[26] = x[10] * x[10] - x[11];
            x[27] = Math.Exp(0.5 * x[12]);
            var logit = 0.9 * x[0] - 0.5 * x[1] * x[1] + 0.8 * Math.Sin(2 * x[2]) + 0.7 * x[3] * x[4]
                        + 0.6 * (x[5] > 0.5 ? x[6] : -x[6]) - 0.5 * Math.Abs(x[7]) + 0.4 * x[8] * x[9] * x[10]
                        + 0.5 * Math.Tanh(x[11] + x[12]) - 0.3 * x[13] + 0.3 * (x[14] > 0 && x[15] > 0 ? 1 : 0) + 0.35;
            probability[row] = 1 / (1 + Math.Exp(-logit));
            for (var j = 0; j < FeatureCount; j++)
            {
                ((float)x[j]).TryFormat(buffer, out var written, "G7", CultureInfo.InvariantCulture);
                writer.Write(buffer[..written]);
                writer.Write(',');
            }
            writer.Write(random.Uniform() < probability[row] ? "1\n" : "0\n");
        }
        GeneratedFiles.WriteToDisk(writer);
        return probability;
    }

    /// <summary>SplitMix64 uniforms and Box–Muller normals: the same numbers on every machine and runtime.</summary>
    sealed class Normals(ulong seed)
    {
        ulong state = seed;

        public double Uniform()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }

        public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Uniform())) * Math.Cos(2 * Math.PI * Uniform());
    }
}
