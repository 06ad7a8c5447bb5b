using GovOpenness.Domain.Simulation;

namespace GovOpenness.Domain.Tests.Simulation;

public class DistributionTests
{
    private static double[] Draw(Distribution d, int count = 20_000)
    {
        var random = new BodyRandom(42, 141181);
        return [.. Enumerable.Range(0, count).Select(_ => d.Sample(ref random))];
    }

    [Fact]
    public void Uniform_and_triangular_draws_stay_within_their_bounds()
    {
        Assert.All(Draw(Distribution.Uniform(5, 40)), x => Assert.InRange(x, 5, 40));
        Assert.All(Draw(Distribution.Triangular(10, 60, 150)), x => Assert.InRange(x, 10, 150));
    }

    [Fact]
    public void Triangular_draws_cluster_around_the_mode()
    {
        var draws = Draw(Distribution.Triangular(0, 10, 100));

        // Theoretical mean (min + mode + max) / 3 = 36.7; median below it (right skew).
        Assert.InRange(draws.Average(), 35, 38.5);
        Assert.True(draws.Order().ElementAt(draws.Length / 2) < draws.Average());
    }

    [Fact]
    public void Lognormal_has_the_requested_mean_and_a_long_right_tail()
    {
        var draws = Draw(Distribution.LogNormal(30, 0.5));

        Assert.InRange(draws.Average(), 29, 31);
        Assert.True(draws.Max() > 2.5 * 30);
        Assert.All(draws, x => Assert.True(x > 0));
    }

    [Fact]
    public void Streams_depend_only_on_seed_and_body()
    {
        var a = new BodyRandom(7, 140000000001);
        var b = new BodyRandom(7, 140000000001);
        var c = new BodyRandom(7, 140000000002);

        var first = a.Next();
        Assert.Equal(first, b.Next());
        Assert.NotEqual(first, c.Next());
    }
}
