using FsCheck;
using FsCheck.Fluent;

namespace Pkgify.Formats.Tests.Hashing;

/// <summary>Random batches of random-length messages hash like System.Security.Cryptography's MD5, on every path.</summary>
public class Md5MultiBufferPropertyTests
{
    private const int MaxMessages = 100;
    private const int MaxLength = 200 * 1024;
    private const int Runs = 60;

    // Mostly small files (the md5sums case), some of several blocks, a few up to 200 KiB.
    private static Gen<int> Length =>
        Gen.Frequency((4, Gen.Choose(0, 300)), (3, Gen.Choose(0, 8 * 1024)), (1, Gen.Choose(0, MaxLength)));

    private static Gen<(int[] Lengths, int Seed)> Batch =>
        from count in Gen.Choose(0, MaxMessages)
        from lengths in Gen.ArrayOf(Length, count)
        from seed in Gen.Choose(0, int.MaxValue)
        select (lengths, seed);

    private static IEnumerable<int> Paths() => Md5Reference.AvailableLanes();

    [TestCaseSource(nameof(Paths))]
    public void Random_batches_match_platform_md5(int lanes)
    {
        var property = Prop.ForAll(Batch.ToArbitrary(), batch =>
        {
            var messages = Md5Reference.Adjacent(batch.Lengths, batch.Seed);
            Md5Reference.ShouldMatchPlatformMd5(messages, Md5Reference.HashAll(messages, lanes), $"{lanes} lanes");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
    }
}
