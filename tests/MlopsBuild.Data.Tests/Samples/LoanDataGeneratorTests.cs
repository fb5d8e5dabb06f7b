using MlopsBuild.Data.Samples;

namespace MlopsBuild.Data.Tests.Samples;

public sealed class LoanDataGeneratorTests
{
    // Documented in data/README.md: change both together.
    const double DocumentedBayesAuc = 0.8794;
    const double LowestDefaultRate = 0.15;
    const double HighestDefaultRate = 0.25;

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_others()
    {
        Assert.Equal(Csv(rows: 2_000, seed: 5), Csv(rows: 2_000, seed: 5));
        Assert.NotEqual(Csv(rows: 2_000, seed: 5), Csv(rows: 2_000, seed: 6));
    }

    [Theory]
    [InlineData(LoanDataGenerator.DefaultSeed)]
    [InlineData(7UL)]
    public void The_default_rate_is_in_the_documented_range(ulong seed)
    {
        var records = LoanDataGenerator.Generate(seed: seed);

        Assert.InRange(records.Average(r => r.Defaulted ? 1.0 : 0.0), LowestDefaultRate, HighestDefaultRate);
    }

    [Fact]
    public void The_south_defaults_more_often_than_the_rest()
    {
        var records = LoanDataGenerator.Generate();
        var south = records.Where(r => r.Applicant.Region == "south").Average(r => r.Defaulted ? 1.0 : 0.0);
        var elsewhere = records.Where(r => r.Applicant.Region != "south").Average(r => r.Defaulted ? 1.0 : 0.0);

        Assert.InRange(south - elsewhere, 0.03, 0.10);
    }

    [Fact]
    public void The_ground_truth_reaches_the_documented_auc_on_the_shipped_data()
    {
        var records = LoanDataGenerator.Generate();

        var auc = Auc(records.Select(r => LoanDataGenerator.DefaultProbability(r.Applicant)).ToList(), records.Select(r => r.Defaulted).ToList());

        Assert.Equal(DocumentedBayesAuc, auc, tolerance: 0.00005);
    }

    [Fact]
    public void Risk_falls_with_income()
    {
        foreach (var applicant in Applicants())
            AssertRiskFalls(Grid(5_000, 500_000, 1_000).Select(income => applicant with { Income = income }));
    }

    [Fact]
    public void Risk_falls_with_credit_score_with_or_without_a_cosigner()
    {
        foreach (var applicant in Applicants())
            foreach (var hasCosigner in new[] { false, true })
                AssertRiskFalls(Enumerable.Range(300, 551).Select(score => applicant with { CreditScore = score, HasCosigner = hasCosigner }));
    }

    [Fact]
    public void Risk_rises_with_debt_to_income()
    {
        foreach (var applicant in Applicants())
            AssertRiskRises(Grid(0, 2, 0.001).Select(ratio => applicant with { DebtToIncome = ratio }));
    }

    [Fact]
    public void Missing_values_are_near_their_target_shares()
    {
        var csv = LoansCsv.Committed;

        Assert.Equal(LoanDataGenerator.IncomeMissingShare, csv.MissingShare("income"), tolerance: 0.005);
        Assert.Equal(LoanDataGenerator.EmploymentYearsMissingShare, csv.MissingShare("employment_years"), tolerance: 0.006);
        Assert.Equal(LoanDataGenerator.DebtToIncomeMissingShare, csv.MissingShare("debt_to_income"), tolerance: 0.003);
        Assert.All(csv.Header.Except(["income", "employment_years", "debt_to_income"]), column => Assert.Equal(0, csv.MissingShare(column)));
    }

    [Fact]
    public void Employment_never_started_before_eighteen()
    {
        Assert.All(LoanDataGenerator.Generate(), r => Assert.InRange(r.Applicant.EmploymentYears, 0, r.Applicant.Age - 18));
    }

    static string Csv(int rows, ulong seed)
    {
        var csv = new StringWriter();
        LoanDataGenerator.Write(csv, rows, seed);
        return csv.ToString();
    }

    // Real applicants from the data as starting points, so the checks cover the population rather than one case.
    static IEnumerable<LoanApplicant> Applicants() => LoanDataGenerator.Generate(rows: 200, seed: 11).Select(r => r.Applicant);

    static IEnumerable<double> Grid(double from, double to, double step) =>
        Enumerable.Range(0, (int)Math.Round((to - from) / step) + 1).Select(i => from + i * step);

    static void AssertRiskFalls(IEnumerable<LoanApplicant> applicants) => AssertEachStep(applicants, (before, after) => after < before, "below");

    static void AssertRiskRises(IEnumerable<LoanApplicant> applicants) => AssertEachStep(applicants, (before, after) => after > before, "above");

    static void AssertEachStep(IEnumerable<LoanApplicant> applicants, Func<double, double, bool> holds, string relation)
    {
        var probabilities = applicants.Select(LoanDataGenerator.DefaultProbability).ToList();
        Assert.All(probabilities.Zip(probabilities.Skip(1)), step => Assert.True(holds(step.First, step.Second), $"{step.Second} is not {relation} {step.First}"));
    }

    // The Mann–Whitney statistic: the chance a random defaulter scores above a random non-defaulter, ties counting half.
    static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToList();
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Count;)
        {
            var end = start;
            while (end < order.Count && scores[order[end]] == scores[order[start]]) end++;
            var averageRank = (start + 1 + end) / 2.0;
            for (var i = start; i < end; i++)
                if (labels[order[i]]) { positiveRankSum += averageRank; positives++; }
            start = end;
        }
        var negatives = scores.Count - positives;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}
