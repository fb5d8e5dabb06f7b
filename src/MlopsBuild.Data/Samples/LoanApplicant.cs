namespace MlopsBuild.Data.Samples;

/// <summary>
/// What the sample data knows of one loan applicant: the true values, rounded as written to the CSV
/// (which hides some of them as missing). <see cref="LoanDataGenerator.DefaultProbability"/> scores these.
/// </summary>
/// <param name="Income">Yearly, in currency units.</param>
/// <param name="HomeOwnership">rent, own or mortgage.</param>
/// <param name="Region">north, south, east, west or central.</param>
/// <param name="Purpose">debt_consolidation, home_improvement, car, education, business or other.</param>
/// <param name="TermMonths">12, 24, 36 or 60.</param>
/// <param name="CreditScore">300 to 850.</param>
/// <param name="DebtToIncome">Yearly debt payments, this loan's included, over yearly income.</param>
public sealed record LoanApplicant(
    int Age,
    double Income,
    double EmploymentYears,
    string HomeOwnership,
    string Region,
    string Purpose,
    double LoanAmount,
    int TermMonths,
    int CreditScore,
    double DebtToIncome,
    bool HasCosigner);
