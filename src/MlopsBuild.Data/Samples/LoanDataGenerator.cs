namespace MlopsBuild.Data.Samples;

/// <summary>
/// The sample dataset (data/loans.csv): loan applications labelled with whether the loan defaulted, generated from
/// a seed with a known ground truth, <see cref="DefaultProbability"/>. The same rows and seed give the same bytes
/// on every machine. data/README.md describes the columns and the formula.
/// </summary>
public static class LoanDataGenerator
{
    public const int DefaultRows = 20_000;
    public const ulong DefaultSeed = 42;

    public const double IncomeMissingShare = 0.03;
    public const double EmploymentYearsMissingShare = 0.05;
    public const double DebtToIncomeMissingShare = 0.01;

    static readonly DateOnly FirstApplicationDate = new(2024, 1, 1);
    static readonly int ApplicationDays = new DateOnly(2025, 12, 31).DayNumber - FirstApplicationDate.DayNumber + 1;

    /// <summary>The rows in file order: by application date, then customer id.</summary>
    public static IReadOnlyList<LoanRecord> Generate(int rows = DefaultRows, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, 900_000); // customer ids have 6 digits
        var random = new Xoshiro256StarStar(seed);
        var customerIds = new HashSet<string>(StringComparer.Ordinal);
        var records = new List<LoanRecord>(rows);
        for (var row = 0; row < rows; row++)
        {
            var applicationDate = FirstApplicationDate.AddDays(random.NextInt(ApplicationDays));
            var applicant = LoanApplicantSampler.Draw(random);
            var incomeMissing = random.Bernoulli(IncomeMissingShare);
            var employmentYearsMissing = random.Bernoulli(EmploymentYearsMissingShare);
            var debtToIncomeMissing = random.Bernoulli(DebtToIncomeMissingShare);
            var defaulted = random.Bernoulli(DefaultProbability(applicant));
            string customerId;
            do customerId = $"C{100_000 + random.NextInt(900_000)}";
            while (!customerIds.Add(customerId));
            records.Add(new LoanRecord(customerId, applicationDate, applicant, incomeMissing, employmentYearsMissing, debtToIncomeMissing, defaulted));
        }
        return records.OrderBy(r => r.ApplicationDate).ThenBy(r => r.CustomerId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes the CSV: a header, then one line per row; LF line ends, invariant formats, missing values empty.</summary>
    public static void Write(TextWriter csv, int rows = DefaultRows, ulong seed = DefaultSeed)
    {
        csv.Write(LoanCsv.Header);
        csv.Write('\n');
        foreach (var record in Generate(rows, seed))
        {
            csv.Write(LoanCsv.Line(record));
            csv.Write('\n');
        }
    }

    /// <summary>
    /// The ground truth: the chance this applicant defaults, logistic(score), where score is
    /// <code>
    ///   -3.00
    ///   - 1.20 · ln(income / 50 000)
    ///   - 1.90 · (credit_score - 680) / 100
    ///   + 3.50 · debt_to_income
    ///   + 7.00 · max(0, debt_to_income - 0.45)                        nonlinearity: risk accelerates above 45%
    ///   + 0.40 · ln(loan_amount / 10 000)
    ///   + 0.15 · (term_months - 36) / 12
    ///   - 0.06 · min(employment_years, 10)
    ///   + 0.40 · max(0, 30 - age) / 10
    ///   + home_ownership: rent +0.35, mortgage 0, own -0.25
    ///   + purpose: business +0.70, education +0.35, debt_consolidation +0.20, other +0.10, home_improvement -0.10, car -0.15
    ///   + region: south +0.40, others 0
    ///   - 0.80 · has_cosigner · max(0, 700 - credit_score) / 100       interaction: a cosigner offsets a weak score
    /// </code>
    /// Decreasing in income and credit score (the interaction flattens the latter below 700 but never reverses it),
    /// increasing in debt_to_income.
    /// </summary>
    public static double DefaultProbability(LoanApplicant a)
    {
        var score = -3.00
            - 1.20 * Math.Log(a.Income / 50_000)
            - 1.90 * (a.CreditScore - 680) / 100.0
            + 3.50 * a.DebtToIncome
            + 7.00 * Math.Max(0, a.DebtToIncome - 0.45)
            + 0.40 * Math.Log(a.LoanAmount / 10_000)
            + 0.15 * (a.TermMonths - 36) / 12.0
            - 0.06 * Math.Min(a.EmploymentYears, 10)
            + 0.40 * Math.Max(0, 30 - a.Age) / 10.0
            + HomeOwnershipEffect(a.HomeOwnership)
            + PurposeEffect(a.Purpose)
            + (a.Region == "south" ? 0.40 : 0)
            - 0.80 * (a.HasCosigner ? 1 : 0) * Math.Max(0, 700 - a.CreditScore) / 100.0;
        return Sampling.Logistic(score);
    }

    static double HomeOwnershipEffect(string homeOwnership) => homeOwnership switch
    {
        "rent" => 0.35,
        "own" => -0.25,
        _ => 0,
    };

    static double PurposeEffect(string purpose) => purpose switch
    {
        "business" => 0.70,
        "education" => 0.35,
        "debt_consolidation" => 0.20,
        "other" => 0.10,
        "home_improvement" => -0.10,
        "car" => -0.15,
        _ => 0,
    };
}
