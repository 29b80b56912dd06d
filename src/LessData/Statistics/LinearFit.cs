namespace LessData.Statistics;

/// <summary>Least-squares line y = Intercept + Slope·x, with R².</summary>
internal sealed record LinearFit(double Slope, double Intercept, double RSquared)
{
    public static LinearFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < 2) return new LinearFit(double.NaN, double.NaN, double.NaN);
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        double sxx = x.Sum(v => (v - mx) * (v - mx));
        double syy = y.Sum(v => (v - my) * (v - my));
        if (sxx == 0) return new LinearFit(double.NaN, double.NaN, double.NaN);
        double slope = sxy / sxx;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new LinearFit(slope, my - slope * mx, r2);
    }
}
