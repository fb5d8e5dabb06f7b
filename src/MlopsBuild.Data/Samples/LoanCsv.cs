using System.Globalization;

namespace MlopsBuild.Data.Samples;

/// <summary>The text of data/loans.csv: fixed decimals per column and the invariant culture, so the bytes never vary.</summary>
internal static class LoanCsv
{
    public const string Header =
        "customer_id,application_date,age,income,employment_years,home_ownership,region,purpose,loan_amount,term_months,credit_score,debt_to_income,has_cosigner,defaulted";

    public static string Line(LoanRecord record)
    {
        var a = record.Applicant;
        return string.Join(',',
            record.CustomerId,
            record.ApplicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Format(a.Age, "0"),
            record.IncomeMissing ? "" : Format(a.Income, "0.00"),
            record.EmploymentYearsMissing ? "" : Format(a.EmploymentYears, "0.0"),
            a.HomeOwnership,
            a.Region,
            a.Purpose,
            Format(a.LoanAmount, "0"),
            Format(a.TermMonths, "0"),
            Format(a.CreditScore, "0"),
            record.DebtToIncomeMissing ? "" : Format(a.DebtToIncome, "0.000"),
            a.HasCosigner ? "true" : "false",
            record.Defaulted ? "1" : "0");
    }

    static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
